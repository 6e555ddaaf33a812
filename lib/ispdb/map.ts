import { KNOWN_AUTHENTICATIONS, type IspdbProvider, type ServerConfig, type SocketType } from "@/lib/ispdb/types";
import {
  MAIL_PROPERTY_KEYS,
  mailPort,
  registeredMailPort,
  transportPropertyKey,
  type MailProtocol,
  type TransportSecurity,
} from "@/lib/mail";

// Turns one ISPDB provider into our claims and endpoints. Pure: no database, no file system.
//
// What an entry proves, and nothing more (a property no entry speaks to stays unknown: the ISPDB
// lists the settings Thunderbird should use, not everything a server offers, so silence is never
// a "no"):
//   POP3 SSL → pop3s · POP3 STARTTLS → pop3-stls · IMAP SSL → imaps · IMAP STARTTLS → imap-starttls
//   SMTP SSL → smtps · SMTP STARTTLS on 25 → smtp-starttls · on a submission port (587, a
//     documented alternative such as 2525, or an unknown port: only 25 relays) →
//     submission-starttls · on an implicit-TLS or other protocol's port → nothing
//     (lib/mail's transportPropertyKey, the same rule the probe uses)
//   SMTP with password-cleartext / password-encrypted / OAuth2 / NTLM / GSSAPI → smtp-auth
//   SMTP with smtp-after-pop → pop-before-smtp
//   password-encrypted on IMAP or SMTP → cram-md5: Thunderbird's "encrypted password" is
//     CRAM-MD5 on those protocols, so the entry promises a CRAM-MD5 login works.
//   password-encrypted on POP3 → apop "partial" and cram-md5 "partial": on POP3 Thunderbird tries
//     CRAM-MD5 and falls back to APOP, so the entry promises one of the two without saying which.
//     "yes" for either would claim more than the entry says; saying nothing would hide that one of
//     them works. A "yes" from another entry (say, SMTP with password-encrypted) wins.
// Entries are imported as stated, including self-contradicting ones (POP3 marked SSL on 993 still
// yields pop3s); those are reported as data problems instead of being fixed or dropped.

export const ISPDB_PROPERTY_KEYS = MAIL_PROPERTY_KEYS;
export type IspdbPropertyKey = (typeof ISPDB_PROPERTY_KEYS)[number];

export type Direction = "incoming" | "outgoing";
export type ServerEntry = ServerConfig & { direction: Direction };

export type MappedClaim = {
  property: IspdbPropertyKey;
  value: "yes" | "partial";
  note: string;
  details: { source: "thunderbird-ispdb"; file?: string; providerId: string; rule: string; entries: ServerEntry[] };
};

export type MappedEndpoint = {
  direction: Direction;
  protocol: MailProtocol;
  host: string;
  port: number;
  security: TransportSecurity;
  authMethods: string[];
};

export const DATA_PROBLEM_SEVERITY = {
  // the entry contradicts itself: the port belongs to another protocol or another TLS mode
  "port-of-other-protocol": "error",
  "tls-mode-contradicts-port": "error",
  "duplicate-entry": "error",
  "conflicting-entries": "error",
  // legal, but worth a reviewer's look
  "cleartext-password-without-tls": "warning",
  "unusual-port": "warning",
  "unknown-authentication": "warning",
  "shared-provider-id": "warning",
} as const;
export type DataProblemCode = keyof typeof DATA_PROBLEM_SEVERITY;

export type DataProblem = {
  severity: "error" | "warning";
  code: DataProblemCode;
  // the server entry, as a reader finds it in the file: "incoming pop3 pop3s.pec.aruba.it:993 SSL"
  entry: string;
  message: string;
};

export type ProviderMapping = {
  claims: MappedClaim[];
  endpoints: MappedEndpoint[];
  problems: DataProblem[];
  // entries no property describes (Exchange, EWS, OWA, Graph), named so the summary accounts for them
  unmapped: string[];
};

const PROTOCOL_LABEL = { imap: "IMAP", pop3: "POP3", smtp: "SMTP", exchange: "Exchange" } as const;

const SECURITY_OF_SOCKET: Record<SocketType, TransportSecurity> = { SSL: "tls", STARTTLS: "starttls", plain: "none" };

const SMTP_AUTH_METHODS = new Set(["password-cleartext", "password-encrypted", "OAuth2", "NTLM", "GSSAPI"]);
const KNOWN_AUTH = new Set<string>(KNOWN_AUTHENTICATIONS);

export function describeEntry(entry: ServerEntry): string {
  return `${entry.direction} ${entry.type} ${entry.hostname}:${entry.port} ${entry.socketType}`;
}

type Finding = { property: IspdbPropertyKey; value: "yes" | "partial"; rule: string; entry: ServerEntry; note: string };

function findingsFor(entry: ServerEntry): Finding[] {
  const label = describeEntry(entry);
  const found: Finding[] = [];
  const add = (property: IspdbPropertyKey, value: "yes" | "partial", rule: string, note: string = label) =>
    found.push({ property, value, rule, entry, note });

  const { type, socketType, port, authentication } = entry;
  if (type === "exchange") return found;
  const transportKey = transportPropertyKey({ protocol: type, security: SECURITY_OF_SOCKET[socketType], port });
  // the rule reads as earlier imports stored it: "SSL on POP3", "STARTTLS on SMTP port 587"
  const onPort = type === "smtp" && socketType === "STARTTLS" ? ` port ${port}` : "";
  if (transportKey) add(transportKey, "yes", `${socketType} on ${PROTOCOL_LABEL[type]}${onPort}`);
  if (type === "smtp") {
    const methods = authentication.filter((a) => SMTP_AUTH_METHODS.has(a));
    if (methods.length > 0) add("smtp-auth", "yes", "SMTP with a login method", `${label} with ${methods.join(", ")}`);
    if (authentication.includes("smtp-after-pop"))
      add("pop-before-smtp", "yes", "smtp-after-pop on SMTP", `${label} with smtp-after-pop`);
  }
  if (authentication.includes("password-encrypted")) {
    if (type === "imap" || type === "smtp") {
      add("cram-md5", "yes", "password-encrypted on IMAP/SMTP", `${label} with password-encrypted (CRAM-MD5)`);
    } else if (type === "pop3") {
      const note = `${label} with password-encrypted, which on POP3 means APOP or CRAM-MD5; the ISPDB does not say which`;
      add("apop", "partial", "password-encrypted on POP3", note);
      add("cram-md5", "partial", "password-encrypted on POP3", note);
    }
  }
  return found;
}

function problemsFor(entry: ServerEntry): DataProblem[] {
  const label = describeEntry(entry);
  const problems: DataProblem[] = [];
  const report = (code: DataProblemCode, message: string) =>
    problems.push({ severity: DATA_PROBLEM_SEVERITY[code], code, entry: label, message });
  if (entry.type === "exchange") return problems;

  const { type, port, socketType } = entry;
  const protocol = PROTOCOL_LABEL[type];
  // Only a registered port can be contradicted; a documented alternative (2525) is merely unusual.
  const registered = registeredMailPort(port);
  if (!registered) {
    const alternative = mailPort(port);
    const known = alternative?.protocol === type ? `${alternative.name}, ` : "";
    report("unusual-port", `${protocol} on port ${port}, ${known}not a port registered for ${protocol}`);
  } else if (registered.protocol !== type) {
    report("port-of-other-protocol", `${protocol} server on port ${port}, ${registered.name}`);
  } else if (socketType === "SSL" && registered.security === "starttls") {
    report("tls-mode-contradicts-port", `${protocol} marked SSL (implicit TLS) on port ${port}, ${registered.name}`);
  } else if (socketType !== "SSL" && registered.security === "tls") {
    report(
      "tls-mode-contradicts-port",
      `${protocol} marked ${socketType} on port ${port}, ${registered.name}, where TLS starts before any command`,
    );
  }

  if (socketType === "plain" && entry.authentication.includes("password-cleartext")) {
    report(
      "cleartext-password-without-tls",
      `${protocol} sends the password in cleartext over an unencrypted connection`,
    );
  }
  for (const method of entry.authentication) {
    if (!KNOWN_AUTH.has(method))
      report("unknown-authentication", `authentication "${method}" is not a value Thunderbird knows`);
  }
  return problems;
}

const VALUE_RANK = { partial: 1, yes: 2 } as const;

export function mapProvider(provider: IspdbProvider, options: { file?: string } = {}): ProviderMapping {
  const entries: ServerEntry[] = [
    ...provider.incoming.map((s) => ({ direction: "incoming" as const, ...s })),
    ...provider.outgoing.map((s) => ({ direction: "outgoing" as const, ...s })),
  ];
  const problems: DataProblem[] = [];
  const endpoints: MappedEndpoint[] = [];
  const unmapped: string[] = provider.webServices.map((w) => `incoming ${w.type} ${w.url}`);
  // Endpoint rows are unique per protocol, host and port, so a second entry for the same server
  // is reported and the first one, as listed, is stored.
  const seen = new Map<string, ServerEntry>();
  const findings: Finding[] = [];

  for (const entry of entries) {
    problems.push(...problemsFor(entry));
    if (entry.type === "exchange") {
      unmapped.push(describeEntry(entry));
      continue;
    }
    const key = `${entry.type} ${entry.hostname.toLowerCase()}:${entry.port}`;
    const earlier = seen.get(key);
    if (earlier) {
      const identical = JSON.stringify({ ...earlier, hostname: "" }) === JSON.stringify({ ...entry, hostname: "" });
      if (identical) {
        problems.push({
          severity: "error",
          code: "duplicate-entry",
          entry: describeEntry(entry),
          message: "listed twice; stored once",
        });
      } else {
        // Both entries still count as claims, as stated; only the endpoint row can hold one.
        findings.push(...findingsFor(entry));
        problems.push({
          severity: "error",
          code: "conflicting-entries",
          entry: describeEntry(entry),
          message: `same server and port as "${describeEntry(earlier)}" with other settings; the first is stored as the endpoint`,
        });
      }
      continue;
    }
    seen.set(key, entry);
    findings.push(...findingsFor(entry));
    endpoints.push({
      direction: entry.direction,
      protocol: entry.type,
      host: entry.hostname,
      port: entry.port,
      security: SECURITY_OF_SOCKET[entry.socketType],
      authMethods: entry.authentication,
    });
  }

  const claims: MappedClaim[] = [];
  for (const property of ISPDB_PROPERTY_KEYS) {
    const forProperty = findings.filter((f) => f.property === property);
    const best = Math.max(0, ...forProperty.map((f) => VALUE_RANK[f.value]));
    const winning = forProperty.filter((f) => VALUE_RANK[f.value] === best);
    const first = winning[0];
    if (!first) continue;
    claims.push({
      property,
      value: first.value,
      note: `ISPDB: ${[...new Set(winning.map((f) => f.note))].join("; ")}`,
      details: {
        source: "thunderbird-ispdb",
        ...(options.file ? { file: options.file } : {}),
        providerId: provider.id,
        rule: first.rule,
        entries: winning.map((f) => f.entry),
      },
    });
  }
  return { claims, endpoints, problems, unmapped };
}
