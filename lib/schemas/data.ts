import { z } from "zod";
import {
  EndpointDirection,
  EndpointSecurity,
  MailProtocol,
  PropertyCategory,
  PropertySubject,
  Segment,
  ServiceStatus,
  SourceKind,
  SupportValue,
} from "@/lib/generated/prisma/enums";
import { partialDateSchema } from "@/lib/schemas/dates";
import {
  MAX_HOST_LENGTH,
  MAX_KEY_LENGTH,
  MAX_LIST,
  MAX_NAME_LENGTH,
  MAX_RECORDS,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from "@/lib/schemas/limits";

// Schemas for the reviewed files in data/. They are strict: a misspelt field is an error, not
// something silently dropped, because a reviewer must see exactly what the site will show.
// Every string and list has a bound (lib/schemas/limits.ts).

export const slugSchema = z
  .string()
  .max(MAX_KEY_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens");

// Pages that live beside the service pages under /<locale>/providers/ take these names first.
export const RESERVED_SERVICE_SLUGS = ["legend"] as const;
const serviceSlugSchema = slugSchema.refine((slug) => !(RESERVED_SERVICE_SLUGS as readonly string[]).includes(slug), {
  error: (issue) => `"${String(issue.input)}" is the address of another page under /providers/; choose another slug`,
});

// As precise as the source is: a year, a month or a day; on the calendar and not in the future.
export { partialDateSchema };

const name = z.string().min(1).max(MAX_NAME_LENGTH);
const title = z.string().min(1).max(MAX_TITLE_LENGTH);
const text = z.string().min(1).max(MAX_TEXT_LENGTH);
const url = z.url({ protocol: /^https?$/ }).max(MAX_URL_LENGTH);

// The allowed values are Prisma's enums (prisma/schema.prisma), so the files are checked against
// exactly what the database accepts; the generated enum module is plain data, safe anywhere.
export const SUPPORT_VALUES = Object.values(SupportValue);
export const supportValueSchema = z.enum(SupportValue);
export const segmentSchema = z.enum(Segment);
export type { Segment, SupportValue };

const localizedLabelSchema = z.strictObject({
  label: title,
  short: z.string().min(1).max(20),
});

export const propertyFileSchema = z
  .array(
    z.strictObject({
      key: slugSchema,
      category: z.enum(PropertyCategory),
      appliesTo: z.enum(PropertySubject),
      article: slugSchema.optional(),
      ja: localizedLabelSchema,
      en: localizedLabelSchema,
    }),
  )
  .min(1)
  .max(MAX_RECORDS);
export type PropertyRecord = z.infer<typeof propertyFileSchema>[number];

export const sourceFileSchema = z
  .array(
    z.strictObject({
      key: slugSchema,
      kind: z.enum(SourceKind),
      title: title,
      titleEn: title.optional(),
      url: url.optional(),
      asOf: partialDateSchema.optional(),
      // the page shows no date of its own; asOf is the day it was read
      undated: z.boolean().default(false),
      note: z.string().max(MAX_TEXT_LENGTH).optional(),
    }),
  )
  .max(MAX_RECORDS);
export type SourceRecord = z.infer<typeof sourceFileSchema>[number];

export const claimRecordSchema = z.strictObject({
  property: slugSchema,
  value: supportValueSchema,
  source: slugSchema,
  asOf: partialDateSchema,
  // Japanese first; noteEn where the note is prose rather than data
  note: text.optional(),
  noteEn: text.optional(),
});
export type ClaimRecord = z.infer<typeof claimRecordSchema>;

export const endpointRecordSchema = z.strictObject({
  direction: z.enum(EndpointDirection),
  protocol: z.enum(MailProtocol),
  host: z
    .string()
    .max(MAX_HOST_LENGTH)
    .regex(/^[a-z0-9.-]+$/i, "must be a host name"),
  port: z.int().min(1).max(65535),
  security: z.enum(EndpointSecurity),
  authMethods: z.array(z.string().min(1).max(MAX_KEY_LENGTH)).max(20).default([]),
  source: slugSchema,
  asOf: partialDateSchema,
});

export const serviceRecordSchema = z.strictObject({
  slug: serviceSlugSchema,
  name: name,
  nameEn: name.optional(),
  plan: title.optional(),
  segment: segmentSchema.optional(),
  homepage: url.optional(),
  status: z.enum(ServiceStatus).default(ServiceStatus.active),
  statusAsOf: partialDateSchema.optional(),
  editorsPick: z.boolean().default(false),
  formerNames: z
    .array(z.strictObject({ name: name, until: partialDateSchema.optional() }))
    .max(MAX_LIST)
    .default([]),
  claims: z.array(claimRecordSchema).max(MAX_LIST).default([]),
  endpoints: z.array(endpointRecordSchema).max(MAX_LIST).default([]),
});
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;

export const providerFileSchema = z
  .array(
    z.strictObject({
      slug: slugSchema,
      name: name,
      nameEn: name.optional(),
      homepage: url.optional(),
      services: z.array(serviceRecordSchema).min(1).max(MAX_LIST),
    }),
  )
  .max(MAX_RECORDS);
export type CompanyRecord = z.infer<typeof providerFileSchema>[number];

export const clientFileSchema = z
  .array(
    z.strictObject({
      slug: slugSchema,
      name: name,
      version: z.string().min(1).max(100).optional(),
      platform: title,
      claims: z.array(claimRecordSchema).max(MAX_LIST).default([]),
    }),
  )
  .max(MAX_RECORDS);
export type ClientRecord = z.infer<typeof clientFileSchema>[number];
