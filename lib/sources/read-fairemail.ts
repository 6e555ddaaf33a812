import { z } from "zod";
import { hasPlaceholder, splitDomainPatterns, type ReadResult, type RecordError } from "@/lib/sources/read-result";
import { recordErrors } from "@/lib/sources/read-result";
import { normalizeHost } from "@/lib/sources/read-result";
import { readSourceFile } from "@/lib/sources/read-result";
import { describeSetting, emptyRecord, type Setting, type SourceRecord } from "@/lib/sources/record";
import {
  MAX_HOST_LENGTH,
  MAX_KEY_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PATTERN_LIST_LENGTH,
  MAX_RECORDS,
  MAX_URL_LENGTH,
} from "@/lib/schemas/limits";

// FairEmail's provider list, as the facts extracted into ../shared/sources/fairemail: per provider
// host, port and starttls per protocol, where starttls=false means implicit TLS.

const serverSchema = z.object({
  host: z.string().min(1).max(MAX_HOST_LENGTH),
  port: z.int().min(1).max(65535),
  starttls: z.boolean(),
});

const providerSchema = z.object({
  id: z.string().min(1).max(MAX_KEY_LENGTH).optional(),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  // comma-separated regular expressions over mail domains / MX host names
  domain: z.string().max(MAX_PATTERN_LIST_LENGTH).optional(),
  mx: z.string().max(MAX_PATTERN_LIST_LENGTH).optional(),
  link: z.url().max(MAX_URL_LENGTH).optional(),
  appPassword: z.enum(["true", "false"]).optional(),
  oauth: z.boolean().optional(),
  maxtls: z.string().max(10).optional(),
  imap: serverSchema.optional(),
  pop: serverSchema.optional(),
  smtp: serverSchema.optional(),
});

const fileSchema = z.object({ providers: z.array(z.unknown()).max(MAX_RECORDS) });

function toSetting(protocol: Setting["protocol"], s: z.infer<typeof serverSchema>): Setting {
  // FairEmail logs in with the account's password (or OAuth where the provider has it)
  return { protocol, host: normalizeHost(s.host), port: s.port, security: s.starttls ? "starttls" : "tls", auth: [] };
}

export function fairEmailToRecord(
  raw: unknown,
  index: number,
  seenIds: Set<string>,
  file: string,
): SourceRecord | RecordError[] {
  const parsed = providerSchema.safeParse(raw);
  const label = `providers[${index}]`;
  if (!parsed.success) {
    return recordErrors(parsed.error, file, label);
  }
  const p = parsed.data;
  let id = p.id ?? p.name;
  // two records of one provider (Tin.it for tin.it and tim.it) keep distinct ids
  for (let n = 2; seenIds.has(id); n++) id = `${p.id ?? p.name}#${n}`;
  seenIds.add(id);
  const { domains, patterns } = splitDomainPatterns((p.domain ?? "").split(","));
  const settings: Setting[] = [];
  if (p.imap) settings.push(toSetting("imap", p.imap));
  if (p.pop) settings.push(toSetting("pop3", p.pop));
  if (p.smtp) settings.push(toSetting("smtp", p.smtp));
  const record = emptyRecord(id, p.name);
  record.domains = domains;
  record.domainPatterns = patterns;
  record.mxPatterns = (p.mx ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  record.website = p.link ?? null;
  record.oauth2 = p.oauth ?? null;
  record.appPassword = p.appPassword === "true" ? true : null;
  record.settings = settings;
  record.findings = settings
    .filter((s) => hasPlaceholder(s.host))
    .map((s) => ({
      code: "placeholder-host" as const,
      setting: describeSetting(s),
      message: "the server name depends on the user's own mail domain",
    }));
  return record;
}

export function readFairEmailFile(file: string): Promise<ReadResult> {
  const name = file.split("/").pop() ?? file;
  return readSourceFile(file, name, (text) => parseFairEmail(text, name));
}

function parseFairEmail(text: string, name: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return {
      records: [],
      errors: [{ file: name, record: "(file)", field: "(document)", message: `invalid JSON: ${error.message}` }],
    };
  }
  const top = fileSchema.safeParse(json);
  if (!top.success) {
    return {
      records: [],
      errors: recordErrors(top.error, name, "(file)"),
    };
  }
  const records: SourceRecord[] = [];
  const errors: RecordError[] = [];
  const seen = new Set<string>();
  top.data.providers.forEach((raw, index) => {
    const result = fairEmailToRecord(raw, index, seen, name);
    if (Array.isArray(result)) errors.push(...result);
    else records.push(result);
  });
  return { records, errors };
}
