import { describe, expect, it } from "vitest";
import { parseIspdbXml } from "@/lib/ispdb/parse";
import { autoconfigXml, chooseAutoconfigServers, type AutoconfigEndpoint } from "@/lib/open-data/autoconfig-xml";
import { ispdbToRecord } from "@/lib/sources/read-ispdb";

const endpoint = (over: Partial<AutoconfigEndpoint>): AutoconfigEndpoint => ({
  direction: "incoming",
  protocol: "imap",
  host: "imap.example.jp",
  port: 993,
  security: "tls",
  authMethods: ["password-cleartext"],
  asOf: "2026-01",
  source: "a",
  ...over,
});

describe("chooseAutoconfigServers", () => {
  it("prefers TLS from the first byte, then STARTTLS, and never offers a plain setting", () => {
    const servers = chooseAutoconfigServers([
      endpoint({ protocol: "pop3", host: "pop.example.jp", port: 110, security: "none" }),
      endpoint({ protocol: "pop3", host: "pop.example.jp", port: 110, security: "starttls" }),
      endpoint({ protocol: "pop3", host: "pop.example.jp", port: 995, security: "tls" }),
      endpoint({ direction: "outgoing", protocol: "smtp", host: "smtp.example.jp", port: 587, security: "starttls" }),
      endpoint({ direction: "outgoing", protocol: "smtp", host: "smtp.example.jp", port: 25, security: "none" }),
      endpoint({ protocol: "imap", host: "imap.example.jp", port: 143, security: "none" }),
    ]);
    expect(servers.map((s) => `${s.protocol} ${s.port} ${s.security}`)).toEqual(["pop3 995 tls", "smtp 587 starttls"]);
  });

  it("breaks ties by how many sources agree, and maps authentication to Thunderbird's names", () => {
    const servers = chooseAutoconfigServers([
      endpoint({ host: "imap.one.jp", source: "a" }),
      endpoint({ host: "imap.two.jp", source: "a", authMethods: ["oauth2"] }),
      endpoint({ host: "imap.two.jp", source: "b", authMethods: ["password-cleartext"] }),
      endpoint({ host: "sv*.example.jp", source: "c" }),
    ]);
    expect(servers).toEqual([
      {
        protocol: "imap",
        host: "imap.two.jp",
        port: 993,
        security: "tls",
        authentication: ["OAuth2", "password-cleartext"],
      },
    ]);
  });
});

describe("autoconfigXml", () => {
  it("re-imports through the ISPDB parser with the same settings, escaping the name", () => {
    const xml = autoconfigXml(
      {
        slug: "ex",
        name: 'A & B <"Mail">',
        domains: ["Example.jp", "example.co.jp"],
        endpoints: [
          endpoint({}),
          endpoint({ direction: "outgoing", protocol: "smtp", host: "smtp.%EMAILDOMAIN%", port: 465, authMethods: [] }),
        ],
      },
      "https://compass.test/en/providers/ex",
    );
    expect(xml).not.toBeNull();
    const provider = parseIspdbXml(xml!, "ex.xml");
    expect(provider.displayName).toBe('A & B <"Mail">');
    expect(provider.domains).toEqual(["example.jp", "example.co.jp"]);
    expect(ispdbToRecord(provider, "ex.xml").settings).toEqual([
      { protocol: "imap", host: "imap.example.jp", port: 993, security: "tls", auth: ["password-cleartext"] },
      { protocol: "smtp", host: "smtp.%EMAILDOMAIN%", port: 465, security: "tls", auth: ["password-cleartext"] },
    ]);
  });

  it("gives no file without a domain or without a setting with TLS", () => {
    const page = "https://compass.test/en/providers/ex";
    expect(autoconfigXml({ slug: "ex", name: "Ex", domains: [], endpoints: [endpoint({})] }, page)).toBeNull();
    expect(
      autoconfigXml({ slug: "ex", name: "Ex", domains: ["ex.jp"], endpoints: [endpoint({ security: "none" })] }, page),
    ).toBeNull();
  });
});
