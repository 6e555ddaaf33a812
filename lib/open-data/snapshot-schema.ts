import { z } from "zod";

// The catalogue snapshot's contract (/api/catalogue/v1.json). The published JSON Schema
// (/schemas/catalogue-v1.schema.json) is generated from this one zod schema, so the two cannot
// drift. Only shapes JSON Schema can state are used here: no transforms, no refinements.
// A change that could break a reader (a field removed, renamed or retyped) makes a v2 beside v1;
// adding an optional field does not.

export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_PATH = "/api/catalogue/v1.json";
export const SNAPSHOT_SCHEMA_PATH = "/schemas/catalogue-v1.schema.json";

const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
  .meta({ description: "YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source" });
const value = z.enum(["yes", "no", "partial", "unknown"]);

const propertySchema = z.object({
  key: z.string(),
  category: z.enum(["receive", "send", "auth", "domain"]),
  labelJa: z.string(),
  labelEn: z.string(),
});

const sourceSchema = z.object({
  key: z.string(),
  kind: z.enum(["page", "documentation", "dataset", "probe"]),
  title: z.string(),
  titleEn: z.string().nullable(),
  url: z.string().nullable(),
  asOf: partialDate.nullable(),
  undated: z.boolean().meta({ description: "the source shows no date of its own: asOf is the day it was read" }),
  version: z.string().nullable().meta({ description: "a dataset's commit or package version" }),
  license: z.string().nullable().meta({ description: "a dataset's licence, as its publisher states it" }),
});

const claimSchema = z.object({
  property: z.string().meta({ description: "a key of properties[]" }),
  value,
  asOf: partialDate.meta({ description: "the date the claim was true" }),
  verifiedOn: partialDate.nullable().meta({ description: "when someone last checked the fact" }),
  source: z.string().meta({ description: "a key of sources[]" }),
  current: z.boolean().meta({ description: "the claim the catalogue shows for this property (one per property)" }),
  note: z.string().nullable(),
  noteEn: z.string().nullable(),
  warnings: z.array(z.string()),
});

const endpointSchema = z.object({
  direction: z.enum(["incoming", "outgoing"]),
  protocol: z.enum(["pop3", "imap", "smtp"]),
  host: z.string(),
  port: z.int().min(1).max(65535),
  security: z.enum(["tls", "starttls", "none"]).meta({ description: "tls: TLS from the first byte" }),
  authMethods: z.array(z.string()),
  asOf: partialDate,
  source: z.string().meta({ description: "a key of sources[]" }),
});

const serviceSchema = z.object({
  slug: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  plan: z.string().nullable(),
  segment: z.enum(["personal", "business"]).nullable(),
  kind: z.string(),
  status: z.enum(["active", "renamed", "discontinued"]),
  homepage: z.string().nullable(),
  domains: z.array(z.string()),
  formerNames: z.array(z.string()),
  newestEvidence: partialDate.nullable(),
  claims: z.array(claimSchema).meta({
    description:
      "every claim any source made, newest first; a property no claim names is unknown, which is not the same as no",
  }),
  endpoints: z.array(endpointSchema),
});

export const catalogueSnapshotSchema = z
  .object({
    $schema: z.string().optional().meta({ description: "the URL of this schema" }),
    snapshotVersion: z.literal(SNAPSHOT_VERSION),
    catalogueVersion: z.string().meta({ description: "changes whenever what the catalogue shows changes" }),
    catalogueChangedAt: z.iso.datetime().meta({ description: "when catalogueVersion last changed" }),
    licence: z.object({ name: z.literal("CC-BY-4.0"), url: z.string(), attribution: z.string() }),
    properties: z.array(propertySchema),
    sources: z.array(sourceSchema),
    services: z.array(serviceSchema),
  })
  .meta({
    title: "Mail Security Compass catalogue snapshot, version 1",
    description: "Every service with every sourced, dated claim and the mail server settings the sources name.",
  });

export type CatalogueSnapshot = z.infer<typeof catalogueSnapshotSchema>;
export type SnapshotService = CatalogueSnapshot["services"][number];

export const CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/";

export function snapshotJsonSchema(id: string = SNAPSHOT_SCHEMA_PATH): Record<string, unknown> {
  return { ...z.toJSONSchema(catalogueSnapshotSchema, { target: "draft-2020-12" }), $id: id };
}
