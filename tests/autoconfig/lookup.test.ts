import { describe, expect, it } from "vitest";
import { autoconfigDomainSchema, lookupAutoconfig } from "@/lib/autoconfig/lookup";
import {
  checkConfigXml,
  directCandidates,
  guessConfig,
  mxHostsByPreference,
  mxLookupDomains,
  registrableDomain,
} from "@/lib/autoconfig/rules";

describe("domain input", () => {
  it("converts IDN and case to the ASCII form, and drops a trailing dot", () => {
    expect(autoconfigDomainSchema.parse("例え.JP")).toBe("xn--r8jz45g.jp");
    expect(autoconfigDomainSchema.parse(" Example.COM. ")).toBe("example.com");
  });

  it.each([
    "",
    "example",
    "not a domain",
    "127.0.0.1",
    "http://example.com",
    "-bad-.com",
    "a..b.com",
    "user@example.com",
    `${"a".repeat(64)}.com`,
  ])("rejects %j", async (input) => {
    expect(autoconfigDomainSchema.safeParse(input).success).toBe(false);
    await expect(
      lookupAutoconfig(input, { fetch: () => Promise.reject(new Error("must not fetch")) }),
    ).rejects.toThrow();
  });
});

describe("MX host to ISPDB domains", () => {
  it("takes the last two labels, or three under second-level registries", () => {
    expect(registrableDomain("mx1.mail.example.com")).toBe("example.com");
    expect(registrableDomain("mx.biglobe.ne.jp.")).toBe("biglobe.ne.jp");
    expect(registrableDomain("mail.yahoo.co.jp")).toBe("yahoo.co.jp");
    expect(registrableDomain("mx.example.or.jp")).toBe("example.or.jp");
    expect(registrableDomain("mx.example.jp")).toBe("example.jp");
  });

  it("asks for the host minus its first label before the registrable domain, never the domain itself", () => {
    expect(mxLookupDomains("contoso-com.mail.protection.outlook.com", "contoso.com")).toEqual([
      "mail.protection.outlook.com",
      "outlook.com",
    ]);
    expect(mxLookupDomains("mx.biglobe.ne.jp", "shop.jp")).toEqual(["biglobe.ne.jp"]);
    expect(mxLookupDomains("mx.example.com", "example.com")).toEqual([]);
  });
});

describe("domain rules without the network", () => {
  it("asks the domain's own servers before the ISPDB, in Thunderbird's order", () => {
    expect(directCandidates({ autoconfig: "a", wellKnown: "w", ispdb: "i" })).toEqual([
      ["autoconfig", "a"],
      ["well-known", "w"],
      ["ispdb", "i"],
    ]);
  });

  it("orders MX hosts by preference, keeping DNS order on ties, without trailing dots or empty names", () => {
    expect(
      mxHostsByPreference([
        { exchange: "B.example.net.", priority: 20 },
        { exchange: "a.example.net", priority: 10 },
        { exchange: "c.example.net", priority: 20 },
        { exchange: ".", priority: 0 },
      ]),
    ).toEqual(["a.example.net", "b.example.net", "c.example.net"]);
  });

  it("guesses only encrypted settings, on the standard ports from lib/mail", () => {
    const guess = guessConfig("example.org");
    expect(
      [...guess.incoming, ...guess.outgoing].map((s) => `${s.type} ${s.hostname}:${s.port} ${s.socketType}`),
    ).toEqual([
      "imap imap.example.org:993 SSL",
      "pop3 pop.example.org:995 SSL",
      "smtp smtp.example.org:465 SSL",
      "smtp smtp.example.org:587 STARTTLS",
    ]);
  });

  it("takes a document only if it is a clientConfig that lists the domain", () => {
    const xml = (domain: string) =>
      `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x"><domain>${domain}</domain><displayName>X</displayName><incomingServer type="imap"><hostname>imap.x.jp</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer></emailProvider></clientConfig>`;
    expect(checkConfigXml(xml("example.jp"), "u", "example.jp")).toMatchObject({ ok: true });
    expect(checkConfigXml(xml("%EMAILDOMAIN%"), "u", "example.jp")).toMatchObject({ ok: true });
    expect(checkConfigXml(xml("例え.jp"), "u", "xn--r8jz45g.jp")).toMatchObject({ ok: true });
    expect(checkConfigXml(xml("other.jp"), "u", "example.jp")).toEqual({
      ok: false,
      detail: "the config does not list example.jp among its domains",
    });
    expect(checkConfigXml("<html>not a config</html>", "u", "example.jp")).toMatchObject({ ok: false });
  });
});
