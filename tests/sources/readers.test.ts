import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFairEmailFile } from "@/lib/sources/read-fairemail";
import { readIspdbFolder } from "@/lib/sources/read-ispdb";
import { readMailCore2File } from "@/lib/sources/read-mailcore2";
import { readNodemailerFile } from "@/lib/sources/read-nodemailer";
import { readProviderDbFolder } from "@/lib/sources/read-provider-db";

function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sources-"));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function tempFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sources-"));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const ISPDB_OK = `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.jp">
  <domain>example.jp</domain><domain>Example.NE.JP</domain>
  <displayName>%EMAILDOMAIN%</displayName>
  <incomingServer type="pop3"><hostname>pop.%EMAILDOMAIN%</hostname><port>110</port><socketType>plain</socketType><authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>SMTP.example.jp</hostname><port>587</port><socketType>STARTTLS</socketType><authentication>password-cleartext</authentication><authentication>weird</authentication></outgoingServer>
</emailProvider></clientConfig>`;

describe("ISPDB reader", () => {
  it("reads domains and settings, and turns a placeholder name into a finding instead of a name", async () => {
    const result = await readIspdbFolder(tempFolder({ "example.jp.xml": ISPDB_OK }));
    expect(result.errors).toEqual([]);
    const [record] = result.records;
    expect(record?.name).toBe("example.jp");
    expect(record?.domains).toEqual(["example.jp", "example.ne.jp"]);
    expect(record?.settings).toEqual([
      { protocol: "pop3", host: "pop.%EMAILDOMAIN%", port: 110, security: "none", auth: ["password-cleartext"] },
      { protocol: "smtp", host: "smtp.example.jp", port: 587, security: "starttls", auth: ["password-cleartext"] },
    ]);
    expect(record?.findings.map((f) => f.code)).toEqual([
      "unknown-authentication",
      "placeholder-name",
      "placeholder-host",
    ]);
  });

  it("names the file and field of a broken document", async () => {
    const result = await readIspdbFolder(
      tempFolder({ "bad.xml": "<clientConfig><emailProvider", "noport.xml": ISPDB_OK.replace("<port>587</port>", "") }),
    );
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      {
        file: "bad.xml",
        record: "bad.xml",
        field: "(document)",
        message: expect.stringMatching(/^not well-formed XML/),
      },
      {
        file: "noport.xml",
        record: "noport.xml",
        field: "emailProvider.outgoingServer[0].port",
        message: expect.any(String),
      },
    ]);
  });
});

describe("ISPDB reader: OAuth2", () => {
  const withServers = (incomingAuth: string, extra = "") =>
    `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.jp"><domain>example.jp</domain><displayName>Example</displayName>
  <incomingServer type="imap"><hostname>imap.example.jp</hostname><port>993</port><socketType>SSL</socketType><authentication>${incomingAuth}</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.example.jp</hostname><port>465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider>${extra}</clientConfig>`;
  const OAUTH2_BLOCK =
    "<oAuth2><issuer>login.example.jp</issuer><scope>mail</scope><authURL>https://login.example.jp/auth</authURL><tokenURL>https://login.example.jp/token</tokenURL></oAuth2>";

  it("marks a record OAuth2 from a server's authentication or from the <oAuth2> block alone", async () => {
    const result = await readIspdbFolder(
      tempFolder({
        "a.xml": withServers("OAuth2"),
        "b.xml": withServers("password-cleartext", OAUTH2_BLOCK),
        "c.xml": withServers("password-cleartext"),
        // a malformed block costs the OAuth2 statement, not the file
        "d.xml": withServers("password-cleartext", "<oAuth2><scope>mail</scope></oAuth2>"),
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.id, r.oauth2])).toEqual([
      ["a.xml", true],
      ["b.xml", true],
      // naming no OAuth2 is no statement that there is none
      ["c.xml", null],
      ["d.xml", null],
    ]);
  });
});

describe("Delta Chat provider-db reader", () => {
  const md = (front: string) => `---\n${front}\n---\n\nProse that is never read.\n`;
  it("reads status, last_checked, wildcard domains and servers", async () => {
    const dir = tempFolder({
      "example.md": md(
        "name: Example\nstatus: BROKEN\ndomains:\n  - example.org\n  - '*.example.net'\nserver:\n  - type: imap\n    socket: SSL\n    hostname: IMAP.example.org\n    port: 993\nlast_checked: 2024-11\nwebsite: example.org",
      ),
    });
    const { records, errors } = await readProviderDbFolder(dir);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      id: "example",
      status: "broken",
      checked: "2024-11",
      website: "https://example.org",
      domains: ["example.org"],
      domainPatterns: ["[a-z0-9-]+\\.example\\.net"],
      settings: [
        { protocol: "imap", host: "imap.example.org", port: 993, security: "tls", auth: ["password-cleartext"] },
      ],
    });
  });

  it("reports bad YAML, a missing field and a bad value per file", async () => {
    const dir = tempFolder({
      "a.md": md("name: [unclosed"),
      "b.md": md("status: OK\nlast_checked: 2020-01"),
      "c.md": md("name: C\nstatus: MAYBE\nlast_checked: 2020-13"),
      "d.md": "no front matter",
    });
    const { records, errors } = await readProviderDbFolder(dir);
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.file, e.field])).toEqual([
      ["a.md", "(front matter)"],
      ["b.md", "name"],
      ["c.md", "status"],
      ["c.md", "last_checked"],
      ["d.md", "(front matter)"],
    ]);
  });
});

describe("FairEmail reader", () => {
  it("splits literal domains from patterns and keeps two records of one name apart", async () => {
    const file = tempFile(
      "providers.json",
      JSON.stringify({
        providers: [
          { name: "Tin.it", domain: "tin\\.it", imap: { host: "imaps.tin.it", port: 143, starttls: true } },
          {
            name: "Tin.it",
            domain: "tim\\.it,tim\\..*",
            smtp: { host: "smtp.tim.it", port: 465, starttls: false },
            oauth: false,
            appPassword: "true",
          },
        ],
      }),
    );
    const { records, errors } = await readFairEmailFile(file);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(["Tin.it", "Tin.it#2"]);
    expect(records[1]).toMatchObject({
      domains: ["tim.it"],
      domainPatterns: ["tim\\..*"],
      appPassword: true,
      oauth2: false,
    });
    expect(records[0]?.settings[0]).toMatchObject({ security: "starttls", port: 143 });
    expect(records[1]?.settings[0]).toMatchObject({ security: "tls", port: 465 });
  });

  it("names the provider and field of a bad record, and refuses invalid JSON and non-UTF-8", async () => {
    const bad = await readFairEmailFile(
      tempFile(
        "p.json",
        JSON.stringify({ providers: [{ name: "X", imap: { host: "x", port: "993", starttls: false } }] }),
      ),
    );
    expect(bad.errors).toEqual([
      { file: "p.json", record: "providers[0]", field: "imap.port", message: expect.any(String) },
    ]);
    const broken = await readFairEmailFile(tempFile("p.json", "{ not json"));
    expect(broken.errors[0]).toMatchObject({ record: "(file)", message: expect.stringMatching(/^invalid JSON/) });
    const bytes = await readFairEmailFile(tempFile("p.json", Buffer.from([0x7b, 0xff, 0x7d])));
    expect(bytes).toEqual({
      records: [],
      errors: [
        {
          file: "p.json",
          record: "(file)",
          field: "(document)",
          message: "is not valid UTF-8 (first bad byte at line 1, byte offset 1)",
        },
      ],
    });
  });
});

describe("MailCore2 reader", () => {
  it("skips templates, keeps inconsistent entries as stated and maps {domain}", async () => {
    const file = tempFile(
      "providers.json",
      JSON.stringify({
        default: { servers: { imap: [{ port: 993, ssl: true }] } },
        comcast: {
          servers: { pop: [{ port: 110, hostname: "mail.comcast.net", ssl: true }] },
          "domain-match": ["comcast\\.net"],
        },
        dreamhost: {
          servers: { imap: [{ port: 993, hostname: "mail.{domain}", ssl: true }] },
          "mx-match": ["mx1\\.dreamhost\\.com"],
        },
      }),
    );
    const { records, errors, warnings } = await readMailCore2File(file);
    expect(errors).toEqual([]);
    expect(warnings?.map((w) => w.record)).toEqual(["default"]);
    expect(records.find((r) => r.id === "comcast")?.settings).toEqual([
      { protocol: "pop3", host: "mail.comcast.net", port: 110, security: "tls", auth: [] },
    ]);
    expect(records.find((r) => r.id === "dreamhost")).toMatchObject({
      settings: [{ host: "mail.%EMAILDOMAIN%" }],
      mxPatterns: ["mx1\\.dreamhost\\.com"],
    });
  });

  it("names a provider the file lists twice, which JSON.parse alone would drop without a word", async () => {
    // the same key twice, spelt with two escapes; braces, commas and repeated keys inside values
    const file = tempFile(
      "providers.json",
      `{
  "a\\"b": { "servers": { "imap": [{ "hostname": "imap.a.example", "port": 993, "ssl": true }] }, "domain-match": ["{x}\\\\.example", "[,]"] },
  "c": { "servers": { "imap": [{ "hostname": "imap.c.example", "port": 993, "ssl": true }, { "hostname": "mail.c.example", "port": 993, "ssl": true }] } },
  "a\\u0022b": { "servers": { "imap": [{ "hostname": "imap.a2.example", "port": 993, "ssl": true }] } }
}`,
    );
    const { records, errors } = await readMailCore2File(file);
    expect(errors).toEqual([{ file: "providers.json", record: 'a"b', field: "(key)", message: expect.any(String) }]);
    expect(records.map((r) => r.id)).toEqual(['a"b', "c"]);
  });
});

describe("nodemailer reader", () => {
  it("reads secure as implicit TLS and the rest as STARTTLS, and skips services without a host", async () => {
    const file = tempFile(
      "services.json",
      JSON.stringify({
        Gmail: { description: "Gmail", host: "smtp.gmail.com", port: 465, secure: true, domains: ["gmail.com"] },
        Odd: { host: "smtp.odd.example", port: "587" },
        Relay: { aliases: ["x"] },
        Bad: { host: "smtp.bad.example", port: 70000 },
      }),
    );
    const { records, errors, warnings } = await readNodemailerFile(file);
    expect(records.map((r) => [r.id, r.settings[0]?.security, r.settings[0]?.port])).toEqual([
      ["Gmail", "tls", 465],
      ["Odd", "starttls", 587],
    ]);
    expect(warnings?.map((w) => w.record)).toEqual(["Relay"]);
    expect(errors).toEqual([{ file: "services.json", record: "Bad", field: "port", message: expect.any(String) }]);
  });
});
