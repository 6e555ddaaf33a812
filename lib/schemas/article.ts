import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { slugSchema } from "@/lib/schemas/data";
import { calendarDateSchema } from "@/lib/schemas/dates";
import { MAX_LIST, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from "@/lib/schemas/limits";

// The front matter of data/articles/<slug>.<locale>.md (see data/articles/FORMAT.md). Strict, like
// the data files: a misspelt field is an error a writer sees, not something silently dropped.

export const MAX_DESCRIPTION_LENGTH = 200;

const titleSchema = z.string().trim().min(1).max(MAX_TITLE_LENGTH);
const textSchema = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

export const articleSourceSchema = z.strictObject({
  title: titleSchema,
  url: z.url({ protocol: /^https?$/ }).max(MAX_URL_LENGTH),
});
export type ArticleSource = z.infer<typeof articleSourceSchema>;

export const articleFrontmatterSchema = z.strictObject({
  slug: slugSchema,
  locale: z.enum(LOCALES),
  title: titleSchema,
  description: z.string().trim().min(1).max(MAX_DESCRIPTION_LENGTH),
  // YAML reads an unquoted 2026-11-27 as a Date; accept both spellings and keep the string.
  // A real calendar day ("2026-02-30" matches the pattern but is not one), not in the future.
  lastReviewed: z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    calendarDateSchema,
  ),
  order: z.int().min(0),
  // Which catalogue properties the article explains; checked against data/properties.json.
  properties: z.array(slugSchema).max(MAX_LIST).default([]),
  sources: z.array(articleSourceSchema).min(1, "needs at least one source").max(MAX_LIST),
});
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;

export const glossaryEntrySchema = z.strictObject({
  key: slugSchema,
  article: slugSchema.optional(),
  ja: z.strictObject({
    term: titleSchema,
    reading: titleSchema.optional(),
    definition: textSchema,
  }),
  en: z.strictObject({
    term: titleSchema,
    definition: textSchema,
  }),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const glossarySchema = z.array(glossaryEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(entry.key))
      ctx.addIssue({ code: "custom", path: [i, "key"], message: `duplicate glossary key "${entry.key}"` });
    seen.add(entry.key);
  });
});
