import { z } from "zod";
import { kindSchema } from "@/lib/schemas/documentation";
import { slugSchema } from "@/lib/schemas/data";

// data/editorial.json: the project's own editorial decisions about merged services, kept apart
// from the facts so each can be reviewed on its own. Everything here is shown as editorial.

const recordRefSchema = z.string().regex(/^[a-z0-9-]+:.+$/, 'must be "<dataset key>:<record id>"');

export const editorialFileSchema = z.strictObject({
  // explicit merges where no domain, host or name links two records of one provider
  links: z.array(z.array(recordRefSchema).min(2)).default([]),
  // the slug of the service a record ends up in, where the derived one reads badly ("me" for iCloud)
  slugs: z.record(recordRefSchema, slugSchema).default({}),
  // domains a big provider's record lists because it hosts them (nyu.edu in Gmail's ISPDB file)
  // while the domain's own provider has a record too: they never link two records
  unlinkedDomains: z.array(z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/)).default([]),
  // records that describe no real provider (a dataset's template entry), left out with the reason
  exclude: z.array(z.strictObject({ ref: recordRefSchema, reason: z.string().min(1).max(300) })).default([]),
  // records linked only by their own literal domains (a university on Google's servers is not Gmail)
  standalone: z.array(recordRefSchema).default([]),
  services: z
    .record(
      slugSchema,
      z.strictObject({
        name: z.string().min(1).max(200).optional(),
        nameEn: z.string().min(1).max(200).optional(),
        kana: z
          .string()
          .regex(/^[\u3041-\u309F\u30FC\s]+$/, "must be hiragana")
          .optional(),
        kind: kindSchema.optional(),
        segment: z.enum(["personal", "business"]).nullable().optional(),
        homepage: z.url({ protocol: /^https?$/ }).optional(),
      }),
    )
    .default({}),
});
export type EditorialFile = z.infer<typeof editorialFileSchema>;
