import { z } from "zod";
import { kindSchema } from "@/lib/schemas/documentation";
import { slugSchema } from "@/lib/schemas/data";
import {
  MAX_HOST_LENGTH,
  MAX_KEY_LENGTH,
  MAX_LIST,
  MAX_NAME_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from "@/lib/schemas/limits";

// data/editorial.json: the project's own editorial decisions about merged services, kept apart
// from the facts so each can be reviewed on its own. Everything here is shown as editorial.

const recordRefSchema = z
  .string()
  .max(MAX_KEY_LENGTH * 2)
  .regex(/^[a-z0-9-]+:.+$/, 'must be "<dataset key>:<record id>"');

export const editorialFileSchema = z.strictObject({
  // explicit merges where no domain, host or name links two records of one provider
  links: z.array(z.array(recordRefSchema).min(2).max(MAX_LIST)).max(MAX_LIST).default([]),
  // the slug of the service a record ends up in, where the derived one reads badly ("me" for iCloud)
  slugs: z.record(recordRefSchema, slugSchema).default({}),
  // domains a big provider's record lists because it hosts them (nyu.edu in Gmail's ISPDB file)
  // while the domain's own provider has a record too: they never link two records
  unlinkedDomains: z
    .array(
      z
        .string()
        .max(MAX_HOST_LENGTH)
        .regex(/^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/),
    )
    .max(MAX_LIST)
    .default([]),
  // records that describe no real provider (a dataset's template entry), left out with the reason
  exclude: z
    .array(z.strictObject({ ref: recordRefSchema, reason: z.string().min(1).max(MAX_TITLE_LENGTH) }))
    .max(MAX_LIST)
    .default([]),
  // records linked only by their own literal domains (a university on Google's servers is not Gmail)
  standalone: z.array(recordRefSchema).max(MAX_LIST).default([]),
  services: z
    .record(
      slugSchema,
      z.strictObject({
        name: z.string().min(1).max(MAX_NAME_LENGTH).optional(),
        nameEn: z.string().min(1).max(MAX_NAME_LENGTH).optional(),
        kana: z
          .string()
          .max(MAX_NAME_LENGTH)
          .regex(/^[\u3041-\u309F\u30FC\s]+$/, "must be hiragana")
          .optional(),
        kind: kindSchema.optional(),
        segment: z.enum(["personal", "business"]).nullable().optional(),
        homepage: z
          .url({ protocol: /^https?$/ })
          .max(MAX_URL_LENGTH)
          .optional(),
      }),
    )
    .default({}),
});
export type EditorialFile = z.infer<typeof editorialFileSchema>;
