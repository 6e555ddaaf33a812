import { z } from "zod";
import { splitDomainPatterns, type ReadResult, type RecordError } from "@/lib/sources/read-result";
import { recordErrors } from "@/lib/sources/read-result";
import { normalizeHost, readKeyedJsonFile } from "@/lib/sources/read-result";
import { emptyRecord, type Setting, type SourceRecord } from "@/lib/sources/record";
import { MAX_HOST_LENGTH, MAX_LIST, MAX_PATTERN_LENGTH } from "@/lib/schemas/limits";

// MailCore2's providers.json: per key, servers.imap|pop|smtp[] with ssl (implicit TLS) and
// starttls flags, plus domain-match and mx-match regular expressions.

const serverSchema = z.object({
  // templates ("fixed-port") leave the port to the user
  port: z.int().min(1).max(65535).optional(),
  hostname: z.string().min(1).max(MAX_HOST_LENGTH).optional(),
  ssl: z.boolean().optional(),
  starttls: z.boolean().optional(),
  // not a MailCore2 flag; two Apple entries carry it on 465, read as implicit TLS
  tls: z.boolean().optional(),
});

const entrySchema = z.object({
  servers: z
    .object({
      imap: z.array(serverSchema).max(20).optional(),
      pop: z.array(serverSchema).max(20).optional(),
      smtp: z.array(serverSchema).max(20).optional(),
    })
    .optional(),
  "domain-match": z.array(z.string().max(MAX_PATTERN_LENGTH)).max(MAX_LIST).optional(),
  "mx-match": z.array(z.string().max(MAX_PATTERN_LENGTH)).max(MAX_LIST).optional(),
});

const PROTOCOLS = { imap: "imap", pop: "pop3", smtp: "smtp" } as const;

export function mailCore2ToRecord(key: string, raw: unknown, file: string): SourceRecord | RecordError[] | null {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    return recordErrors(parsed.error, file, key);
  }
  const entry = parsed.data;
  const settings: Setting[] = [];
  for (const [name, protocol] of Object.entries(PROTOCOLS) as Array<[keyof typeof PROTOCOLS, Setting["protocol"]]>) {
    for (const s of entry.servers?.[name] ?? []) {
      // an entry without host names is a template ("default", "fixed-port"), not a provider
      if (!s.hostname || s.port === undefined) continue;
      const security = s.ssl || s.tls ? "tls" : s.starttls ? "starttls" : "none";
      // MailCore2 writes the user's domain as {domain}; the project's placeholder is ISPDB's
      const host = normalizeHost(s.hostname.replace(/\{domain\}/g, "%EMAILDOMAIN%"));
      settings.push({ protocol, host, port: s.port, security, auth: [] });
    }
  }
  if (settings.length === 0) return null;
  const { domains, patterns } = splitDomainPatterns(entry["domain-match"] ?? []);
  const record = emptyRecord(key, key);
  record.domains = domains;
  record.domainPatterns = patterns;
  record.mxPatterns = entry["mx-match"] ?? [];
  record.settings = settings;
  return record;
}

export function readMailCore2File(file: string): Promise<ReadResult> {
  return readKeyedJsonFile(file, mailCore2ToRecord, "providers", {
    field: "servers",
    reason: "a template without host names; skipped",
  });
}
