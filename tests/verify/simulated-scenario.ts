import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { deriveChangeHistory } from "@/lib/catalogue/change-history";
import { readCatalogueVersion } from "@/lib/catalogue/state";
import { changeFeedAtom, changeFeedJson, type FeedChange } from "@/lib/changes/feed";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DATASETS } from "@/lib/sources/datasets";
import { importDataset } from "@/lib/sources/import";
import type { VerifyOutcome } from "@/lib/verify/types";
import { REPO_ROOT } from "../helpers/temp-db";
import type { SimulatedInternet } from "../servers/simulated-internet";

// The scenario of issue 13 item 5, shared by the one-process run (simulated-internet.integration
// .test.ts, through verifyService) and the queue run (simulated-internet-queue.integration.test.ts,
// two worker processes): import → verify all on FIRST → two providers change (bravo stops
// offering STARTTLS, charlie drops TLS 1.0) → verify again on SECOND.
export const FIRST = "2026-12-01";
export const SECOND = "2026-12-03";

export type Scenario = {
  db: PrismaClient;
  // domain → the imported service's slug
  slugs: Map<string, string>;
  slug: (domain: string) => string;
  // cleans up the copied data folder
  cleanup: () => void;
};

// The real ISPDB plus the simulated providers' files, imported as npm run import does, so every
// other record the data folder names stays.
export async function importSimulated(db: PrismaClient, internet: SimulatedInternet): Promise<Scenario> {
  const root = mkdtempSync(path.join(tmpdir(), "msc-sim-root-"));
  const input = mkdtempSync(path.join(tmpdir(), "msc-sim-ispdb-"));
  try {
    cpSync(path.join(REPO_ROOT, "data"), path.join(root, "data"), { recursive: true });
    cpSync(DATASETS["thunderbird-ispdb"].defaultInput, input, { recursive: true });
    for (const [name, xml] of Object.entries(internet.ispdbFiles())) writeFileSync(path.join(input, name), xml);
    const { ok, report } = await importDataset({
      root,
      dataset: "thunderbird-ispdb",
      input,
      version: { version: "simulated", date: "2026-11-01" },
      db,
    });
    expect(report.errors).toEqual([]);
    expect(ok).toBe(true);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
  const slugs = new Map<string, string>();
  for (const d of await db.serviceDomain.findMany({
    where: { domain: { in: [...internet.domains] } },
    select: { domain: true, service: { select: { slug: true } } },
  })) {
    slugs.set(d.domain, d.service.slug);
  }
  expect([...slugs.keys()].sort()).toEqual([...internet.domains].sort());
  return {
    db,
    slugs,
    slug: (domain) => {
      const found = slugs.get(domain);
      if (found === undefined) throw new Error(`no imported service for ${domain}`);
      return found;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function currentClaim({ db, slug }: Scenario, domain: string, property: string) {
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

export type AfterFirstRound = { claims: number; catalogueVersion: string; charlieSmtpsId: number };

// After the first round: the dataset's claims the probe confirmed are verified again on FIRST.
export async function expectFirstRound(scenario: Scenario): Promise<AfterFirstRound> {
  // the dataset said STARTTLS for bravo's submission port and the probe saw it: verified again
  expect(await currentClaim(scenario, "bravo.example", "submission-starttls")).toMatchObject({
    value: "yes",
    source: { key: "thunderbird-ispdb" },
    verifications: [{ day: FIRST }],
  });
  const charlie = await currentClaim(scenario, "charlie.example", "smtps");
  expect(charlie?.value).toBe("yes");
  return {
    claims: await scenario.db.claim.count(),
    catalogueVersion: await readCatalogueVersion(scenario.db),
    charlieSmtpsId: charlie!.id,
  };
}

// bravo stops offering STARTTLS and takes AUTH in the clear instead; charlie drops TLS 1.0
export async function changeTwoProviders(internet: SimulatedInternet): Promise<void> {
  await internet.reconfigure("bravo-submission", { starttls: false, authBeforeTls: true });
  await internet.reconfigure("charlie-smtps", { versions: ["TLSv1.2", "TLSv1.3"] });
}

// The second round's outcomes, by domain: one change for bravo, none for an unchanged provider.
export function expectSecondRoundOutcomes(outcome: (domain: string) => VerifyOutcome | undefined): void {
  expect(outcome("bravo.example")).toMatchObject({ changed: 1, unreachable: 0 });
  expect(outcome("alpha.example")).toMatchObject({ changed: 0, unreachable: 0 });
}

// After the second round: the new probe claim is current, the unchanged claims are verified
// again on SECOND, and the change shows in bravo's timeline and feed.
export async function expectSecondRound(scenario: Scenario, after: AfterFirstRound): Promise<void> {
  const { db, slug } = scenario;
  expect(await readCatalogueVersion(db)).not.toBe(after.catalogueVersion);

  // the new probe claim is current; the dataset's claim is still there, no longer current
  expect(await currentClaim(scenario, "bravo.example", "submission-starttls")).toMatchObject({
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
  expect(await db.claim.count()).toBe(after.claims + 1);

  // TLS 1.0 dropped: SMTPS is still offered, so the claim is verified again, with the new facts
  const charlie = await currentClaim(scenario, "charlie.example", "smtps");
  expect(charlie?.id).toBe(after.charlieSmtpsId);
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
    const claim = await currentClaim(scenario, domain, property);
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
}
