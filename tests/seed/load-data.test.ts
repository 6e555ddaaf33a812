import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EndpointSecurity, PropertySubject, Segment, ServiceStatus, SourceKind } from "@/lib/generated/prisma/enums";
import { MAX_FILE_BYTES } from "@/lib/schemas/limits";
import { DataValidationError, loadCatalogueData } from "@/lib/seed/load-data";
import { REPO_ROOT } from "../helpers/temp-db";
import { copyOfRealData, editJson } from "./data-fixtures";

async function issuesFor(dir: string) {
  try {
    await loadCatalogueData(dir);
  } catch (error) {
    if (error instanceof DataValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected the data to be rejected");
}

describe("the reviewed data files", () => {
  it("hold every fact of the source: nine services in two segments and four clients", async () => {
    const data = await loadCatalogueData(path.join(REPO_ROOT, "data"));
    const services = data.companies.flatMap((c) => c.services);
    expect(services).toHaveLength(9);
    expect(
      services
        .filter((s) => s.segment === "personal")
        .map((s) => s.slug)
        .sort(),
    ).toEqual(["ablenet", "cs-server-personal"]);
    expect(services.filter((s) => s.segment === "business")).toHaveLength(7);
    for (const s of services) {
      expect(s.claims.map((c) => `${c.property}=${c.value}`).sort()).toEqual(["pop3s=yes", "smtps=yes"]);
    }
    expect(services.filter((s) => s.editorsPick).map((s) => s.slug)).toEqual(["cpi"]);
    const cs = data.companies.find((c) => c.slug === "cs-server");
    expect(cs?.services.map((s) => s.plan)).toEqual(["Personal", "Professional"]);
    const smile = services.find((s) => s.slug === "smileserver");
    expect(smile?.formerNames.map((f) => f.name)).toEqual(["NTTスマートコネクト"]);
    // the page's four clients, kept as it described them beside today's clients from other sources
    const clients2006 = data.clients.filter((c) =>
      c.claims.some((claim) => claim.source === "hosting-mail-security-2006"),
    );
    expect(clients2006.map((c) => c.slug).sort()).toEqual([
      "mail-2-osx",
      "netscape-7",
      "outlook-express-6",
      "thunderbird-windows",
    ]);
    for (const client of clients2006) {
      expect(client.claims.map((c) => `${c.property}=${c.value} ${c.source}`).sort()).toEqual([
        "cram-md5=no hosting-mail-security-2006",
        "smtps=yes hosting-mail-security-2006",
        "submission-starttls=yes hosting-mail-security-2006",
      ]);
    }
  });
});

describe("bad data files are rejected with file, record and field named", () => {
  it("names a bad claim value", async () => {
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[3].services[0].claims[1].value = "maybe";
    });
    const issues = await issuesFor(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: "companies.json",
      record: '#4 "cpi"',
      field: "services[0].claims[1].value",
    });
  });

  it("names an unknown property and an unknown source", async () => {
    const dir = copyOfRealData();
    editJson(dir, "clients.json", (json) => {
      json[0].claims[0].property = "telepathy";
      json[1].claims[0].source = "nowhere";
    });
    const issues = await issuesFor(dir);
    expect(issues.map((i) => `${i.file} ${i.record} ${i.field}`)).toEqual([
      'clients.json #1 "outlook-express-6" claims[0].property',
      'clients.json #2 "mail-2-osx" claims[0].source',
    ]);
  });

  it("rejects a misspelt field instead of ignoring it", async () => {
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].segmnt = "personal";
    });
    const [issue] = await issuesFor(dir);
    expect(issue).toMatchObject({ file: "companies.json", record: '#1 "ablenet"', field: "services[0]" });
    expect(issue?.message).toMatch(/segmnt/);
  });

  it("refuses a service slug that another page under /providers/ already uses", async () => {
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].slug = "legend";
    });
    const [issue] = await issuesFor(dir);
    expect(issue).toMatchObject({ file: "companies.json", record: '#1 "ablenet"', field: "services[0].slug" });
    expect(issue?.message).toMatch(/another page/);
  });

  it("rejects a date that is not ISO and a duplicate slug", async () => {
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].claims[0].asOf = "Feb 2006";
      json[1].services[1].slug = "cs-server-personal";
    });
    const issues = await issuesFor(dir);
    expect(issues.map((i) => i.field)).toEqual(["services[0].claims[0].asOf"]);
    // cross-file checks run once the shapes are right
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].claims[0].asOf = "2006-02";
    });
    const again = await issuesFor(dir);
    expect(again).toEqual([expect.objectContaining({ record: '#2 "cs-server"', field: "services[1].slug" })]);
  });

  it("refuses values outside the database's enums, naming the values schema.prisma allows", async () => {
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      const service = json[0].services[0];
      service.segment = "enterprise";
      service.status = "closed";
      service.endpoints = [
        {
          direction: "incoming",
          protocol: "imap",
          host: "imap.example.jp",
          port: 993,
          security: "ssl",
          source: "hosting-mail-security-2006",
          asOf: "2006-02",
        },
      ];
    });
    editJson(dir, "sources.json", (json) => {
      json[0].kind = "blog";
    });
    editJson(dir, "properties.json", (json) => {
      json[0].appliesTo = "everyone";
    });
    const oneOf = (values: Record<string, string>) =>
      `Invalid option: expected one of ${Object.values(values)
        .map((v) => `"${v}"`)
        .join("|")}`;
    const issues = await issuesFor(dir);
    expect(issues.map((i) => `${i.file} ${i.field}: ${i.message}`).sort()).toEqual([
      `companies.json services[0].endpoints[0].security: ${oneOf(EndpointSecurity)}`,
      `companies.json services[0].segment: ${oneOf(Segment)}`,
      `companies.json services[0].status: ${oneOf(ServiceStatus)}`,
      `properties.json appliesTo: ${oneOf(PropertySubject)}`,
      `sources.json kind: ${oneOf(SourceKind)}`,
    ]);
  });

  it("refuses 2026-02-31 and a date in the future, in the reviewed files, documentation and snapshots", async () => {
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].claims[0].asOf = "2026-02-31";
      json[0].services[0].statusAsOf = "2099-12-31";
    });
    editJson(dir, "sources.json", (json) => {
      json[0].asOf = "2099";
    });
    editJson(dir, "documentation/xserver.json", (json) => {
      json.documents[0].recorded = "2099-12-31";
    });
    editJson(dir, "snapshots/fairemail.json", (json) => {
      json.dataset.date = "2026-02-31";
    });
    const issues = await issuesFor(dir);
    expect(issues.map(({ file, record, field }) => `${file} ${record} ${field}`).sort()).toEqual([
      'companies.json #1 "ablenet" services[0].claims[0].asOf',
      'companies.json #1 "ablenet" services[0].statusAsOf',
      "documentation/xserver.json (file) documents[0].recorded",
      "snapshots/fairemail.json (file) dataset.date",
      'sources.json #1 "hosting-mail-security-2006" asOf',
    ]);
    expect(issues.find((i) => i.field === "services[0].claims[0].asOf")?.message).toBe(
      "2026-02-31 is not a date on the calendar",
    );
    expect(issues.find((i) => i.field === "services[0].statusAsOf")?.message).toMatch(
      /^2099-12-31 is in the future \(the latest allowed is \d{4}-\d{2}-\d{2}\)$/,
    );
  });

  it("accepts tomorrow (a time zone ahead of UTC) but not the day after", async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].statusAsOf = day(1);
    });
    await expect(loadCatalogueData(dir)).resolves.toBeDefined();
    editJson(dir, "companies.json", (json) => {
      json[0].services[0].statusAsOf = day(2);
    });
    expect((await issuesFor(dir)).map((i) => i.field)).toEqual(["services[0].statusAsOf"]);
  });

  it("refuses a real oversized field, naming it", async () => {
    const dir = copyOfRealData();
    editJson(dir, "companies.json", (json) => {
      json[2].services[0].name = "N".repeat(1024 * 1024);
    });
    const issues = await issuesFor(dir);
    expect(issues).toEqual([
      expect.objectContaining({
        file: "companies.json",
        record: expect.stringMatching(/^#3 /),
        field: "services[0].name",
      }),
    ]);
    expect(issues[0]?.message).toMatch(/200/);
  });

  it("refuses bytes that are not UTF-8, naming the record and field they landed in", async () => {
    const dir = copyOfRealData();
    editJson(dir, "clients.json", (json) => {
      json[1].name = "Caf@";
    });
    const file = path.join(dir, "clients.json");
    const [before, after] = readFileSync(file, "utf8").split("@") as [string, string];
    writeFileSync(file, Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]));
    const issues = await issuesFor(dir);
    expect(issues).toEqual([
      {
        file: "clients.json",
        record: expect.stringMatching(/^#2 /),
        field: "name",
        message: expect.stringMatching(
          /^contains bytes that are not valid UTF-8 \(the file's first bad byte is at line \d+/,
        ),
      },
    ]);
  });

  it("refuses a file over the size limit before parsing it", async () => {
    const dir = copyOfRealData();
    writeFileSync(path.join(dir, "sources.json"), `[${" ".repeat(MAX_FILE_BYTES)}]`);
    const issues = await issuesFor(dir);
    expect(issues).toEqual([
      {
        file: "sources.json",
        record: "(file)",
        field: "(file)",
        message: `is ${MAX_FILE_BYTES + 2} bytes, over the limit of ${MAX_FILE_BYTES}`,
      },
    ]);
  });

  it("reports a file that is not JSON", async () => {
    const dir = copyOfRealData();
    writeFileSync(path.join(dir, "sources.json"), "[{ broken");
    const issues = await issuesFor(dir);
    expect(issues[0]).toMatchObject({ file: "sources.json", record: "(file)" });
    expect(issues[0]?.message).toMatch(/not valid JSON/);
  });

  it("refuses a client-only claim on a property that applies to services only", async () => {
    const dir = copyOfRealData();
    editJson(dir, "clients.json", (json) => {
      json[0].claims.push({
        property: "pop-before-smtp",
        value: "yes",
        source: "hosting-mail-security-2006",
        asOf: "2006",
      });
    });
    const [issue] = await issuesFor(dir);
    expect(issue?.message).toMatch(/does not apply to a client/);
  });
});
