import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .startsWith("file:", "DATABASE_URL must be a SQLite file: URL, e.g. file:./prisma/dev.db")
    .default("file:./prisma/dev.db"),
  // The public origin of the site, for canonical URLs, hreflang alternates, the sitemap and
  // robots.txt; no trailing slash so paths can be appended as they are.
  SITE_URL: z
    .url({ protocol: /^https?$/, error: "SITE_URL must be an http(s) URL, e.g. https://example.jp" })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
});

export type Env = z.infer<typeof envSchema>;

// Parsed once; a bad value stops the process at start instead of failing on the first query.
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
