import { hostnameSchema } from "@/lib/ispdb/types";
import { MAX_LIST } from "@/lib/schemas/limits";

// A Thunderbird autoconfig file (clientConfig version 1.1, the ISPDB's format) for one service,
// built from the settings its sources name. Only settings with TLS are offered: TLS from the first
// byte first, then STARTTLS; a plain setting never, even where a source lists one.

export type AutoconfigEndpoint = {
  direction: "incoming" | "outgoing";
  protocol: "pop3" | "imap" | "smtp";
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  authMethods: string[];
  asOf: string;
  source: string;
};

export type AutoconfigServer = {
  protocol: AutoconfigEndpoint["protocol"];
  host: string;
  port: number;
  security: "tls" | "starttls";
  // Thunderbird's names, in the order a client should try them
  authentication: string[];
};

export type AutoconfigInput = { slug: string; name: string; domains: string[]; endpoints: AutoconfigEndpoint[] };

// The app's authentication names (lib/sources/record.ts) as Thunderbird spells them.
const THUNDERBIRD_AUTH: Record<string, string> = {
  oauth2: "OAuth2",
  "password-encrypted": "password-encrypted",
  "password-cleartext": "password-cleartext",
  ntlm: "NTLM",
  gssapi: "GSSAPI",
  "tls-client-cert": "TLS-client-cert",
  "client-ip": "client-IP-address",
  "smtp-after-pop": "smtp-after-pop",
  none: "none",
};
const AUTH_ORDER = Object.keys(THUNDERBIRD_AUTH);

const SECURITY_RANK = { tls: 0, starttls: 1 } as const;
// IMAP before POP3, as the ISPDB lists them: the file's first incoming server is the one
// Thunderbird proposes.
const PROTOCOL_ORDER = ["imap", "pop3", "smtp"] as const;

type Candidate = { protocol: AutoconfigEndpoint["protocol"]; host: string; port: number; security: "tls" | "starttls" };

// Per protocol, the best-secured setting any source names; among equals, the one the most sources
// name, then the most recently dated, then the lowest host and port, so the choice is stable.
export function chooseAutoconfigServers(endpoints: readonly AutoconfigEndpoint[]): AutoconfigServer[] {
  const groups = new Map<string, { candidate: Candidate; sources: Set<string>; newest: string; auth: Set<string> }>();
  for (const e of endpoints) {
    // A host with a "*" (one server per customer, "sv*.example.jp") cannot be configured; the
    // ISPDB's own placeholders (%EMAILDOMAIN%) can.
    if (e.security === "none" || !hostnameSchema.safeParse(e.host).success) continue;
    const key = `${e.protocol} ${e.host} ${e.port} ${e.security}`;
    const group = groups.get(key) ?? {
      candidate: { protocol: e.protocol, host: e.host, port: e.port, security: e.security },
      sources: new Set<string>(),
      newest: "",
      auth: new Set<string>(),
    };
    group.sources.add(e.source);
    if (e.asOf > group.newest) group.newest = e.asOf;
    for (const method of e.authMethods) if (method in THUNDERBIRD_AUTH) group.auth.add(method);
    groups.set(key, group);
  }
  const servers: AutoconfigServer[] = [];
  for (const protocol of PROTOCOL_ORDER) {
    const best = [...groups.values()]
      .filter((g) => g.candidate.protocol === protocol)
      .sort(
        (a, b) =>
          SECURITY_RANK[a.candidate.security] - SECURITY_RANK[b.candidate.security] ||
          b.sources.size - a.sources.size ||
          b.newest.localeCompare(a.newest) ||
          a.candidate.host.localeCompare(b.candidate.host) ||
          a.candidate.port - b.candidate.port,
      )[0];
    if (!best) continue;
    const methods = AUTH_ORDER.filter((m) => best.auth.has(m));
    servers.push({
      ...best.candidate,
      // A source that names no method means the ordinary password login, inside TLS here.
      authentication: (methods.length > 0 ? methods : ["password-cleartext"]).map((m) => THUNDERBIRD_AUTH[m]!),
    });
  }
  return servers;
}

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function serverXml(element: "incomingServer" | "outgoingServer", s: AutoconfigServer): string {
  return [
    `    <${element} type="${s.protocol}">`,
    `      <hostname>${escapeXml(s.host)}</hostname>`,
    `      <port>${s.port}</port>`,
    `      <socketType>${s.security === "tls" ? "SSL" : "STARTTLS"}</socketType>`,
    `      <username>%EMAILADDRESS%</username>`,
    ...s.authentication.map((a) => `      <authentication>${escapeXml(a)}</authentication>`),
    `    </${element}>`,
  ].join("\n");
}

// null when the service has no domain (a file is looked up by the address's domain) or no setting
// with TLS: there is nothing safe to configure.
export function autoconfigXml(input: AutoconfigInput, pageUrl: string): string | null {
  const domains = [...new Set(input.domains.map((d) => d.toLowerCase()))].slice(0, MAX_LIST);
  const servers = chooseAutoconfigServers(input.endpoints);
  const incoming = servers.filter((s) => s.protocol !== "smtp");
  const outgoing = servers.filter((s) => s.protocol === "smtp");
  if (domains.length === 0 || servers.length === 0) return null;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- Mail Security Compass: the best-secured settings its sources name for this service. Data: CC BY 4.0. -->`,
    `<clientConfig version="1.1">`,
    `  <emailProvider id="${escapeXml(domains[0]!)}">`,
    ...domains.map((d) => `    <domain>${escapeXml(d)}</domain>`),
    `    <displayName>${escapeXml(input.name)}</displayName>`,
    ...incoming.map((s) => serverXml("incomingServer", s)),
    ...outgoing.map((s) => serverXml("outgoingServer", s)),
    `    <documentation url="${escapeXml(pageUrl)}">`,
    `      <descr lang="en">Sources and dates of these settings</descr>`,
    `      <descr lang="ja">この設定の出典と日付</descr>`,
    `    </documentation>`,
    `  </emailProvider>`,
    `</clientConfig>`,
    "",
  ].join("\n");
}
