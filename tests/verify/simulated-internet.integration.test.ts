import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveChangeHistory } from "@/lib/catalogue/change-history";
import { readCatalogueVersion } from "@/lib/catalogue/state";
import { changeFeedAtom, changeFeedJson, type FeedChange } from "@/lib/changes/feed";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { resolveProbeAddresses } from "@/lib/probe/address-guard";
import { DATASETS } from "@/lib/sources/datasets";
import { importDataset } from "@/lib/sources/import";
import { RetryableVerifyError } from "@/lib/verify/types";
import { createTempDatabase, REPO_ROOT, type TempDatabase } from "../helpers/temp-db";
import { isDovecotInstalled, DOVECOT_INSTALL_HINT } from "../servers";
import { startSimulatedInternet, verifySimulated, type SimulatedInternet } from "../servers/simulated-internet";

// import → verify all → two providers change (one drops TLS 1.0, one stops offering STARTTLS) →
// verify again, each round on a fixed day.
const FIRST = "2026-12-01";
const SECOND = "2026-12-03";

let internet: SimulatedInternet;
let temp: TempDatabase;
let db: PrismaClient;
let root: string;
const slugs = new Map<string, string>();

beforeAll(async () => {
  if (!isDovecotInstalled()) throw new Error(DOVECOT_INSTALL_HINT);
  internet = await startSimulatedInternet();
  temp = createTempDatabase();
  db = createPrismaClient(temp.url);
  root = mkdtempSync(path.join(tmpdir(), "msc-sim-root-"));
  cpSync(path.join(REPO_ROOT, "data"), path.join(root, "data"), { recursive: true });
  // the real ISPDB plus the simulated providers, so every other record the data folder names stays
  const input = mkdtempSync(path.join(tmpdir(), "msc-sim-ispdb-"));
  cpSync(DATASETS["thunderbird-ispdb"].defaultInput, input, { recursive: true });
  for (const [name, xml] of Object.entries(internet.ispdbFiles())) writeFileSync(path.join(input, name), xml);
  const { ok, report } = await importDataset({
    root,
    dataset: "thunderbird-ispdb",
    input,
    version: { version: "simulated", date: "2026-11-01" },
    db,
  });
  rmSync(input, { recursive: true, force: true });
  expect(report.errors).toEqual([]);
  expect(ok).toBe(true);
  for (const d of await db.serviceDomain.findMany({
    where: { domain: { in: [...internet.domains] } },
    select: { domain: true, service: { select: { slug: true } } },
  })) {
    slugs.set(d.domain, d.service.slug);
  }
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  temp?.cleanup();
  await internet?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const slug = (domain: string) => slugs.get(domain)!;

async function currentClaim(domain: string, property: string) {
  return db.claim.findFirst({
    where: { service: { slug: slug(domain) }, property: { key: property }, isCurrent: true },
    select: {
      id: true,
      value: true,
      asOf: true,
      source: { select: { key: true } },
      verifications: { select: { day: true, details: true }, orderBy: { day: "asc" } },
    },
  });
}

describe("the simulated internet", () => {
  it("maps the providers' names to loopback only through the probe's seam", async () => {
    await expect(resolveProbeAddresses("smtp.bravo.example", { lookup: internet.lookup })).rejects.toThrow(/loopback/);
    await expect(
      resolveProbeAddresses("smtp.bravo.example", { lookup: internet.lookup, allowLoopback: true }),
    ).resolves.toEqual(["127.0.0.1"]);
  });

  it("imports four providers, verifies them, verifies again after two of them change, and keeps every claim", async () => {
    expect([...slugs.keys()].sort()).toEqual([...internet.domains].sort());
    const all = [...slugs.values()];

    const first = await verifySimulated(db, internet, all, FIRST);
    for (const r of first) expect(r, r.slug).toMatchObject({ ok: true });
    const claimsAfterFirst = await db.claim.count();
    // the dataset said STARTTLS for bravo's submission port and the probe saw it: verified again
    expect(await currentClaim("bravo.example", "submission-starttls")).toMatchObject({
      value: "yes",
      source: { key: "thunderbird-ispdb" },
      verifications: [{ day: FIRST }],
    });
    const charlieBefore = await currentClaim("charlie.example", "smtps");
    expect(charlieBefore?.value).toBe("yes");

    // a round that finds nothing new adds verifications and evicts no cached catalogue page
    const version = await readCatalogueVersion(db);
    const repeat = await verifySimulated(db, internet, all, FIRST);
    expect(repeat.every((r) => r.ok && r.outcome.changed === 0)).toBe(true);
    expect(await readCatalogueVersion(db)).toBe(version);
    expect(await db.claim.count()).toBe(claimsAfterFirst);

    // bravo stops offering STARTTLS and takes AUTH in the clear instead; charlie drops TLS 1.0
    await internet.reconfigure("bravo-submission", { starttls: false, authBeforeTls: true });
    await internet.reconfigure("charlie-smtps", { versions: ["TLSv1.2", "TLSv1.3"] });
    const second = await verifySimulated(db, internet, all, SECOND);
    const outcome = (domain: string) => second.find((r) => r.slug === slug(domain))!;
    expect(outcome("bravo.example")).toMatchObject({ ok: true, outcome: { changed: 1, unreachable: 0 } });
    expect(outcome("alpha.example")).toMatchObject({ ok: true, outcome: { changed: 0, unreachable: 0 } });
    expect(await readCatalogueVersion(db)).not.toBe(version);

    // the new probe claim is current; the dataset's claim is still there, no longer current
    expect(await currentClaim("bravo.example", "submission-starttls")).toMatchObject({
      value: "no",
      asOf: SECOND,
      source: { key: "live-probe" },
      verifications: [],
    });
    expect(
      await db.claim.count({
        where: { service: { slug: slug("bravo.example") }, property: { key: "submission-starttls" } },
      }),
    ).toBe(2);
    expect(await db.claim.count()).toBe(claimsAfterFirst + 1);

    // TLS 1.0 dropped: SMTPS is still offered, so the claim is verified again, with the new facts
    const charlie = await currentClaim("charlie.example", "smtps");
    expect(charlie?.id).toBe(charlieBefore?.id);
    expect(charlie?.verifications.map((v) => v.day)).toEqual([FIRST, SECOND]);
    const tlsOf = (details: unknown) =>
      (details as { endpoints: Array<{ tlsVersion: string | null }> }).endpoints.map((e) => e.tlsVersion);
    expect(tlsOf(charlie?.verifications[0]?.details)).toEqual(["TLSv1"]);
    expect(tlsOf(charlie?.verifications[1]?.details)).not.toContain("TLSv1");

    // the unchanged ones are verified again on the second day
    for (const [domain, property] of [
      ["alpha.example", "imaps"],
      ["alpha.example", "pop3-stls"],
      ["alpha.example", "submission-starttls"],
      ["bravo.example", "imaps"],
    ] as const) {
      const claim = await currentClaim(domain, property);
      expect(
        claim?.verifications.map((v) => v.day),
        `${domain} ${property}`,
      ).toContain(SECOND);
    }

    // the timeline and the service's feed
    const claims = await db.claim.findMany({
      where: { service: { slug: slug("bravo.example") } },
      select: {
        value: true,
        asOf: true,
        verifiedOn: true,
        property: { select: { key: true } },
        source: { select: { kind: true, key: true, title: true, titleEn: true, url: true } },
      },
    });
    const history = deriveChangeHistory(
      claims.map((c) => ({ ...c, propertyKey: c.property.key, sourceKind: c.source.kind, sourceKey: c.source.key })),
    );
    const change = history.find((h) => h.date === SECOND);
    expect(change).toMatchObject({
      propertyKey: "submission-starttls",
      direction: "worse",
      from: { value: "yes", sourceKey: "thunderbird-ispdb" },
      to: { value: "no", sourceKey: "live-probe" },
    });
    const service = await db.service.findUniqueOrThrow({
      where: { slug: slug("bravo.example") },
      select: { slug: true, name: true, nameEn: true },
    });
    const feedChanges: FeedChange[] = history.map((h) => ({
      service,
      propertyKey: h.propertyKey,
      date: h.date,
      direction: h.direction,
      from: h.from ? { value: h.from.value } : null,
      to: { value: h.to.value, source: h.to.source, asOf: h.to.asOf },
    }));
    const input = {
      locale: "en" as const,
      origin: "https://compass.example",
      service,
      changes: feedChanges,
      propertyLabels: { "submission-starttls": "Submission STARTTLS" },
    };
    const json = JSON.parse(changeFeedJson(input)) as { items: Array<{ id: string; date_published: string }> };
    expect(json.items[0]?.date_published).toMatch(new RegExp(`^${SECOND}`));
    expect(changeFeedAtom(input)).toContain(`<updated>${SECOND}T00:00:00.000Z</updated>`);
  });

  it("says nothing when every endpoint is down, and fails the job with a retryable error", async () => {
    await internet.takeDown("charlie-smtps");
    await internet.takeDown("delta-submission");
    await internet.takeDown("delta-smtps");
    // charlie and delta still name Dovecot for POP3, so take a service whose every endpoint is down
    const onlyDown = await db.service.findUniqueOrThrow({
      where: { slug: slug("charlie.example") },
      select: { id: true },
    });
    const before = await db.claim.count();
    await db.endpoint.deleteMany({ where: { serviceId: onlyDown.id, protocol: "pop3" } });
    const [result] = await verifySimulated(db, internet, [slug("charlie.example")], "2026-12-04");
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result?.ok === false && result.error).toBeInstanceOf(RetryableVerifyError);
    expect(await db.claim.count()).toBe(before);
  });
});
