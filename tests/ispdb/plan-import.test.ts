import { describe, expect, it } from "vitest";
import { buildImportReport, planIspdbImport, planSlugs } from "@/lib/ispdb/plan-import";
import { BROKEN_XML, GOOD_XML } from "./fixtures";

const regional = (id: string) => GOOD_XML.replace('id="good.example"', `id="${id}"`);

describe("planIspdbImport, without files or a database", () => {
  it("plans every readable provider and reports every other file by name", () => {
    const plan = planIspdbImport([
      { file: "good.example.xml", text: GOOD_XML },
      { file: "broken.xml", text: BROKEN_XML },
      { file: "locked.xml", readError: "EACCES: permission denied" },
    ]);
    expect(plan.files).toEqual(["good.example.xml", "broken.xml", "locked.xml"]);
    expect(plan.providers.map((p) => `${p.file} ${p.provider.id}`)).toEqual(["good.example.xml good.example"]);
    expect(plan.providers[0]?.mapping.claims.map((c) => c.property)).toEqual(["imaps"]);
    expect(plan.failures).toEqual([
      { file: "broken.xml", issues: [{ field: "(document)", message: expect.stringMatching(/^not well-formed XML/) }] },
      { file: "locked.xml", issues: [{ field: "(file)", message: "cannot read: EACCES: permission denied" }] },
    ]);
  });

  it("warns about files sharing a provider id and gives each its own slug, never a reserved one", () => {
    const plan = planIspdbImport([
      { file: "zoho.jp.xml", text: regional("zoho.com") },
      { file: "zoho.com.xml", text: regional("zoho.com") },
    ]);
    expect(plan.providers.flatMap((p) => p.mapping.problems.map((x) => `${p.file} ${x.code}`))).toEqual([
      "zoho.jp.xml shared-provider-id",
      "zoho.com.xml shared-provider-id",
    ]);
    const slugs = (reserved: string[]) =>
      [...planSlugs(plan.providers, new Set(reserved))].map(([p, slug]) => `${p.file} ${slug}`).sort();
    expect(slugs([])).toEqual(["zoho.com.xml ispdb-zoho-com", "zoho.jp.xml ispdb-zoho-jp"]);
    expect(slugs(["ispdb-zoho-com"])).toEqual(["zoho.com.xml ispdb-zoho-com-2", "zoho.jp.xml ispdb-zoho-jp"]);
  });

  it("reports what a plan would import before anything is written", () => {
    const plan = planIspdbImport([{ file: "good.example.xml", text: GOOD_XML }]);
    const report = buildImportReport(plan, "2026-03-12");
    expect(report).toMatchObject({ filesRead: 1, providersImported: 0, filesFailed: 0, claims: 0 });
    expect(report.propertyCounts.imaps).toEqual({ yes: 1, partial: 0 });
    expect(report.problems).toEqual([]);
  });
});
