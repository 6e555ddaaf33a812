import { z } from "zod";
import { DEFAULT_TIMEOUT_MS } from "@/lib/probe/types";

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .default("")
  .transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  // The embedded default, a SQLite file, or a PostgreSQL server (decision 0010).
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "DATABASE_URL must be a SQLite file: URL (file:./prisma/dev.db) or a postgresql:// URL",
    )
    .refine((url) => url.replace(/\?.*$/, "") !== "file:", "DATABASE_URL names no file")
    .default("file:./prisma/dev.db"),
  // The public origin of the site, for canonical URLs, hreflang alternates, the sitemap and
  // robots.txt; no trailing slash so paths can be appended as they are. Unset (or empty) means
  // pages carry no absolute URL at all: guessing one (localhost, the Host header) would publish
  // a wrong or attacker-chosen address.
  SITE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .url({ protocol: /^https?$/, error: "SITE_URL must be an http(s) URL, e.g. https://example.jp" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  NODE_ENV: z.string().optional(),
  // Loopback only, for tests and local development; private ranges are never allowed.
  PROBE_ALLOW_LOOPBACK: flag,
  PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_TIMEOUT_MS),
  // Sends all three autoconfig fetches to one server instead of the domain's own hosts and the
  // Thunderbird ISPDB: <base>/autoconfig/<domain>, <base>/well-known/<domain>, <base>/ispdb/<domain>.
  // For tests and local development only; empty means unset.
  AUTOCONFIG_BASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .url({ protocol: /^https?$/ })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
  AUTOCONFIG_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  // Where readers send corrections: an e-mail address (optionally "mailto:") or an https form
  // URL. Shown on service pages, the about page and /.well-known/security.txt; empty means unset,
  // and then none of them offers a contact.
  CORRECTIONS_CONTACT: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(/^mailto:/i, "") || undefined : v),
    z
      .union([z.email(), z.url({ protocol: /^https$/ })], {
        error: "CORRECTIONS_CONTACT must be an e-mail address or an https URL, e.g. corrections@example.jp",
      })
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

// For tests and for getEnv: checks a given set of variables, naming every bad one.
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

// Parsed once, on first use, and kept for the life of the process: a bad value fails the first
// command or request that needs the environment, loudly, instead of becoming a wrong default.
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
