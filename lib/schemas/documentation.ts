import { z } from "zod";
import { LOGIN_PROPERTY_KEYS, MAIL_PROPERTY_KEYS } from "@/lib/mail";
import { authMethodSchema, hostSchema } from "@/lib/sources/record";
import { partialDateSchema, slugSchema } from "@/lib/schemas/data";
import { calendarDateSchema } from "@/lib/schemas/dates";
import { MAX_LIST, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from "@/lib/schemas/limits";

// data/documentation/<slug>.json: what a provider's own documentation (or, marked as such, a
// third-party page) states about its mail servers, each fact citing the page it came from.

export const KINDS = ["hosting", "isp", "mailbox", "suite", "privacy", "university", "other"] as const;
export const kindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof kindSchema>;

const urlSchema = z.url({ protocol: /^https?$/ }).max(MAX_URL_LENGTH);
const nameSchema = z.string().min(1).max(MAX_NAME_LENGTH);
const textSchema = z.string().min(1).max(MAX_TEXT_LENGTH);

export const documentSchema = z.strictObject({
  key: slugSchema,
  url: urlSchema,
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  publisher: z.enum(["first-party", "third-party"]),
  // the date the page shows; null when it shows none (then it is cited as undated)
  published: partialDateSchema.nullable(),
  // the date this project read it
  recorded: calendarDateSchema,
});
export type DocumentRecord = z.infer<typeof documentSchema>;

// What a provider's page can state: the mail-protocol properties, plus how people log in today.
const documentedPropertyKeys = [...MAIL_PROPERTY_KEYS, ...LOGIN_PROPERTY_KEYS] as const;

export const documentationFileSchema = z
  .strictObject({
    slug: slugSchema,
    name: nameSchema,
    nameEn: nameSchema,
    kana: z
      .string()
      .max(MAX_NAME_LENGTH)
      .regex(/^[\u3041-\u309F\u30FC\s]+$/, "must be hiragana")
      .optional(),
    company: z
      .strictObject({
        slug: slugSchema,
        name: nameSchema,
        nameEn: nameSchema.nullable(),
        homepage: urlSchema.nullable(),
      })
      .nullable(),
    homepage: urlSchema,
    kind: kindSchema,
    segment: z.enum(["personal", "business"]),
    domains: z
      .array(
        z
          .string()
          .max(253)
          .regex(/^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/),
      )
      .max(MAX_LIST),
    hostPatterns: z.array(hostSchema).max(50),
    mxPatterns: z.array(hostSchema).max(50),
    documents: z.array(documentSchema).max(50),
    endpoints: z
      .array(
        z.strictObject({
          protocol: z.enum(["pop3", "imap", "smtp"]),
          host: hostSchema,
          port: z.int().min(1).max(65535),
          security: z.enum(["tls", "starttls", "none"]),
          auth: z.array(authMethodSchema).max(10).optional(),
          document: slugSchema,
        }),
      )
      .max(100),
    facts: z
      .array(
        z.strictObject({
          property: z.enum(documentedPropertyKeys),
          value: z.enum(["yes", "no", "partial"]),
          document: slugSchema,
          note: textSchema,
          noteEn: textSchema,
        }),
      )
      .max(100),
    warnings: z
      .array(
        z.strictObject({
          document: slugSchema,
          ja: textSchema,
          en: textSchema,
        }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((file, ctx) => {
    const keys = new Set(file.documents.map((d) => d.key));
    const check = (document: string, path: (string | number)[]) => {
      if (!keys.has(document))
        ctx.addIssue({ code: "custom", path, message: `names document "${document}", which the file does not list` });
    };
    file.endpoints.forEach((e, i) => check(e.document, ["endpoints", i, "document"]));
    file.facts.forEach((f, i) => check(f.document, ["facts", i, "document"]));
    file.warnings.forEach((w, i) => check(w.document, ["warnings", i, "document"]));
  });
export type DocumentationFile = z.infer<typeof documentationFileSchema>;
