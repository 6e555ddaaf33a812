import { readdir } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { hasPlaceholder, type ReadResult, type RecordError } from "@/lib/sources/read-result";
import { recordErrors } from "@/lib/sources/read-result";
import { normalizeHost, readSourceFile } from "@/lib/sources/read-result";
import { monthOrDaySchema } from "@/lib/schemas/dates";
import { MAX_HOST_LENGTH, MAX_LIST, MAX_NAME_LENGTH, MAX_URL_LENGTH } from "@/lib/schemas/limits";
import { describeSetting, emptyRecord, type Finding, type Setting, type SourceRecord } from "@/lib/sources/record";

// Delta Chat's provider database: one Markdown file per provider with YAML front matter. Only
// the front matter's facts are read; the hints and the body are prose and stay in the source.

const serverSchema = z.object({
  type: z.enum(["imap", "smtp"]),
  socket: z.enum(["SSL", "STARTTLS", "PLAIN"]),
  hostname: z.string().min(1).max(MAX_HOST_LENGTH),
  port: z.int().min(1).max(65535),
});

const frontMatterSchema = z.object({
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  status: z.enum(["OK", "PREPARATION", "BROKEN"]),
  domains: z.array(z.string().min(1).max(MAX_HOST_LENGTH)).max(MAX_LIST).default([]),
  server: z.array(serverSchema).max(100).default([]),
  // YAML reads 2020-02 as text; a full date would be a Date, which is refused
  last_checked: z.union([z.string(), z.number()]).transform(String).pipe(monthOrDaySchema),
  // a few files give a bare host name ("mailo.com"); read as https
  website: z
    .string()
    .max(MAX_URL_LENGTH)
    .transform((w) => (/^https?:\/\//i.test(w) ? w : `https://${w}`))
    .pipe(z.url({ protocol: /^https?$/ }))
    .optional(),
  oauth2: z
    .union([z.string().transform((s) => [s]), z.array(z.string())])
    .pipe(z.array(z.string().max(MAX_URL_LENGTH)).max(20))
    .optional(),
});

const DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/;
const SECURITY = { SSL: "tls", STARTTLS: "starttls", PLAIN: "none" } as const;

export function providerDbToRecord(file: string, text: string): SourceRecord | RecordError[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match?.[1]) return [{ file, record: file, field: "(front matter)", message: "no YAML front matter" }];
  let yaml: unknown;
  try {
    yaml = parseYaml(match[1], { maxAliasCount: 10 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return [{ file, record: file, field: "(front matter)", message: `invalid YAML: ${message}` }];
  }
  const parsed = frontMatterSchema.safeParse(yaml);
  if (!parsed.success) {
    return recordErrors(parsed.error, file, file);
  }
  const fm = parsed.data;
  const settings: Setting[] = fm.server.map((s) => ({
    protocol: s.type,
    host: normalizeHost(s.hostname),
    port: s.port,
    security: SECURITY[s.socket],
    // Delta Chat logs in with the address and password it is given
    auth: ["password-cleartext"],
  }));
  const findings: Finding[] = settings
    .filter((s) => hasPlaceholder(s.host))
    .map((s) => ({
      code: "placeholder-host" as const,
      setting: describeSetting(s),
      message: "the server name depends on the user's own mail domain",
    }));
  const record = emptyRecord(file.replace(/\.md$/, ""), fm.name);
  const domains = fm.domains.map((d) => d.trim().toLowerCase());
  record.domains = [...new Set(domains.filter((d) => DOMAIN.test(d)))];
  // "*.hermes.radio": every subdomain; kept as a pattern like FairEmail's
  record.domainPatterns = domains
    .filter((d) => /^\*\.(?:[a-z0-9-]+\.)*[a-z0-9-]+$/.test(d))
    .map((d) => `[a-z0-9-]+${d.slice(1).replace(/\./g, "\\.")}`);
  record.website = fm.website ?? null;
  record.status = fm.status === "OK" ? "ok" : fm.status === "PREPARATION" ? "preparation" : "broken";
  record.checked = fm.last_checked;
  record.oauth2 = fm.oauth2 && fm.oauth2.length > 0 ? true : null;
  record.settings = settings;
  record.findings = findings;
  return record;
}

export async function readProviderDbFolder(dir: string): Promise<ReadResult> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md")).sort();
  const records: SourceRecord[] = [];
  const errors: RecordError[] = [];
  for (const file of files) {
    const result = await readSourceFile(
      path.join(dir, file),
      file,
      (text) => {
        const read = providerDbToRecord(file, text);
        return Array.isArray(read) ? { records: [], errors: read } : { records: [read], errors: [] };
      },
      file,
    );
    records.push(...result.records);
    errors.push(...result.errors);
  }
  return { records, errors };
}
