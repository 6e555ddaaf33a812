import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseIspdbXml, safeParseIspdbXml } from "@/lib/ispdb/parse";
import { IspdbParseError } from "@/lib/ispdb/types";
import { MAX_NAME_LENGTH } from "@/lib/schemas/limits";
import { describeWithSharedSources, ISPDB_FILE_COUNT, ISPDB_FILES } from "../helpers/shared-sources";

function doc(provider: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1">\n<emailProvider id="example.com">${provider}</emailProvider>\n</clientConfig>`;
}

const IMAP = `<incomingServer type="imap"><hostname>imap.example.com</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>`;

function issuesOf(xml: string) {
  const result = safeParseIspdbXml(xml, "bad.xml");
  if (result.ok) throw new Error("expected a parse failure");
  return result.error.issues;
}

describe("parseIspdbXml", () => {
  it("turns a minimal document into the app type, with single elements as arrays", () => {
    const provider = parseIspdbXml(
      doc(`<domain>example.com</domain><displayName>Example &amp; Co &#x4F8B;</displayName>${IMAP}
        <outgoingServer type="smtp"><hostname>smtp.example.com</hostname><port>587</port><socketType>STARTTLS</socketType><authentication>OAuth2</authentication><restriction>client-IP-address</restriction></outgoingServer>
        <documentation url="https://example.com/help?a=1&amp;b=2"/>
        <documentation url="https://example.com/de"><descr lang="de">Hilfe</descr><descr>Help</descr></documentation>`),
      "example.com.xml",
    );
    expect(provider).toEqual({
      id: "example.com",
      domains: ["example.com"],
      displayName: "Example & Co 例",
      incoming: [
        {
          type: "imap",
          hostname: "imap.example.com",
          port: 993,
          socketType: "SSL",
          authentication: ["password-cleartext"],
          username: "%EMAILADDRESS%",
        },
      ],
      outgoing: [
        {
          type: "smtp",
          hostname: "smtp.example.com",
          port: 587,
          socketType: "STARTTLS",
          authentication: ["OAuth2"],
          restriction: "client-IP-address",
        },
      ],
      webServices: [],
      documentation: [
        { url: "https://example.com/help?a=1&b=2", descr: [] },
        { url: "https://example.com/de", descr: [{ lang: "de", text: "Hilfe" }, { text: "Help" }] },
      ],
    });
    expect(provider).not.toHaveProperty("shortName");
  });

  it("keeps URL-addressed Exchange services apart from host-and-port servers", () => {
    const provider = parseIspdbXml(
      doc(`<domain>example.com</domain><displayName>Example</displayName><displayShortName>Ex</displayShortName>
        <incomingServer type="ews"><username>%EMAILADDRESS%</username><authentication>OAuth2</authentication><url>https://example.com/ews/exchange.asmx</url></incomingServer>
        <incomingServer type="exchange"><hostname>outlook.example.com</hostname><port>443</port><socketType>SSL</socketType><authentication>OAuth2</authentication></incomingServer>`),
      "x.xml",
    );
    expect(provider.shortName).toBe("Ex");
    expect(provider.webServices).toEqual([
      {
        type: "ews",
        url: "https://example.com/ews/exchange.asmx",
        authentication: ["OAuth2"],
        username: "%EMAILADDRESS%",
      },
    ]);
    expect(provider.incoming.map((s) => `${s.type} ${s.hostname}:${s.port}`)).toEqual([
      "exchange outlook.example.com:443",
    ]);
  });

  it("names the file and the field of every problem", () => {
    const issues = issuesOf(
      doc(`<domain>example.com</domain><displayName>Example</displayName>
        <incomingServer type="imap"><port>99x</port><socketType>TLS</socketType></incomingServer>
        <outgoingServer type="imap"><hostname>smtp.example.com</hostname><port>70000</port><socketType>SSL</socketType></outgoingServer>`),
    );
    expect(issues).toEqual([
      { field: "emailProvider.incomingServer[0].hostname", message: "is missing" },
      { field: "emailProvider.incomingServer[0].port", message: "must be a port number" },
      {
        field: "emailProvider.incomingServer[0].socketType",
        message: expect.stringContaining('"SSL"|"STARTTLS"|"plain"'),
      },
      { field: "emailProvider.outgoingServer[0].@type", message: expect.stringContaining('"smtp"') },
      { field: "emailProvider.outgoingServer[0].port", message: expect.stringContaining("65535") },
    ]);
    const error = safeParseIspdbXml(doc("<displayName>x</displayName>"), "nodomain.xml");
    expect(error.ok).toBe(false);
    if (!error.ok) {
      expect(error.error).toBeInstanceOf(IspdbParseError);
      expect(error.error.message).toBe("nodomain.xml: field emailProvider.domain: is missing");
    }
  });

  it("requires at least one server and an id", () => {
    expect(issuesOf(doc("<domain>example.com</domain><displayName>x</displayName>"))).toEqual([
      { field: "emailProvider.incomingServer", message: "lists no <incomingServer> and no <outgoingServer>" },
    ]);
    expect(
      issuesOf(
        `<clientConfig><emailProvider><domain>a.com</domain><displayName>x</displayName>${IMAP}</emailProvider></clientConfig>`,
      ),
    ).toEqual([{ field: "emailProvider.@id", message: "is missing" }]);
  });

  it("rejects what is not a well-formed clientConfig, without throwing", () => {
    expect(issuesOf("<clientConfig><emailProvider id='x'>")[0]?.message).toMatch(/^not well-formed XML at line 1/);
    expect(issuesOf("not xml at all")[0]?.field).toBe("(document)");
    expect(issuesOf('<?xml version="1.0"?><html><body>Not here</body></html>')).toEqual([
      { field: "clientConfig", message: "not a <clientConfig> with an <emailProvider>" },
    ]);
    expect(() => parseIspdbXml("<clientConfig/>", "empty.xml")).toThrow(IspdbParseError);
    expect(() => parseIspdbXml("<clientConfig/>", "empty.xml")).toThrow(/^empty\.xml: field clientConfig/);
  });

  it("refuses DOCTYPE declarations instead of expanding entities", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <clientConfig><emailProvider id="x"><domain>x.com</domain><displayName>&lol2;</displayName>${IMAP}</emailProvider></clientConfig>`;
    expect(issuesOf(laughs)).toEqual([
      { field: "(document)", message: "DOCTYPE declarations are not allowed in a clientConfig" },
    ]);
    // An entity that is not predefined stays literal text rather than being looked up anywhere.
    const provider = parseIspdbXml(
      doc(`<domain>example.com</domain><displayName>A&amp;#38;B &nbsp;</displayName>${IMAP}`),
      "x.xml",
    );
    expect(provider.displayName).toBe("A&#38;B &nbsp;");
  });

  describeWithSharedSources("the real ISPDB files in ../shared/sources", () => {
    it(`parses all ${ISPDB_FILE_COUNT} files`, () => {
      const files = readdirSync(ISPDB_FILES).filter((f) => f.endsWith(".xml"));
      expect(files).toHaveLength(ISPDB_FILE_COUNT);
      const failures = files
        .map((f) => safeParseIspdbXml(readFileSync(path.join(ISPDB_FILES, f), "utf8"), f))
        .filter((r) => !r.ok);
      expect(failures).toEqual([]);
    });

    it("reads 1&1 with its entity, nine domains and both TLS modes per protocol", () => {
      const p = parseIspdbXml(readFileSync(path.join(ISPDB_FILES, "1und1.de.xml"), "utf8"), "1und1.de.xml");
      expect(p.displayName).toBe("1&1");
      expect(p.shortName).toBe("1&1");
      expect(p.domains).toHaveLength(9);
      expect(p.incoming.map((s) => `${s.type}:${s.port}:${s.socketType}`)).toEqual([
        "imap:993:SSL",
        "imap:143:STARTTLS",
        "pop3:995:SSL",
        "pop3:110:STARTTLS",
      ]);
      expect(p.outgoing.map((s) => `${s.type}:${s.port}:${s.socketType}`)).toEqual([
        "smtp:465:SSL",
        "smtp:587:STARTTLS",
      ]);
      expect(p.documentation).toEqual([{ url: "https://hilfe-center.1und1.de/e-mail-einstellungen", descr: [] }]);
    });
  });
});

describe("bounds", () => {
  const doc = (name: string) => `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x.example">
  <domain>x.example</domain><displayName>${name}</displayName>
  <incomingServer type="imap"><hostname>imap.x.example</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>
</emailProvider></clientConfig>`;

  it("refuses a display name over MAX_NAME_LENGTH instead of cutting it short", () => {
    expect(safeParseIspdbXml(doc("N".repeat(MAX_NAME_LENGTH)), "x.xml").ok).toBe(true);
    const result = safeParseIspdbXml(doc("N".repeat(1024 * 1024)), "x.xml");
    expect(result.ok ? [] : result.error.issues).toEqual([
      { field: "emailProvider.displayName", message: `must be at most ${MAX_NAME_LENGTH} characters` },
    ]);
  });
});
