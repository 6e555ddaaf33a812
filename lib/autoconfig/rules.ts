import { domainToASCII } from "node:url";
import { z } from "zod";
import { safeParseIspdbXml } from "@/lib/ispdb/parse";
import type { IspdbProvider } from "@/lib/ispdb/types";
import { standardPort } from "@/lib/mail";
import type { AutoconfigStep, AutoconfigUrls, MxRecord } from "./types";

// The autoconfig lookup's domain rules, apart from the network: which URLs to ask and in which
// order, which domains an MX host points to, what a fetched document must say to count, and what
// to guess when nothing answers. Pure, so each rule is tested without a server.

const HOSTNAME_PATTERN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export const autoconfigDomainSchema = z
  .string()
  .trim()
  .min(1, "enter a domain, e.g. example.com")
  .transform((input, ctx) => {
    // domainToASCII applies IDNA (例え.jp → xn--r8jz45g.jp) and returns "" for what it rejects.
    const ascii = domainToASCII(input.replace(/\.$/, "").toLowerCase());
    if (!HOSTNAME_PATTERN.test(ascii)) {
      ctx.addIssue({ code: "custom", message: "must be a domain name such as example.com" });
      return z.NEVER;
    }
    return ascii;
  });

export function defaultUrlsFor(domain: string, emailAddress: string): AutoconfigUrls {
  return {
    autoconfig: `https://autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(emailAddress)}`,
    wellKnown: `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
    ispdb: `https://autoconfig.thunderbird.net/v1.1/${domain}`,
  };
}

// The domain's own answers before the shared ISPDB, as Thunderbird asks: a provider's own config
// knows its customers better than a crowd-kept file.
export function directCandidates(urls: AutoconfigUrls): Array<[AutoconfigStep, string]> {
  return [
    ["autoconfig", urls.autoconfig],
    ["well-known", urls.wellKnown],
    ["ispdb", urls.ispdb],
  ];
}

// Second-level registrations under which the registrable domain has three labels. A short,
// hand-kept stand-in for the Public Suffix List, covering the registries our providers use.
const SECOND_LEVEL_SUFFIXES = new Set([
  "co.jp",
  "ne.jp",
  "or.jp",
  "ac.jp",
  "ad.jp",
  "ed.jp",
  "go.jp",
  "gr.jp",
  "lg.jp",
  "co.uk",
  "org.uk",
  "ac.uk",
  "gov.uk",
  "me.uk",
  "net.uk",
  "ltd.uk",
  "plc.uk",
  "com.au",
  "net.au",
  "org.au",
  "edu.au",
  "co.nz",
  "net.nz",
  "org.nz",
  "com.br",
  "net.br",
  "org.br",
  "com.cn",
  "net.cn",
  "org.cn",
  "com.tw",
  "com.hk",
  "co.kr",
  "or.kr",
  "co.in",
  "co.za",
  "com.mx",
  "com.ar",
  "com.tr",
  "co.il",
]);

export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const lastTwo = labels.slice(-2).join(".");
  return SECOND_LEVEL_SUFFIXES.has(lastTwo) && labels.length >= 3 ? labels.slice(-3).join(".") : lastTwo;
}

// Most preferred first (lowest priority value); the sort is stable, so ties keep DNS order.
export function mxHostsByPreference(records: MxRecord[]): string[] {
  return [...records]
    .sort((a, b) => a.priority - b.priority)
    .map((r) => r.exchange.toLowerCase().replace(/\.$/, ""))
    .filter((h) => h.length > 0);
}

// The domains whose ISPDB entry may describe an MX host: the host minus its first label, then
// its registrable domain; never the looked-up domain itself, which step 3 already asked about.
export function mxLookupDomains(mxHost: string, domain: string): string[] {
  const host = mxHost.toLowerCase().replace(/\.$/, "");
  const base = registrableDomain(host);
  const parent = host.split(".").slice(1).join(".");
  const candidates = parent.length > base.length ? [parent, base] : [base];
  return [...new Set(candidates)].filter((d) => d !== domain && d.includes("."));
}

export type ConfigCheck = { ok: true; provider: IspdbProvider } | { ok: false; detail: string };

// A fetched document counts only if it is a valid clientConfig that lists the domain asked about;
// %EMAILDOMAIN% is how a hoster's generic config says "any domain we host".
export function checkConfigXml(xml: string, url: string, forDomain: string): ConfigCheck {
  const parsed = safeParseIspdbXml(xml, url);
  if (!parsed.ok) return { ok: false, detail: parsed.error.issues.map((i) => `${i.field}: ${i.message}`).join("; ") };
  const listed = parsed.provider.domains.map((d) =>
    d === "%EMAILDOMAIN%" ? forDomain : domainToASCII(d.toLowerCase()),
  );
  if (!listed.includes(forDomain))
    return { ok: false, detail: `the config does not list ${forDomain} among its domains` };
  return { ok: true, provider: parsed.provider };
}

export function guessConfig(domain: string): IspdbProvider {
  // Only encrypted settings are guessed: suggesting a cleartext login would be worse than nothing.
  const server = (type: "imap" | "pop3" | "smtp", host: string, socketType: "SSL" | "STARTTLS") => ({
    type,
    hostname: `${host}.${domain}`,
    port: standardPort(type, socketType === "SSL" ? "tls" : "starttls"),
    socketType,
    authentication: ["password-cleartext"],
    username: "%EMAILADDRESS%",
  });
  return {
    id: domain,
    domains: [domain],
    displayName: domain,
    incoming: [server("imap", "imap", "SSL"), server("pop3", "pop", "SSL")],
    outgoing: [server("smtp", "smtp", "SSL"), server("smtp", "smtp", "STARTTLS")],
    webServices: [],
    documentation: [],
  };
}
