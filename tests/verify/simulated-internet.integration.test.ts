import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalogueVersion } from "@/lib/catalogue/state";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { resolveProbeAddresses } from "@/lib/probe/address-guard";
import { RetryableVerifyError } from "@/lib/verify/types";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { isDovecotInstalled, DOVECOT_INSTALL_HINT } from "../servers";
import { startSimulatedInternet, verifySimulated, type SimulatedInternet } from "../servers/simulated-internet";
import {
  changeTwoProviders,
  expectFirstRound,
  expectSecondRound,
  expectSecondRoundOutcomes,
  FIRST,
  importSimulated,
  SECOND,
  type Scenario,
} from "./simulated-scenario";

// import → verify all → two providers change (one drops TLS 1.0, one stops offering STARTTLS) →
// verify again, each round on a fixed day, in this process through verifyService as npm run
// verify runs it. The same scenario through the queue and two worker processes:
// simulated-internet-queue.integration.test.ts.

let internet: SimulatedInternet;
let temp: TempDatabase;
let db: PrismaClient;
let scenario: Scenario;

beforeAll(async () => {
  if (!isDovecotInstalled()) throw new Error(DOVECOT_INSTALL_HINT);
  internet = await startSimulatedInternet();
  temp = createTempDatabase();
  db = createPrismaClient(temp.url);
  scenario = await importSimulated(db, internet);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  temp?.cleanup();
  await internet?.stop();
  scenario?.cleanup();
});

describe("the simulated internet", () => {
  it("maps the providers' names to loopback only through the probe's seam", async () => {
    await expect(resolveProbeAddresses("smtp.bravo.example", { lookup: internet.lookup })).rejects.toThrow(/loopback/);
    await expect(
      resolveProbeAddresses("smtp.bravo.example", { lookup: internet.lookup, allowLoopback: true }),
    ).resolves.toEqual(["127.0.0.1"]);
  });

  it("imports four providers, verifies them, verifies again after two of them change, and keeps every claim", async () => {
    const all = [...scenario.slugs.values()];

    const first = await verifySimulated(db, internet, all, FIRST);
    for (const r of first) expect(r, r.slug).toMatchObject({ ok: true });
    const after = await expectFirstRound(scenario);

    // a round that finds nothing new adds verifications and evicts no cached catalogue page
    const repeat = await verifySimulated(db, internet, all, FIRST);
    expect(repeat.every((r) => r.ok && r.outcome.changed === 0)).toBe(true);
    expect(await readCatalogueVersion(db)).toBe(after.catalogueVersion);
    expect(await db.claim.count()).toBe(after.claims);

    await changeTwoProviders(internet);
    const second = await verifySimulated(db, internet, all, SECOND);
    for (const r of second) expect(r, r.slug).toMatchObject({ ok: true });
    expectSecondRoundOutcomes((domain) => {
      const result = second.find((r) => r.slug === scenario.slug(domain));
      return result?.ok ? result.outcome : undefined;
    });
    await expectSecondRound(scenario, after);
  });

  it("says nothing when every endpoint is down, and fails the job with a retryable error", async () => {
    await internet.takeDown("charlie-smtps");
    await internet.takeDown("delta-submission");
    await internet.takeDown("delta-smtps");
    // charlie and delta still name Dovecot for POP3, so take a service whose every endpoint is down
    const onlyDown = await db.service.findUniqueOrThrow({
      where: { slug: scenario.slug("charlie.example") },
      select: { id: true },
    });
    const before = await db.claim.count();
    await db.endpoint.deleteMany({ where: { serviceId: onlyDown.id, protocol: "pop3" } });
    const [result] = await verifySimulated(db, internet, [scenario.slug("charlie.example")], "2026-12-04");
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result?.ok === false && result.error).toBeInstanceOf(RetryableVerifyError);
    expect(await db.claim.count()).toBe(before);
  });
});
