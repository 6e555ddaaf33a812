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

// Schemas for the reviewed files in data/. They are strict: a misspelt field is an error, not
// something silently dropped, because a reviewer must see exactly what the site will show.

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens");

// Pages that live beside the service pages under /<locale>/providers/ take these names first.
export const RESERVED_SERVICE_SLUGS = ["legend"] as const;
const serviceSlugSchema = slugSchema.refine((slug) => !(RESERVED_SERVICE_SLUGS as readonly string[]).includes(slug), {
  error: (issue) => `"${String(issue.input)}" is the address of another page under /providers/; choose another slug`,
});

// As precise as the source is: a year, a month or a day.
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD");

// The allowed values are Prisma's enums (prisma/schema.prisma), so the files are checked against
// exactly what the database accepts; the generated enum module is plain data, safe anywhere.
export const SUPPORT_VALUES = Object.values(SupportValue);
export const supportValueSchema = z.enum(SupportValue);
export const segmentSchema = z.enum(Segment);
export type { Segment, SupportValue };

const localizedLabelSchema = z.strictObject({
  label: z.string().min(1),
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
  .min(1);
export type PropertyRecord = z.infer<typeof propertyFileSchema>[number];

export const sourceFileSchema = z.array(
  z.strictObject({
    key: slugSchema,
    kind: z.enum(SourceKind),
    title: z.string().min(1),
    titleEn: z.string().min(1).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    asOf: partialDateSchema.optional(),
    // the page shows no date of its own; asOf is the day it was read
    undated: z.boolean().default(false),
    note: z.string().optional(),
  }),
);
export type SourceRecord = z.infer<typeof sourceFileSchema>[number];

export const claimRecordSchema = z.strictObject({
  property: slugSchema,
  value: supportValueSchema,
  source: slugSchema,
  asOf: partialDateSchema,
  // Japanese first; noteEn where the note is prose rather than data
  note: z.string().min(1).optional(),
  noteEn: z.string().min(1).optional(),
});
export type ClaimRecord = z.infer<typeof claimRecordSchema>;

export const endpointRecordSchema = z.strictObject({
  direction: z.enum(EndpointDirection),
  protocol: z.enum(MailProtocol),
  host: z.string().regex(/^[a-z0-9.-]+$/i, "must be a host name"),
  port: z.int().min(1).max(65535),
  security: z.enum(EndpointSecurity),
  authMethods: z.array(z.string().min(1)).default([]),
  source: slugSchema,
  asOf: partialDateSchema,
});

export const serviceRecordSchema = z.strictObject({
  slug: serviceSlugSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
  segment: segmentSchema.optional(),
  homepage: z.url({ protocol: /^https?$/ }).optional(),
  status: z.enum(ServiceStatus).default(ServiceStatus.active),
  statusAsOf: partialDateSchema.optional(),
  editorsPick: z.boolean().default(false),
  formerNames: z.array(z.strictObject({ name: z.string().min(1), until: partialDateSchema.optional() })).default([]),
  claims: z.array(claimRecordSchema).default([]),
  endpoints: z.array(endpointRecordSchema).default([]),
});
export type ServiceRecord = z.infer<typeof serviceRecordSchema>;

export const providerFileSchema = z.array(
  z.strictObject({
    slug: slugSchema,
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    homepage: z.url({ protocol: /^https?$/ }).optional(),
    services: z.array(serviceRecordSchema).min(1),
  }),
);
export type CompanyRecord = z.infer<typeof providerFileSchema>[number];

export const clientFileSchema = z.array(
  z.strictObject({
    slug: slugSchema,
    name: z.string().min(1),
    version: z.string().min(1).optional(),
    platform: z.string().min(1),
    claims: z.array(claimRecordSchema).default([]),
  }),
);
export type ClientRecord = z.infer<typeof clientFileSchema>[number];
