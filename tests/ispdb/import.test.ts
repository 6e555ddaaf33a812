import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { readIspdbFolder } from "@/lib/ispdb/load-folder";
import { buildImportReport, planIspdbImport, type ImportReport } from "@/lib/ispdb/plan-import";
import { writeIspdbImport } from "@/lib/ispdb/write-import";
import { main as importMain } from "@/scripts/import-ispdb";
import { captureConsole } from "../helpers/console";
import { createTempDatabase, seedReviewedData } from "../helpers/temp-db";
import { BAD_PORT_XML, BROKEN_XML, GOOD_XML, writeFiles } from "./fixtures";
import { describeWithIspdbSample, ISPDB_DIR, ISPDB_FILE_COUNT } from "../helpers/ispdb-sample";

const AS_OF = "2026-03-12";

// What the CLI does, minus arguments and printing.
async function importFolder(db: PrismaClient, folder: string, asOf: string): Promise<ImportReport> {
  const plan = planIspdbImport(await readIspdbFolder(folder));
  return buildImportReport(plan, asOf, await writeIspdbImport(db, plan, { asOf }));
}

const cleanups: Array<() => void> = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function tempDb() {
  const db = createTempDatabase();
  cleanups.push(db.cleanup);
  return db;
}

async function seededDb(url: string): Promise<void> {
  const db = createPrismaClient(url);
  try {
    await seedReviewedData(db);
  } finally {
    await db.$disconnect();
  }
}

// Every row of the tables an import writes; ids of replaced rows are left out.
function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      Company: all(`SELECT * FROM "Company" ORDER BY id`),
      Service: all(`SELECT * FROM "Service" ORDER BY id`),
      Source: all(`SELECT * FROM "Source" ORDER BY id`),
      Claim: all(
        `SELECT serviceId, clientId, propertyId, sourceId, value, asOf, note, details, isCurrent FROM "Claim" ORDER BY serviceId, clientId, propertyId, sourceId`,
      ),
      Endpoint: all(
        `SELECT serviceId, direction, protocol, host, port, security, authMethods, sourceId, asOf FROM "Endpoint" ORDER BY serviceId, protocol, host, port`,
      ),
      FormerName: all(`SELECT * FROM "FormerName" ORDER BY id`),
    };
  } finally {
    db.close();
  }
}

// What the reviewed data put in the database: it must look the same after any ISPDB import.
async function dataRows(db: PrismaClient) {
  return db.service.findMany({
    where: { origin: "data" },
    orderBy: { slug: "asc" },
    include: {
      company: true,
      formerNames: true,
      claims: { orderBy: { id: "asc" } },
      endpoints: { orderBy: { id: "asc" } },
    },
  });
}

async function serviceView(db: PrismaClient, slug: string) {
  const service = await db.service.findUniqueOrThrow({
    where: { slug },
    include: {
      company: true,
      claims: { include: { property: true, source: true }, orderBy: { property: { position: "asc" } } },
      endpoints: { include: { source: true }, orderBy: { id: "asc" } },
    },
  });
  return {
    service: {
      name: service.name,
      company: service.company.name,
      companySlug: service.company.slug,
      segment: service.segment,
      origin: service.origin,
      status: service.status,
      supportCount: service.supportCount,
      searchText: service.searchText,
    },
    claims: service.claims.map((c) => ({
      property: c.property.key,
      value: c.value,
      note: c.note,
      asOf: c.asOf,
      source: c.source.key,
      isCurrent: c.isCurrent,
    })),
    details: Object.fromEntries(service.claims.map((c) => [c.property.key, c.details])),
    endpoints: service.endpoints.map(
      (e) =>
        `${e.direction} ${e.protocol} ${e.host}:${e.port} ${e.security} ${JSON.stringify(e.authMethods)} ${e.source.key} ${e.asOf}`,
    ),
  };
}

const claim = (property: string, value: string, note: string) => ({
  property,
  value,
  note,
  asOf: AS_OF,
  source: "thunderbird-ispdb",
  isCurrent: true,
});

describeWithIspdbSample("importing the real ISPDB sample", () => {
  let db: PrismaClient;
  let file: string;
  let report: ImportReport;
  let dataBefore: Awaited<ReturnType<typeof dataRows>>;

  beforeAll(async () => {
    const temp = tempDb();
    file = temp.file;
    db = createPrismaClient(temp.url);
    await seedReviewedData(db);
    dataBefore = await dataRows(db);
    report = await importFolder(db, ISPDB_DIR, AS_OF);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("accounts for every file: all imported, none failed", async () => {
    expect(report.filesRead).toBe(ISPDB_FILE_COUNT);
    expect(report.providersImported + report.filesFailed).toBe(ISPDB_FILE_COUNT);
    expect(report.failures).toEqual([]);
    expect(new Set(report.imported.map((r) => r.file)).size).toBe(ISPDB_FILE_COUNT);
    expect(new Set(report.imported.map((r) => r.slug)).size).toBe(ISPDB_FILE_COUNT);
    expect(await db.service.count({ where: { origin: "ispdb" } })).toBe(ISPDB_FILE_COUNT);
    expect(await db.source.findUniqueOrThrow({ where: { key: "thunderbird-ispdb" } })).toMatchObject({
      kind: "ispdb",
      title: "Thunderbird ISPDB",
      url: "https://github.com/thunderbird/autoconfig",
      asOf: AS_OF,
    });
    expect(report.claims).toBe(await db.claim.count({ where: { source: { key: "thunderbird-ispdb" } } }));
    expect(report.endpoints).toBe(await db.endpoint.count({ where: { source: { key: "thunderbird-ispdb" } } }));
  });

  it("imports AOL Mail field by field", async () => {
    const view = await serviceView(db, "ispdb-aol-com");
    expect(view.service).toEqual({
      name: "AOL Mail",
      company: "AOL Mail",
      companySlug: "ispdb-aol-com",
      segment: null,
      origin: "ispdb",
      status: "active",
      supportCount: 4,
      searchText: [
        "aol mail",
        "aol",
        "aol.com",
        "aim.com",
        "netscape.net",
        "netscape.com",
        "compuserve.com",
        "cs.com",
        "wmconnect.com",
        "aol.de",
        "aol.it",
        "aol.fr",
        "aol.es",
        "aol.se",
        "aol.co.uk",
        "aol.co.nz",
        "aol.com.au",
        "aol.com.ar",
        "aol.com.br",
        "aol.com.mx",
        "mail.gm0.yahoodns.net",
      ].join("\n"),
    });
    expect(view.claims).toEqual([
      claim("pop3s", "yes", "ISPDB: incoming pop3 pop.aol.com:995 SSL"),
      claim("imaps", "yes", "ISPDB: incoming imap imap.aol.com:993 SSL"),
      claim("smtps", "yes", "ISPDB: outgoing smtp smtp.aol.com:465 SSL"),
      claim("smtp-auth", "yes", "ISPDB: outgoing smtp smtp.aol.com:465 SSL with OAuth2, password-cleartext"),
    ]);
    expect(view.details["smtp-auth"]).toEqual({
      source: "thunderbird-ispdb",
      file: "aol.com.xml",
      providerId: "aol.com",
      rule: "SMTP with a login method",
      entries: [
        {
          direction: "outgoing",
          type: "smtp",
          hostname: "smtp.aol.com",
          port: 465,
          socketType: "SSL",
          authentication: ["OAuth2", "password-cleartext"],
          username: "%EMAILADDRESS%",
        },
      ],
    });
    expect(view.endpoints).toEqual([
      `incoming imap imap.aol.com:993 tls ["OAuth2","password-cleartext"] thunderbird-ispdb ${AS_OF}`,
      `incoming pop3 pop.aol.com:995 tls ["OAuth2","password-cleartext"] thunderbird-ispdb ${AS_OF}`,
      `outgoing smtp smtp.aol.com:465 tls ["OAuth2","password-cleartext"] thunderbird-ispdb ${AS_OF}`,
    ]);
  });

  it("imports Aruba PEC as stated, POP3 on port 993 included", async () => {
    const view = await serviceView(db, "ispdb-arubapec-it");
    expect(view.service).toMatchObject({ name: "Aruba PEC", segment: null, origin: "ispdb", supportCount: 4 });
    expect(view.claims).toEqual([
      claim("pop3s", "yes", "ISPDB: incoming pop3 pop3s.pec.aruba.it:993 SSL"),
      claim("imaps", "yes", "ISPDB: incoming imap imaps.pec.aruba.it:993 SSL"),
      claim("smtps", "yes", "ISPDB: outgoing smtp smtps.pec.aruba.it:465 SSL"),
      claim("smtp-auth", "yes", "ISPDB: outgoing smtp smtps.pec.aruba.it:465 SSL with password-cleartext"),
    ]);
    expect(view.endpoints).toEqual([
      `incoming imap imaps.pec.aruba.it:993 tls ["password-cleartext"] thunderbird-ispdb ${AS_OF}`,
      `incoming pop3 pop3s.pec.aruba.it:993 tls ["password-cleartext"] thunderbird-ispdb ${AS_OF}`,
      `outgoing smtp smtps.pec.aruba.it:465 tls ["password-cleartext"] thunderbird-ispdb ${AS_OF}`,
    ]);
  });

  it("imports PeoplePC's encrypted-password logins as CRAM-MD5 and a maybe-APOP", async () => {
    const view = await serviceView(db, "ispdb-peoplepc-com");
    expect(view.service).toMatchObject({ name: "PeoplePC", supportCount: 3, searchText: "peoplepc\npeoplepc.com" });
    expect(view.claims).toEqual([
      claim("submission-starttls", "yes", "ISPDB: outgoing smtp smtpauth.peoplepc.com:587 STARTTLS"),
      claim("smtp-auth", "yes", "ISPDB: outgoing smtp smtpauth.peoplepc.com:587 STARTTLS with password-encrypted"),
      claim(
        "apop",
        "partial",
        "ISPDB: incoming pop3 pop.peoplepc.com:110 plain with password-encrypted, which on POP3 means APOP or CRAM-MD5; the ISPDB does not say which",
      ),
      claim(
        "cram-md5",
        "yes",
        "ISPDB: incoming imap imap.peoplepc.com:143 plain with password-encrypted (CRAM-MD5); outgoing smtp smtpauth.peoplepc.com:587 STARTTLS with password-encrypted (CRAM-MD5)",
      ),
    ]);
    expect(view.endpoints).toEqual([
      `incoming imap imap.peoplepc.com:143 none ["password-encrypted"] thunderbird-ispdb ${AS_OF}`,
      `incoming pop3 pop.peoplepc.com:110 none ["password-encrypted"] thunderbird-ispdb ${AS_OF}`,
      `outgoing smtp smtpauth.peoplepc.com:587 starttls ["password-encrypted"] thunderbird-ispdb ${AS_OF}`,
    ]);
  });

  it("imports Clustermail's STARTTLS on 587 and on 25 as two properties", async () => {
    const view = await serviceView(db, "ispdb-clustermail-de");
    expect(view.service).toMatchObject({ name: "Clustermail", supportCount: 8 });
    expect(view.claims.map((c) => `${c.property}=${c.value}`)).toEqual([
      "pop3s=yes",
      "imaps=yes",
      "pop3-stls=yes",
      "imap-starttls=yes",
      "submission-starttls=yes",
      "smtp-starttls=yes",
      "smtp-auth=yes",
      "cram-md5=yes",
    ]);
    expect(view.claims.find((c) => c.property === "smtp-starttls")?.note).toBe(
      "ISPDB: outgoing smtp mail.clustermail.de:25 STARTTLS",
    );
    expect(view.endpoints).toHaveLength(6);
  });

  it("imports BBにいがた with its full-width name folded for search, cleartext and all", async () => {
    const view = await serviceView(db, "ispdb-bb-niigata-jp");
    expect(view.service).toMatchObject({
      name: "ＢＢにいがた",
      supportCount: 1,
      searchText: "bbにいがた\nbb-niigata\nbb-niigata.jp",
    });
    expect(view.claims).toEqual([
      claim("smtp-auth", "yes", "ISPDB: outgoing smtp pop.bb-niigata.jp:25 plain with password-cleartext"),
    ]);
    expect(view.endpoints).toEqual([
      `incoming pop3 pop.bb-niigata.jp:110 none ["password-cleartext"] thunderbird-ispdb ${AS_OF}`,
      `outgoing smtp pop.bb-niigata.jp:25 none ["password-cleartext"] thunderbird-ispdb ${AS_OF}`,
    ]);
  });

  it("gives files that share a provider id their own stable slugs", () => {
    const zoho = report.imported.filter((r) => r.providerId === "zoho.com").map((r) => `${r.file} → ${r.slug}`);
    expect(zoho).toEqual([
      "zoho.com.au.xml → ispdb-zoho-com-au",
      "zoho.com.xml → ispdb-zoho-com",
      "zoho.in.xml → ispdb-zoho-in",
      "zoho.jp.xml → ispdb-zoho-jp",
      "zohocloud.ca.xml → ispdb-zohocloud-ca",
    ]);
    expect(report.imported.find((r) => r.file === "messagingengine.com.xml")?.slug).toBe("ispdb-messagingengine");
  });

  it("reports the self-contradicting entries the sample really has", () => {
    // An independent, regex-level scan for the errors the sample's README warns about.
    const found: string[] = [];
    for (const f of readdirSync(ISPDB_DIR).sort()) {
      const text = readFileSync(path.join(ISPDB_DIR, f), "utf8");
      for (const m of text.matchAll(/<(incoming|outgoing)Server type="(\w+)">([\s\S]*?)<\/\1Server>/g)) {
        const port = /<port>(\d+)<\/port>/.exec(m[3]!)?.[1];
        const socket = /<socketType>(\w+)<\/socketType>/.exec(m[3]!)?.[1];
        const host = /<hostname>([^<]+)<\/hostname>/.exec(m[3]!)?.[1];
        const hit =
          (m[2] === "pop3" && port === "993") ||
          (m[2] === "imap" && socket === "STARTTLS" && port === "587") ||
          (m[2] === "smtp" && socket === "SSL" && port === "587");
        if (hit) found.push(`${f} ${m[1]} ${m[2]} ${host}:${port} ${socket}`);
      }
    }
    // Of the three, only the POP3-on-993 record is in this sample.
    expect(found).toEqual(["arubapec.it.xml incoming pop3 pop3s.pec.aruba.it:993 SSL"]);

    const errors = report.problems.filter((p) => p.severity === "error").map((p) => `${p.file} ${p.entry} ${p.code}`);
    expect(errors).toEqual(["arubapec.it.xml incoming pop3 pop3s.pec.aruba.it:993 SSL port-of-other-protocol"]);
    const warnings = report.problems.filter((p) => p.severity === "warning");
    expect(warnings.filter((p) => p.code === "unusual-port").map((p) => `${p.file} ${p.entry}`)).toEqual([
      "rediffmail.com.xml outgoing smtp smtp.rediffmail.com:586 SSL",
    ]);
    expect(warnings.filter((p) => p.code === "shared-provider-id").map((p) => p.file)).toEqual([
      "zoho.com.au.xml",
      "zoho.com.xml",
      "zoho.in.xml",
      "zoho.jp.xml",
      "zohocloud.ca.xml",
    ]);
    const cleartext = warnings.filter((p) => p.code === "cleartext-password-without-tls");
    expect(cleartext).toHaveLength(48);
    expect(cleartext.map((p) => `${p.file} ${p.entry}`)).toContain(
      "bb-niigata.jp.xml incoming pop3 pop.bb-niigata.jp:110 plain",
    );
    expect(report.unmapped.map((u) => `${u.file} ${u.entry}`)).toEqual([
      "office365.com.xml incoming ews https://outlook.office365.com/ews/exchange.asmx",
      "office365.com.xml incoming owa https://outlook.office365.com/owa/",
      "office365.com.xml incoming graph https://graph.microsoft.com/",
      "office365.com.xml incoming exchange outlook.office365.com:443 SSL",
    ]);
  });

  it("leaves the reviewed services and their claims untouched", async () => {
    expect(await dataRows(db)).toEqual(dataBefore);
    expect(dataBefore.length).toBeGreaterThan(0);
  });

  it("is idempotent: a second run leaves the same rows", async () => {
    const first = snapshot(file);
    const again = await importFolder(db, ISPDB_DIR, AS_OF);
    expect(snapshot(file)).toEqual(first);
    expect(again).toEqual(report);
    expect(await dataRows(db)).toEqual(dataBefore);
  });

  it("replaces its claims on a later run, and re-seeding keeps them", async () => {
    await importFolder(db, ISPDB_DIR, "2026-04-01");
    const aol = await db.claim.findMany({ where: { service: { slug: "ispdb-aol-com" } } });
    expect(aol.map((c) => c.asOf)).toEqual(["2026-04-01", "2026-04-01", "2026-04-01", "2026-04-01"]);
    await seedReviewedData(db);
    expect(await db.service.count({ where: { origin: "ispdb" } })).toBe(ISPDB_FILE_COUNT);
    expect(await db.claim.count({ where: { service: { slug: "ispdb-aol-com" }, isCurrent: true } })).toBe(4);
  });
});

describe("importing a folder with bad files", () => {
  it("reports each bad file by name and field and imports the rest", async () => {
    const folder = writeFiles(tempDir("msc-ispdb-"), {
      "good.example.xml": GOOD_XML,
      "broken.xml": BROKEN_XML,
      "badport.xml": BAD_PORT_XML,
      "README.txt": "not a config",
    });
    const { url } = tempDb();
    await seededDb(url);
    const db = createPrismaClient(url);
    try {
      const report = await importFolder(db, folder, AS_OF);
      expect(report.filesRead).toBe(3);
      expect(report.providersImported).toBe(1);
      expect(report.filesFailed).toBe(2);
      expect(report.failures).toEqual([
        {
          file: "badport.xml",
          issues: [{ field: "emailProvider.incomingServer[0].port", message: "must be a port number" }],
        },
        {
          file: "broken.xml",
          issues: [{ field: "(document)", message: expect.stringMatching(/^not well-formed XML at line \d+/) }],
        },
      ]);
      expect(await db.service.findMany({ where: { origin: "ispdb" }, select: { slug: true } })).toEqual([
        { slug: "ispdb-good-example" },
      ]);
    } finally {
      await db.$disconnect();
    }
  });
});

// The command's own decisions, run in-process on small folders of its own (the real command is
// spawned once, in import-cli.integration.test.ts).
describe("the import:ispdb command", () => {
  const run = (args: string[], url: string) =>
    importMain(args, { openDb: () => createPrismaClient(url), showProgress: false });

  it("exits non-zero when nothing can be imported, and changes nothing", async () => {
    const { url, file } = tempDb();
    await seededDb(url);
    const before = snapshot(file);
    const folder = writeFiles(tempDir("msc-ispdb-bad-"), { "broken.xml": BROKEN_XML });
    const output = captureConsole();
    expect(await run([folder], url)).toBe(1);
    expect(output.stdout()).toMatch(/files read: +1\n +providers imported: +0\n +files failed: +1\n/);
    expect(output.stderr()).toContain("Nothing imported");
    expect(snapshot(file)).toEqual(before);
  });

  it("exits non-zero and rolls back when the transaction fails", async () => {
    // Not seeded: the properties the claims point to are missing.
    const { url, file } = tempDb();
    const folder = writeFiles(tempDir("msc-ispdb-good-"), { "good.example.xml": GOOD_XML });
    const output = captureConsole();
    expect(await run([folder, "--as-of", AS_OF], url)).toBe(1);
    expect(output.stderr()).toContain("Import failed and was rolled back; the database was not changed");
    expect(output.stderr()).toContain("seed it first");
    const after = snapshot(file);
    expect(after.Service).toEqual([]);
    expect(after.Source).toEqual([]);
  });

  it("rejects a bad --as-of before touching anything", async () => {
    const { url } = tempDb();
    const output = captureConsole();
    expect(await run([tempDir("msc-ispdb-empty-"), "--as-of", "2026-02-30"], url)).toBe(2);
    expect(output.stderr()).toContain("is not a calendar date");
  });
});
