import { mailPort, type MailProtocol, type TransportSecurity } from "@/lib/mail";

// The settings a person types into a mail app, from the endpoints the sources list: the
// best-secured one per direction, and for each listed setting that sends a password without
// TLS, the secure one to switch to.

export type SettingEndpoint = {
  direction: "incoming" | "outgoing";
  protocol: MailProtocol;
  host: string;
  port: number;
  security: TransportSecurity;
  authMethods: string[];
  asOf: string;
  source: { key: string; kind: "page" | "documentation" | "dataset" | "probe" };
};

export type Recommendation<E extends SettingEndpoint> = {
  incoming: E | null;
  outgoing: E | null;
  // an insecure listed setting and the recommended one of the same direction
  changes: Array<{ from: E; to: E }>;
  // for a direction with nothing secure to recommend, the unencrypted settings the sources do
  // list (one per protocol, host and port): "no settings" would hide that they exist
  unencrypted: E[];
};

const SOURCE_RANK = { probe: 4, documentation: 3, dataset: 2, page: 1 } as const;

// Implicit TLS first (RFC 8314 recommends it for submission and access), STARTTLS next; a
// cleartext setting is never recommended. IMAP before POP3: mail stays on the server, so a
// second device sees it too. SMTP STARTTLS on the relay port 25 ranks below submission.
function securityScore(e: SettingEndpoint): number {
  if (e.security === "none") return 0;
  if (e.security === "tls") return 3;
  return e.protocol === "smtp" && mailPort(e.port)?.use === "relay" ? 1 : 2;
}

function better<E extends SettingEndpoint>(a: E, b: E): number {
  return (
    securityScore(b) - securityScore(a) ||
    (b.protocol === "imap" ? 1 : 0) - (a.protocol === "imap" ? 1 : 0) ||
    SOURCE_RANK[b.source.kind] - SOURCE_RANK[a.source.kind] ||
    b.asOf.localeCompare(a.asOf)
  );
}

const sendsPassword = (e: SettingEndpoint) =>
  e.authMethods.length === 0 || e.authMethods.some((a) => a === "password-cleartext" || a === "ntlm");

export function recommendSettings<E extends SettingEndpoint>(endpoints: readonly E[]): Recommendation<E> {
  const pick = (direction: E["direction"]) =>
    endpoints.filter((e) => e.direction === direction && securityScore(e) > 0).sort(better)[0] ?? null;
  const incoming = pick("incoming");
  const outgoing = pick("outgoing");
  const changes: Recommendation<E>["changes"] = [];
  const seen = new Set<string>();
  for (const e of endpoints) {
    const to = e.direction === "incoming" ? incoming : outgoing;
    const key = `${e.protocol} ${e.port}`;
    if (e.security !== "none" || !sendsPassword(e) || !to || seen.has(key)) continue;
    seen.add(key);
    changes.push({ from: e, to });
  }
  const unencrypted: E[] = [];
  const listed = new Set<string>();
  for (const e of endpoints) {
    const key = `${e.direction} ${e.protocol} ${e.host} ${e.port}`;
    if (e.security !== "none" || (e.direction === "incoming" ? incoming : outgoing) || listed.has(key)) continue;
    listed.add(key);
    unencrypted.push(e);
  }
  return { incoming, outgoing, changes, unencrypted };
}

// "%EMAILDOMAIN%" (ISPDB) and "{domain}" read as the user's own domain.
export function displayHost(host: string): string {
  return host.replace(/%EMAILDOMAIN%/g, "<domain>").replace(/%[A-Z]+%/g, "<…>");
}
