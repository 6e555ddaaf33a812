import { mailPort, registeredMailPort } from "@/lib/mail";
import { hasPlaceholder } from "@/lib/sources/read-result";
import { describeSetting, type Finding, type Setting, type SourceRecord } from "@/lib/sources/record";

const PROTOCOL_LABEL = { pop3: "POP3", imap: "IMAP", smtp: "SMTP" } as const;
const PASSWORD_METHODS = new Set(["password-cleartext", "ntlm"]);

// What is legal in a dataset but wrong or risky for a person who copies the setting: reported
// in the import report and shown beside the claims the setting supports. Same rules for every
// dataset, through lib/mail's port table.
export function findingsForSetting(setting: Setting, logsInByDefault: boolean): Finding[] {
  const label = describeSetting(setting);
  const protocol = PROTOCOL_LABEL[setting.protocol];
  const findings: Finding[] = [];
  const add = (code: Finding["code"], message: string) => findings.push({ code, setting: label, message });
  const known = registeredMailPort(setting.port);
  if (known && known.protocol !== setting.protocol) {
    add("port-of-other-protocol", `${protocol} server on port ${setting.port}, ${known.name}`);
  } else if (known && setting.security === "tls" && known.security === "starttls") {
    add("tls-mode-contradicts-port", `${protocol} marked implicit TLS on port ${setting.port}, ${known.name}`);
  } else if (known && setting.security !== "tls" && known.security === "tls") {
    add(
      "tls-mode-contradicts-port",
      `${protocol} marked ${setting.security} on port ${setting.port}, ${known.name}, where TLS starts before any command`,
    );
  } else if (mailPort(setting.port)?.protocol !== setting.protocol) {
    // SMTP's documented alternatives (2525) are SMTP's alone: IMAP there is as unusual as on 8025
    const documented = mailPort(setting.port) ? protocol : "mail";
    add("unusual-port", `${protocol} on port ${setting.port}, not a port registered or documented for ${documented}`);
  }
  const sendsPassword =
    setting.auth.some((a) => PASSWORD_METHODS.has(a)) || (setting.auth.length === 0 && logsInByDefault);
  if (setting.security === "none" && sendsPassword) {
    add("cleartext-password-without-tls", `${protocol} sends the password over a connection without TLS`);
  }
  return findings;
}

// Appends the shared findings to a record a reader produced (readers add only what is specific
// to their format, such as a placeholder name). Duplicate settings are reported once.
export function withQualityFindings(record: SourceRecord, logsInByDefault: boolean): SourceRecord {
  const findings = [...record.findings];
  const seen = new Set<string>();
  const settings: Setting[] = [];
  for (const s of record.settings) {
    const key = `${s.protocol} ${s.host}:${s.port} ${s.security}`;
    if (seen.has(key)) {
      findings.push({ code: "duplicate-setting", setting: describeSetting(s), message: "listed twice; kept once" });
      continue;
    }
    seen.add(key);
    settings.push(s);
    findings.push(...findingsForSetting(s, logsInByDefault));
  }
  if (hasPlaceholder(record.name)) {
    findings.push({ code: "placeholder-name", setting: null, message: "the name is a placeholder" });
  }
  return { ...record, settings, findings };
}
