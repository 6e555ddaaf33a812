import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EndpointSecurity, PropertySubject, Segment, ServiceStatus, SourceKind } from "@/lib/generated/prisma/enums";
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
