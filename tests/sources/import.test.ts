import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { planCatalogue, type CataloguePlan } from "@/lib/seed/build-catalogue";
import { DataValidationError, loadCatalogueData } from "@/lib/seed/load-data";
import { DATASETS, SHARED_INDEX_KEYS } from "@/lib/sources/datasets";
import { importDataset, type ImportReport } from "@/lib/sources/import";
import { compilePattern, type RecordError } from "@/lib/sources/read-result";
import { snapshotSchema, type DatasetKey, type Snapshot, type SourceRecord } from "@/lib/sources/record";
import { readPinnedVersion, snapshotPath } from "@/lib/sources/snapshot";
import { main as importMain } from "@/scripts/import";
import { captureConsole } from "../helpers/console";
import { dumpContent, dumpDatabase } from "../helpers/db-dump";
import { describeWithSharedSources, SHARED_SOURCES_INDEX_FILE, defaultInput } from "../helpers/shared-sources";
import { createBlankDatabase, createSeededDatabase, REPO_ROOT, type TempDatabase } from "../helpers/temp-db";

// npm run import, in-process: every import runs against a copy of the repository's data/ folder
// (`root`) and a database of its own, never the checkout's.

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// A project root holding a copy of data/, as importDataset reads and writes it.
function copyOfProject(): string {
  const root = tempDir("msc-import-root-");
  cpSync(path.join(REPO_ROOT, "data"), path.join(root, "data"), { recursive: true });
  return root;
}

function folder(files: Record<string, string>): string {
  const dir = tempDir("msc-import-input-");
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function file(name: string, text: string): string {
  return path.join(folder({ [name]: text }), name);
}

async function seededDb(): Promise<TempDatabase & { db: PrismaClient }> {
  const temp = await createSeededDatabase();
  const db = createPrismaClient(temp.url);
  cleanups.push(temp.cleanup, () => db.$disconnect());
  return { ...temp, db };
}

// A file's bytes as a digest: comparing half a megabyte as a Buffer takes vitest seconds.
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
function snapshotFiles(root: string): Record<string, string> {
  const dir = path.join(root, "data", "snapshots");
  return Object.fromEntries(readdirSync(dir).map((f) => [f, digest(path.join(dir, f))]));
}

function readSnapshot(root: string, key: DatasetKey): Snapshot {
  return snapshotSchema.parse(JSON.parse(readFileSync(snapshotPath(root, key), "utf8")));
}

const VERSION = { version: "test", date: "2026-01-01" };

const ISPDB_GOOD = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="good.example">
  <domain>good.example</domain><displayName>Good</displayName>
  <incomingServer type="imap"><hostname>imap.good.example</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.good.example</hostname><port>465</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`;

const md = (front: string) => `---\n${front}\n---\n\nProse that is never read.\n`;
const DELTACHAT_GOOD = md(
  "name: Good\nstatus: OK\ndomains:\n  - good.example\nserver:\n  - type: imap\n    socket: SSL\n    hostname: imap.good.example\n    port: 993\nlast_checked: 2025-01",
);

type BrokenCase = {
  dataset: DatasetKey;
  what: string;
  input: () => string;
  errors: Array<Pick<RecordError, "file" | "record" | "field">>;
};

const BROKEN: BrokenCase[] = [
  {
    dataset: "thunderbird-ispdb",
    what: "XML that is not well-formed, a server without a port and a port that is not a number",
    input: () =>
      folder({
        "good.example.xml": ISPDB_GOOD,
        "bad.example.xml": "<clientConfig><emailProvider",
        "noport.example.xml": ISPDB_GOOD.replace("<port>465</port>", ""),
        "wordport.example.xml": ISPDB_GOOD.replace("<port>993</port>", "<port>nine</port>"),
      }),
    errors: [
      { file: "bad.example.xml", record: "bad.example.xml", field: "(document)" },
      { file: "noport.example.xml", record: "noport.example.xml", field: "emailProvider.outgoingServer[0].port" },
      { file: "wordport.example.xml", record: "wordport.example.xml", field: "emailProvider.incomingServer[0].port" },
    ],
  },
  {
    dataset: "deltachat-provider-db",
    what: "YAML that does not parse, a missing status and a port given as text",
    input: () =>
      folder({
        "good.md": DELTACHAT_GOOD,
        "badyaml.md": md("name: [unclosed\nstatus: OK"),
        "nostatus.md": DELTACHAT_GOOD.replace("status: OK\n", ""),
        "textport.md": DELTACHAT_GOOD.replace("port: 993", "port: imaps"),
      }),
    errors: [
      { file: "badyaml.md", record: "badyaml.md", field: "(front matter)" },
      { file: "nostatus.md", record: "nostatus.md", field: "status" },
      { file: "textport.md", record: "textport.md", field: "server[0].port" },
    ],
  },
  {
    dataset: "fairemail",
    what: "a provider without a name and a port given as text",
    input: () =>
      file(
        "providers.json",
        JSON.stringify({
          providers: [
            {
              id: "good",
              name: "Good",
              domain: "good\\.example",
              imap: { host: "imap.good.example", port: 993, starttls: false },
            },
            { id: "nameless", domain: "nameless\\.example" },
            { id: "textport", name: "Text port", smtp: { host: "smtp.text.example", port: "465", starttls: false } },
          ],
        }),
      ),
    errors: [
      { file: "providers.json", record: "providers[1]", field: "name" },
      { file: "providers.json", record: "providers[2]", field: "smtp.port" },
    ],
  },
  {
    dataset: "fairemail",
    what: "a file that is not JSON",
    input: () => file("providers.json", '{ "providers": [ { "name": "Cut off" '),
    errors: [{ file: "providers.json", record: "(file)", field: "(document)" }],
  },
  {
    dataset: "mailcore2",
    what: "a provider listed twice and a port given as text",
    input: () =>
      file(
        "providers.json",
        `{
  "good": { "servers": { "imap": [{ "hostname": "imap.good.example", "port": 993, "ssl": true }] }, "domain-match": ["good\\\\.example"] },
  "twice": { "servers": { "imap": [{ "hostname": "imap.twice.example", "port": 993, "ssl": true }] } },
  "textport": { "servers": { "smtp": [{ "hostname": "smtp.text.example", "port": "465", "ssl": true }] } },
  "twice": { "servers": { "imap": [{ "hostname": "imap2.twice.example", "port": 143, "starttls": true }] } }
}`,
      ),
    errors: [
      { file: "providers.json", record: "twice", field: "(key)" },
      { file: "providers.json", record: "textport", field: "servers.smtp[0].port" },
    ],
  },
  {
    dataset: "nodemailer",
    what: "a service listed twice, a port out of range and secure given as text",
    input: () =>
      file(
        "services.json",
        `{
  "Good": { "description": "Good", "host": "smtp.good.example", "port": 465, "secure": true, "domains": ["good.example"] },
  "Twice": { "host": "smtp.twice.example", "port": 587 },
  "FarPort": { "host": "smtp.far.example", "port": 70000 },
  "TextSecure": { "host": "smtp.text.example", "port": 465, "secure": "yes" },
  "Twice": { "host": "smtp2.twice.example", "port": 465, "secure": true }
}`,
      ),
    errors: [
      { file: "services.json", record: "Twice", field: "(key)" },
      { file: "services.json", record: "FarPort", field: "port" },
      { file: "services.json", record: "TextSecure", field: "secure" },
    ],
  },
];

// Bounds (lib/schemas/limits.ts): a real oversized field, bytes that are not UTF-8, a file
// over the size limit, dates that do not exist or have not come yet.
const HUGE_NAME = "A".repeat(1024 * 1024);
const LATIN1_E = Buffer.from([0xe9]); // "é" in Latin-1: not valid UTF-8 on its own
const withBadByte = (text: string, marker: string) => {
  const [before, after] = text.split(marker) as [string, string];
  return Buffer.concat([Buffer.from(before), LATIN1_E, Buffer.from(after)]);
};
function binaryFolder(files: Record<string, string | Buffer>): string {
  const dir = tempDir("msc-import-input-");
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const BOUNDS: BrokenCase[] = [
  {
    dataset: "thunderbird-ispdb",
    what: "a 1 MiB displayName, a Latin-1 byte in another and a 6 MiB file",
    input: () =>
      binaryFolder({
        "good.example.xml": ISPDB_GOOD,
        "huge.example.xml": ISPDB_GOOD.replace(">Good<", `>${HUGE_NAME}<`),
        "latin1.example.xml": withBadByte(ISPDB_GOOD.replace(">Good<", ">Caf@<"), "@"),
        "big.example.xml": ISPDB_GOOD.replace(
          "</clientConfig>",
          `<!-- ${"x".repeat(6 * 1024 * 1024)} --></clientConfig>`,
        ),
      }),
    errors: [
      { file: "big.example.xml", record: "big.example.xml", field: "(document)" },
      { file: "huge.example.xml", record: "huge.example.xml", field: "emailProvider.displayName" },
      { file: "latin1.example.xml", record: "latin1.example.xml", field: "name" },
    ],
  },
  {
    dataset: "deltachat-provider-db",
    what: "last_checked 2026-02-31, last_checked in 2099 and a Latin-1 byte in a name",
    input: () =>
      binaryFolder({
        "good.md": DELTACHAT_GOOD,
        "feb31.md": DELTACHAT_GOOD.replace("last_checked: 2025-01", "last_checked: 2026-02-31"),
        "future.md": DELTACHAT_GOOD.replace("last_checked: 2025-01", "last_checked: 2099-12"),
        "latin1.md": withBadByte(DELTACHAT_GOOD.replace("name: Good", "name: Caf@"), "@"),
      }),
    errors: [
      { file: "feb31.md", record: "feb31.md", field: "last_checked" },
      { file: "future.md", record: "future.md", field: "last_checked" },
      { file: "latin1.md", record: "latin1.md", field: "name" },
    ],
  },
  {
    dataset: "fairemail",
    what: "a 1 MiB name and a Latin-1 byte in another provider's name",
    input: () =>
      path.join(
        binaryFolder({
          "providers.json": withBadByte(
            JSON.stringify({
              providers: [
                { id: "huge", name: HUGE_NAME, imap: { host: "imap.huge.example", port: 993, starttls: false } },
                { id: "latin1", name: "Caf@", imap: { host: "imap.latin1.example", port: 993, starttls: false } },
              ],
            }),
            "@",
          ),
        }),
        "providers.json",
      ),
    errors: [
      // the bad byte is found in the record it landed in; the record too long is named by the schema
      { file: "providers.json", record: "latin1", field: "name" },
      { file: "providers.json", record: "providers[0]", field: "name" },
    ],
  },
];

// A new release of a dataset: nodemailer's list as installed, with a provider more or fewer.
const NEW_PROVIDER = {
  description: "Example Mail",
  domains: ["example-mail.jp"],
  host: "smtp.example-mail.jp",
  port: 465,
  secure: true,
};
function nodemailerWith(extra: Record<string, unknown>, without: string[] = []): string {
  const installed = JSON.parse(readFileSync(defaultInput("nodemailer"), "utf8")) as Record<string, unknown>;
  for (const key of without) {
    if (!(key in installed)) throw new Error(`nodemailer lists no "${key}"`);
    delete installed[key];
  }
  return file("services.json", JSON.stringify({ ...installed, ...extra }, null, 2));
}

describe("importing a broken dataset", () => {
  let root: string;
  let temp: TempDatabase & { db: PrismaClient };
  let snapshotsBefore: Record<string, string>;
  let databaseBefore: ReturnType<typeof dumpDatabase>;

  beforeAll(async () => {
    root = copyOfProject();
    temp = await seededDb();
    snapshotsBefore = snapshotFiles(root);
    databaseBefore = dumpDatabase(temp.url);
  });

  const expectNothingChanged = () => {
    expect(snapshotFiles(root)).toEqual(snapshotsBefore);
    // every row as it was, ids included: a refused import writes nothing at all
    expect(dumpDatabase(temp.url)).toEqual(databaseBefore);
  };

  for (const c of [...BROKEN, ...BOUNDS]) {
    it(`${c.dataset}: refuses ${c.what}, naming file, record and field, and changes nothing`, async () => {
      const { ok, report } = await importDataset({
        root,
        dataset: c.dataset,
        input: c.input(),
        version: VERSION,
        db: temp.db,
      });
      expect(ok).toBe(false);
      expect(report.errors.map(({ file, record, field }) => ({ file, record, field }))).toEqual(c.errors);
      expect(report.errors.every((e) => e.message.length > 0)).toBe(true);
      expect(report).toMatchObject({ records: 0, snapshot: "not written", services: null, seeded: null });
      expectNothingChanged();
    });
  }

  it("refuses a dataset dated 2026-02-31 or in the future, naming the dataset's date, and changes nothing", async () => {
    for (const [date, message] of [
      ["2026-02-31", "2026-02-31 is not a date on the calendar"],
      ["2099-12-31", /^2099-12-31 is in the future/],
    ] as const) {
      const { ok, report } = await importDataset({
        root,
        dataset: "thunderbird-ispdb",
        input: folder({ "good.example.xml": ISPDB_GOOD }),
        version: { version: "test", date },
        db: temp.db,
      });
      expect(ok).toBe(false);
      expect(report.errors).toEqual([
        {
          file: expect.any(String),
          record: "(dataset)",
          field: "dataset.date",
          message: expect.stringMatching(message),
        },
      ]);
    }
    expectNothingChanged();
  });

  it("npm run import refuses --date 2026-02-31 and a --date in the future before opening anything", async () => {
    for (const [date, message] of [
      ["2026-02-31", "--date ✖ 2026-02-31 is not a date on the calendar"],
      ["2099-12-31", "--date ✖ 2099-12-31 is in the future"],
    ] as const) {
      const output = captureConsole();
      const openDb = vi.fn(() => temp.db);
      const args = ["thunderbird-ispdb", folder({ "good.example.xml": ISPDB_GOOD }), "--version", "t", "--date", date];
      expect(await importMain(args, { root, openDb })).toBe(2);
      expect(output.stderr()).toContain(message);
      expect(openDb).not.toHaveBeenCalled();
      vi.restoreAllMocks();
    }
    expectNothingChanged();
  });

  // A new release of a dataset that no longer lists a provider the editorial decisions name is
  // refused as a whole: the decision would otherwise point at nothing, or quietly stop applying.
  const refusal = async (input: string) => {
    const error: unknown = await importDataset({
      root,
      dataset: "nodemailer",
      input,
      version: VERSION,
      db: temp.db,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    return (error as DataValidationError).issues;
  };

  it("refuses a release that drops a provider editorial.json describes, naming the entry, and changes nothing", async () => {
    // DebugMail is listed by nodemailer alone
    expect(await refusal(nodemailerWith({}, ["DebugMail"]))).toEqual([
      {
        file: "editorial.json",
        record: 'services."debugmail"',
        field: "(key)",
        message: 'no service has the slug "debugmail" after merging',
      },
    ]);
    expectNothingChanged();
  });

  it("refuses a release that drops a record editorial.json links, naming the link, and changes nothing", async () => {
    expect(await refusal(nodemailerWith({}, ["AliyunQiye"]))).toEqual([
      {
        file: "editorial.json",
        record: "links[0]",
        field: "[0]",
        message: '"nodemailer:AliyunQiye" is a record no dataset has (or one editorial.json excludes)',
      },
    ]);
    expectNothingChanged();
  });

  it("leaves the snapshot as it was when the database write fails", async () => {
    // a database without the catalogue's tables: the transaction fails on its first statement
    const empty = createBlankDatabase();
    cleanups.push(empty.cleanup);
    const db = createPrismaClient(empty.url);
    try {
      await expect(
        importDataset({
          root,
          dataset: "nodemailer",
          input: nodemailerWith({ ExampleMail: NEW_PROVIDER }),
          version: VERSION,
          db,
        }),
      ).rejects.toThrow();
    } finally {
      await db.$disconnect();
    }
    expectNothingChanged();
  });
});

describe("importing a dataset that adds a provider", () => {
  let root: string;
  let temp: TempDatabase & { db: PrismaClient };
  let shipped: Snapshot;
  let first: { ok: boolean; report: ImportReport };
  let afterFirst: Record<string, string[]>;
  let servicesBefore: string[];

  beforeAll(async () => {
    root = copyOfProject();
    temp = await seededDb();
    shipped = readSnapshot(root, "nodemailer");
    servicesBefore = (await temp.db.service.findMany({ select: { slug: true } })).map((s) => s.slug);
    first = await importDataset({
      root,
      dataset: "nodemailer",
      input: nodemailerWith({ ExampleMail: NEW_PROVIDER }),
      version: { version: shipped.dataset.version, date: shipped.dataset.date },
      db: temp.db,
    });
    afterFirst = dumpContent(temp.url);
  });

  it("writes the snapshot and adds the service, its claims citing the dataset and its date", async () => {
    expect(first.ok).toBe(true);
    expect(first.report).toMatchObject({
      errors: [],
      records: shipped.records.length + 1,
      snapshot: "written",
      services: servicesBefore.length + 1,
      seeded: expect.objectContaining({ services: servicesBefore.length + 1 }),
    });
    expect(readSnapshot(root, "nodemailer").records.find((r) => r.id === "ExampleMail")).toMatchObject({
      name: "Example Mail",
      domains: ["example-mail.jp"],
      settings: [{ protocol: "smtp", host: "smtp.example-mail.jp", port: 465, security: "tls", auth: [] }],
    });

    const service = await temp.db.service.findFirstOrThrow({
      where: { domains: { some: { domain: "example-mail.jp" } } },
      include: {
        claims: { include: { property: true, source: true } },
        endpoints: { include: { source: true } },
      },
    });
    expect(service.name).toBe("Example Mail");
    expect(servicesBefore).not.toContain(service.slug);
    expect(
      service.claims
        .map((c) => `${c.property.key} ${c.value} ${c.source.key} ${c.asOf}${c.isCurrent ? " current" : ""}`)
        .sort(),
    ).toEqual([
      `smtp-auth yes nodemailer ${shipped.dataset.date} current`,
      `smtps yes nodemailer ${shipped.dataset.date} current`,
    ]);
    expect(service.endpoints.map((e) => `${e.protocol} ${e.host}:${e.port} ${e.security} ${e.source.key}`)).toEqual([
      "smtp smtp.example-mail.jp:465 tls nodemailer",
    ]);
    // every service there was is still there
    const after = (await temp.db.service.findMany({ select: { slug: true } })).map((s) => s.slug);
    expect(after).toEqual(expect.arrayContaining(servicesBefore));
  });

  it("changes nothing when run again on the same input", async () => {
    const snapshotBefore = digest(snapshotPath(root, "nodemailer"));
    const again = await importDataset({
      root,
      dataset: "nodemailer",
      input: nodemailerWith({ ExampleMail: NEW_PROVIDER }),
      version: { version: shipped.dataset.version, date: shipped.dataset.date },
      db: temp.db,
    });
    expect(again.ok).toBe(true);
    expect(again.report.snapshot).toBe("unchanged");
    expect(again.report.services).toBe(first.report.services);
    expect(digest(snapshotPath(root, "nodemailer"))).toBe(snapshotBefore);
    expect(dumpContent(temp.url)).toEqual(afterFirst);
  });
});

describeWithSharedSources("importing the real datasets in ../shared/sources", () => {
  // sources.json's names for the datasets it pins
  type PinnedIndex = Record<string, { commit: string; date: string; records: number }>;
  const SHARED = Object.keys(SHARED_INDEX_KEYS) as DatasetKey[];
  let root: string;
  let index: PinnedIndex;
  const reports = new Map<DatasetKey, { ok: boolean; report: ImportReport }>();
  let plan: CataloguePlan;
  let excluded: Set<string>;

  // Snapshot-only runs (db: null), as `npm run import -- <dataset> --no-db` does: the merged
  // catalogue they would write is the plan below, and writing a plan is what the seed tests check.
  beforeAll(async () => {
    root = copyOfProject();
    index = JSON.parse(readFileSync(SHARED_SOURCES_INDEX_FILE, "utf8")) as PinnedIndex;
    for (const dataset of SHARED) {
      const version = await readPinnedVersion(REPO_ROOT, dataset);
      if (!version) throw new Error(`sources.json pins no version of ${dataset}`);
      reports.set(dataset, await importDataset({ root, dataset, input: defaultInput(dataset), version, db: null }));
    }
    const data = await loadCatalogueData(path.join(root, "data"));
    plan = planCatalogue(data);
    excluded = new Set(data.editorial.exclude.map((e) => e.ref));
  });

  const services = () => plan.companies.flatMap((c) => c.services);

  it("reads every dataset without an error, each with the records and version sources.json gives", () => {
    expect(SHARED).toEqual(["thunderbird-ispdb", "deltachat-provider-db", "fairemail", "mailcore2"]);
    for (const dataset of SHARED) {
      const { ok, report } = reports.get(dataset)!;
      const pinned = index[SHARED_INDEX_KEYS[dataset]!]!;
      expect(ok, dataset).toBe(true);
      expect(report.errors, dataset).toEqual([]);
      expect([report.version, report.date], dataset).toEqual([pinned.commit.slice(0, 7), pinned.date]);
      if (dataset !== "mailcore2") expect(report.records, dataset).toBe(pinned.records);
    }
    expect(reports.get("thunderbird-ispdb")!.report.records).toBe(163);
    expect(reports.get("deltachat-provider-db")!.report.records).toBe(68);
    expect(reports.get("fairemail")!.report.records).toBe(167);
  });

  it("skips MailCore2's entries that name no server (templates), and reports the ones contradicting their ports", () => {
    const { report } = reports.get("mailcore2")!;
    // 38 entries: 33 providers, 5 without a single host name ("default", "fixed-port" and a
    // self-hosted Zimbra leave the server to the user), skipped with a note, not imported
    expect(index.mailcore2!.records).toBe(38);
    expect(report.records + report.warnings.length).toBe(38);
    expect(report.warnings.map((w) => w.record).sort()).toEqual([
      "default",
      "fixed-port",
      "insecure-default",
      "insecure-fixed-port",
      "zimbra",
    ]);
    expect(report.warnings.every((w) => w.message === "a template without host names; skipped")).toBe(true);
    // POP 110 marked SSL and SMTP 465 marked STARTTLS: imported as stated, reported beside the claims
    expect(report.findingList).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          record: "comcast",
          code: "tls-mode-contradicts-port",
          setting: "pop3 mail.comcast.net:110 tls",
        }),
        expect.objectContaining({
          record: "juno",
          code: "tls-mode-contradicts-port",
          setting: "smtp smtp.juno.com:465 starttls",
        }),
      ]),
    );
  });

  it("reproduces the snapshots shipped in data/snapshots byte for byte", () => {
    for (const dataset of SHARED) {
      expect(reports.get(dataset)!.report.snapshot, dataset).toBe("unchanged");
      expect(digest(snapshotPath(root, dataset)), dataset).toBe(digest(snapshotPath(REPO_ROOT, dataset)));
    }
  });

  it("merges everything into one catalogue: distinct names, no placeholders, each domain with one service", () => {
    const all = services();
    expect(all.length).toBeGreaterThanOrEqual(250);
    expect(reports.get("mailcore2")!.report.services).toBe(all.length);
    expect(all.filter((s) => /%[A-Za-z_]+%|\{domain\}/.test(s.name)).map((s) => s.name)).toEqual([]);
    const names = all.map((s) => s.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const owners = new Map<string, string[]>();
    for (const s of all) for (const d of s.domains) owners.set(d, [...(owners.get(d) ?? []), s.slug]);
    expect([...owners].filter(([, slugs]) => slugs.length > 1)).toEqual([]);
    // and no domain a dataset lists is lost on the way: an address there finds its provider
    const listed = new Set(
      SHARED.flatMap((key) =>
        readSnapshot(root, key)
          .records.filter((r) => !excluded.has(`${key}:${r.id}`))
          .flatMap((r) => r.domains),
      ),
    );
    expect([...listed].filter((d) => !owners.has(d))).toEqual([]);
  });

  it("gives every claim a known source and a date, a dataset's claims the dataset's date", () => {
    const sources = new Map(plan.sources.map((s) => [s.key, s]));
    const claims = services().flatMap((s) => s.claims.map((c) => ({ service: s.slug, ...c })));
    expect(claims.length).toBeGreaterThan(1000);
    expect(claims.filter((c) => !sources.has(c.source))).toEqual([]);
    expect(claims.filter((c) => !/^\d{4}(?:-\d{2}){0,2}$/.test(c.asOf))).toEqual([]);
    const datasetClaims = claims.filter((c) => sources.get(c.source)?.kind === "dataset");
    expect(datasetClaims.filter((c) => c.asOf !== sources.get(c.source)!.asOf)).toEqual([]);
    for (const dataset of SHARED)
      expect(
        datasetClaims.some((c) => c.source === dataset),
        dataset,
      ).toBe(true);
  });

  it("makes Gmail, Fastmail, GMX and Posteo one service each, with claims from every dataset listing them", () => {
    // each provider's own domains (messagingengine.com: Fastmail's servers, its ISPDB file's name)
    const PROVIDERS = {
      Gmail: ["gmail.com", "googlemail.com"],
      Fastmail: ["fastmail.com", "fastmail.fm", "messagingengine.com"],
      GMX: ["gmx.net", "gmx.de", "gmx.com"],
      Posteo: ["posteo.de"],
    };
    const snapshots = Object.keys(DATASETS).map((key) => readSnapshot(root, key as DatasetKey));
    for (const [name, domains] of Object.entries(PROVIDERS)) {
      // the datasets with a record naming one of the provider's domains, literally or by a pattern
      const names = (r: SourceRecord) =>
        r.domains.some((d) => domains.includes(d)) ||
        r.domainPatterns.some((p) => domains.some((d) => compilePattern(p)?.test(d)));
      const listing = snapshots
        .filter((s) => s.records.some(names))
        .map((s) => s.dataset.key)
        .sort();
      expect(listing.length, name).toBeGreaterThanOrEqual(3);
      const matches = services().filter((s) => s.domains.some((d) => domains.includes(d)));
      expect(
        matches.map((s) => s.name),
        name,
      ).toEqual([name]);
      const cited = new Set(matches[0]!.claims.map((c) => c.source));
      expect(
        listing.filter((key) => !cited.has(key)),
        `${name}: datasets listing it but cited by none of its claims`,
      ).toEqual([]);
    }
  });
});
