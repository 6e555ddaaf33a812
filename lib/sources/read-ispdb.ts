import { readdir } from "node:fs/promises";
import path from "node:path";
import { safeParseIspdbXml } from "@/lib/ispdb/parse";
import type { IspdbProvider, ServerConfig } from "@/lib/ispdb/types";
import type { ReadResult, RecordError } from "@/lib/sources/read-result";
import { normalizeHost } from "@/lib/sources/read-result";
import { hasPlaceholder, readSourceFile } from "@/lib/sources/read-result";
import {
  describeSetting,
  emptyRecord,
  type AuthMethod,
  type Finding,
  type Setting,
  type SourceRecord,
} from "@/lib/sources/record";

const AUTH: Record<string, AuthMethod> = {
  "password-cleartext": "password-cleartext",
  "password-encrypted": "password-encrypted",
  OAuth2: "oauth2",
  NTLM: "ntlm",
  GSSAPI: "gssapi",
  "client-IP-address": "client-ip",
  "TLS-client-cert": "tls-client-cert",
  "smtp-after-pop": "smtp-after-pop",
  none: "none",
};
const SECURITY = { SSL: "tls", STARTTLS: "starttls", plain: "none" } as const;

export function ispdbToRecord(provider: IspdbProvider, file: string): SourceRecord {
  const findings: Finding[] = [];
  const servers: ServerConfig[] = [...provider.incoming, ...provider.outgoing];
  const settings: Setting[] = [];
  for (const s of servers) {
    if (s.type === "exchange") continue;
    const auth: AuthMethod[] = [];
    for (const a of s.authentication) {
      const known = AUTH[a];
      if (known) auth.push(known);
      else
        findings.push({
          code: "unknown-authentication",
          setting: `${s.type} ${s.hostname}:${s.port}`,
          message: `authentication "${a.slice(0, 60)}" is not a value Thunderbird knows`,
        });
    }
    settings.push({
      protocol: s.type,
      host: normalizeHost(s.hostname),
      port: s.port,
      security: SECURITY[s.socketType],
      auth: [...new Set(auth)],
    });
  }
  const domains = [...new Set(provider.domains.map((d) => d.toLowerCase()))].filter((d) => !hasPlaceholder(d));
  let name = provider.displayName;
  if (hasPlaceholder(name)) {
    findings.push({
      code: "placeholder-name",
      setting: null,
      message: `display name "${name.slice(0, 60)}" is a placeholder; the file's first domain is used instead`,
    });
    name = domains[0] ?? file.replace(/\.xml$/, "");
  }
  for (const s of settings) {
    if (hasPlaceholder(s.host))
      findings.push({
        code: "placeholder-host",
        setting: describeSetting(s),
        message: "the server name depends on the user's own mail domain",
      });
  }
  // the parser holds displayName to MAX_NAME_LENGTH: a longer one is an error, not cut short
  const record = emptyRecord(file, name);
  record.domains = domains;
  record.website = provider.documentation[0]?.url ?? null;
  // OAuth2 named on a server or an <oAuth2> block: either says the provider offers it; a file
  // naming neither says nothing about it (unknown, not "no")
  const oauth2 = provider.oauth2Issuer !== undefined || servers.some((s) => s.authentication.includes("OAuth2"));
  record.oauth2 = oauth2 ? true : null;
  record.settings = settings;
  record.findings = findings;
  return record;
}

export async function readIspdbFolder(dir: string): Promise<ReadResult> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".xml")).sort();
  const records: SourceRecord[] = [];
  const errors: RecordError[] = [];
  for (const file of files) {
    const result = await readSourceFile(
      path.join(dir, file),
      file,
      (xml) => {
        const parsed = safeParseIspdbXml(xml, file);
        if (parsed.ok) return { records: [ispdbToRecord(parsed.provider, file)], errors: [] };
        return {
          records: [],
          errors: parsed.error.issues.map((issue) => ({
            file,
            record: file,
            field: issue.field,
            message: issue.message,
          })),
        };
      },
      file,
    );
    records.push(...result.records);
    errors.push(...result.errors);
  }
  return { records, errors };
}
