import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { readCatalogueVersion } from "@/lib/catalogue/state";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import type { ProbeFinding } from "@/lib/probe/properties";
import { compareFindings, failedOnNetwork, recordFindings } from "@/lib/verify/verify-service";
import type { EndpointProbeResult } from "@/lib/probe/types";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const finding = (property: ProbeFinding["property"], value: "yes" | "no"): ProbeFinding => ({
  property,
  value,
  note: `SMTP mail.example.jp:465: ${value}`,
  details: { kind: "probe", probedAt: "2026-12-01T00:00:00.000Z", endpoints: [] },
});

describe("compareFindings", () => {
  it("confirms what the current claim says, whatever its source, and calls anything else a change", () => {
    const current = [
      { id: 1, propertyKey: "smtps", value: "yes" },
      { id: 2, propertyKey: "submission-starttls", value: "yes" },
      { id: 3, propertyKey: "cram-md5", value: "unknown" },
    ];
    const result = compareFindings(
      [finding("smtps", "yes"), finding("submission-starttls", "no"), finding("cram-md5", "no"), finding("apop", "no")],
      current,
    );
    expect(result.confirmed.map((c) => [c.finding.property, c.claimId])).toEqual([["smtps", 1]]);
    expect(result.changed.map((f) => f.property)).toEqual(["submission-starttls", "cram-md5", "apop"]);
  });
});

describe("failedOnNetwork", () => {
  const result = (failure: EndpointProbeResult["failure"]) =>
    ({ status: failure ? "failed" : "ok", failure }) as EndpointProbeResult;
  it("counts refused, reset, timed-out and unresolved endpoints, not a server's answer or the guards", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "timeout", "ENOTFOUND"])
      expect(failedOnNetwork(result({ step: "connect", code, message: "" })), code).toBe(true);
    for (const code of ["refused-address", "refused-port", "ERR_SSL_UNSUPPORTED_PROTOCOL"])
      expect(failedOnNetwork(result({ step: "handshake", code, message: "" })), code).toBe(false);
    expect(failedOnNetwork(result(null))).toBe(false);
  });
});

describe("recordFindings", () => {
  let temp: TempDatabase;
  let db: PrismaClient;
  let serviceId: number;

  beforeAll(async () => {
    temp = createTempDatabase();
    db = createPrismaClient(temp.url);
    const property = (key: string, position: number) => ({
      key,
      category: "send" as const,
      position,
      labelJa: key,
      labelEn: key,
      shortJa: key,
      shortEn: key,
      appliesTo: "service" as const,
    });
    await db.property.createMany({ data: [property("smtps", 0), property("submission-starttls", 1)] });
    const docs = await db.source.create({
      data: { key: "example-docs", kind: "documentation", title: "例", asOf: "2026-01-10" },
    });
    const company = await db.company.create({ data: { slug: "example", name: "例" } });
    const service = await db.service.create({
      data: { slug: "example-mail", companyId: company.id, name: "例メール", searchText: "例メール" },
    });
    serviceId = service.id;
    const properties = await db.property.findMany({ select: { id: true, key: true } });
    await db.claim.createMany({
      data: properties.map((p) => ({
        serviceId,
        propertyId: p.id,
        sourceId: docs.id,
        value: "yes" as const,
        asOf: "2026-01-10",
        verifiedOn: "2026-01-10",
      })),
    });
    await refreshCurrentClaims(db);
  });

  afterAll(async () => {
    await db?.$disconnect();
    temp?.cleanup();
  });

  const claims = () =>
    db.claim.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        value: true,
        asOf: true,
        verifiedOn: true,
        isCurrent: true,
        property: { select: { key: true } },
        source: { select: { key: true } },
        verifications: { select: { day: true, checkedBy: true } },
      },
    });

  it("marks a confirmed claim verified again without touching it or evicting the catalogue", async () => {
    const [before, version] = await Promise.all([claims(), readCatalogueVersion(db)]);
    const recorded = await recordFindings(db, serviceId, [finding("smtps", "yes")], "2026-12-01");
    expect(recorded).toEqual({ verifiedAgain: 1, changed: 0, catalogueChanged: false });
    const after = await claims();
    expect(after.map(({ verifications: _v, ...c }) => c)).toEqual(before.map(({ verifications: _v, ...c }) => c));
    expect(after.find((c) => c.property.key === "smtps")?.verifications).toEqual([
      { day: "2026-12-01", checkedBy: "live-probe" },
    ]);
    expect(await readCatalogueVersion(db)).toBe(version);
    // no probe source appears for a confirmation: its row is part of the catalogue's version
    expect(await db.source.count({ where: { key: "live-probe" } })).toBe(0);

    // once a day: the same day again adds nothing
    await recordFindings(db, serviceId, [finding("smtps", "yes")], "2026-12-01");
    expect(await db.claimVerification.count()).toBe(1);
  });

  it("adds a dated probe claim for another value, which becomes current; the old one stays", async () => {
    const version = await readCatalogueVersion(db);
    const recorded = await recordFindings(
      db,
      serviceId,
      [finding("smtps", "yes"), finding("submission-starttls", "no")],
      "2026-12-08",
    );
    expect(recorded).toEqual({ verifiedAgain: 1, changed: 1, catalogueChanged: true });
    expect(await readCatalogueVersion(db)).not.toBe(version);
    const starttls = (await claims()).filter((c) => c.property.key === "submission-starttls");
    expect(starttls).toMatchObject([
      { value: "yes", source: { key: "example-docs" }, isCurrent: false, asOf: "2026-01-10" },
      { value: "no", source: { key: "live-probe" }, isCurrent: true, asOf: "2026-12-08", verifiedOn: "2026-12-08" },
    ]);
    const smtps = (await claims()).find((c) => c.property.key === "smtps");
    expect(smtps?.verifications.map((v) => v.day)).toEqual(["2026-12-01", "2026-12-08"]);
  });

  it("leaves out properties the database does not know", async () => {
    const count = await db.claim.count();
    expect(await recordFindings(db, serviceId, [finding("apop", "no")], "2026-12-09")).toEqual({
      verifiedAgain: 0,
      changed: 0,
      catalogueChanged: false,
    });
    expect(await db.claim.count()).toBe(count);
  });
});
