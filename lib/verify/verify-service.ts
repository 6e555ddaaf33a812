import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import { findingsFromResults, type ProbeFinding } from "@/lib/probe/properties";
import { getServiceTargets, PROBE_SOURCE } from "@/lib/probe/store";
import type { EndpointProbeResult } from "@/lib/probe/types";
import { RetryableVerifyError, type VerifyDeps, type VerifyService } from "./types";

// Failures that say nothing about the server: it could not be reached, or stopped answering.
// A refused TLS version, a missing STARTTLS or a bad certificate is an answer, and the address
// and port guards' refusals are permanent, so neither is retried.
const NETWORK_CODES = new Set([
  "timeout",
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NODATA",
  "ENODATA",
  "ESERVFAIL",
]);

export function failedOnNetwork(r: EndpointProbeResult): boolean {
  return r.status === "failed" && r.failure !== null && NETWORK_CODES.has(r.failure.code);
}

export type CurrentClaim = { id: number; propertyKey: string; value: string };

export type Comparison = {
  // the current claim says what the probe found: "verified again"
  confirmed: Array<{ finding: ProbeFinding; claimId: number }>;
  // no current claim, or one saying something else: a new dated probe claim
  changed: ProbeFinding[];
};

// Compared with the CURRENT claim whatever its source: a provider's documentation that the probe
// confirms is verified again, not shadowed by a probe claim saying the same.
export function compareFindings(findings: readonly ProbeFinding[], current: readonly CurrentClaim[]): Comparison {
  const byProperty = new Map(current.map((c) => [c.propertyKey, c]));
  const comparison: Comparison = { confirmed: [], changed: [] };
  for (const finding of findings) {
    const claim = byProperty.get(finding.property);
    if (claim && claim.value === finding.value) comparison.confirmed.push({ finding, claimId: claim.id });
    else comparison.changed.push(finding);
  }
  return comparison;
}

export type Recorded = { verifiedAgain: number; changed: number; catalogueChanged: boolean };

// Adds evidence and never removes or rewrites any: a confirmation is a ClaimVerification row (one
// per claim and day; a second run the same day adds nothing), a different value a new claim of
// the live-probe source dated `day`, which becomes current by the one rule (decision 0007).
// Only the second runs refreshCurrentClaims and so can move the catalogue's version: a
// confirmation touches no column the version digests, so it evicts no cached page.
export async function recordFindings(
  db: PrismaClient,
  serviceId: number,
  findings: readonly ProbeFinding[],
  day: string,
): Promise<Recorded> {
  return db.$transaction(async (tx) => {
    const properties = await tx.property.findMany({
      where: { key: { in: findings.map((f) => f.property) } },
      select: { id: true, key: true },
    });
    const propertyIds = new Map(properties.map((p) => [p.key, p.id]));
    const known = findings.filter((f) => propertyIds.has(f.property));
    const current = await tx.claim.findMany({
      where: { serviceId, isCurrent: true, propertyId: { in: [...propertyIds.values()] } },
      select: { id: true, value: true, property: { select: { key: true } } },
    });
    const { confirmed, changed } = compareFindings(
      known,
      current.map((c) => ({ id: c.id, propertyKey: c.property.key, value: c.value })),
    );

    const already = new Set(
      (
        await tx.claimVerification.findMany({
          where: { day, claimId: { in: confirmed.map((c) => c.claimId) } },
          select: { claimId: true },
        })
      ).map((v) => v.claimId),
    );
    const verifications = confirmed.filter((c) => !already.has(c.claimId));
    if (verifications.length > 0) {
      await tx.claimVerification.createMany({
        data: verifications.map(({ finding, claimId }) => ({
          claimId,
          day,
          checkedBy: PROBE_SOURCE.key,
          note: finding.note,
          details: finding.details,
        })),
      });
    }

    let catalogueChanged = false;
    if (changed.length > 0) {
      // The source's date is the newest day it said something new; a confirmation leaves it,
      // since the source's row is part of the catalogue's version.
      const source = await tx.source.upsert({
        where: { key: PROBE_SOURCE.key },
        create: { ...PROBE_SOURCE, asOf: day },
        update: { asOf: day },
      });
      await tx.claim.createMany({
        data: changed.map((f) => ({
          serviceId,
          propertyId: propertyIds.get(f.property)!,
          sourceId: source.id,
          value: f.value,
          asOf: day,
          // the probe's run is when the fact was checked, which the current-claim rule ranks by
          verifiedOn: day,
          note: f.note,
          details: f.details,
        })),
      });
      catalogueChanged = (await refreshCurrentClaims(tx, { serviceIds: [serviceId] })).changed;
    }
    return { verifiedAgain: confirmed.length, changed: changed.length, catalogueChanged };
  });
}

// One job: every endpoint the service's sources name, each probe through the host limiter.
export const verifyService: VerifyService = async (deps: VerifyDeps, slug: string) => {
  const { serviceId, targets } = await getServiceTargets(deps.db, slug);
  if (targets.length === 0) return { slug, endpoints: 0, verifiedAgain: 0, changed: 0, unreachable: 0 };
  const results = await Promise.all(
    targets.map((target) => deps.hosts.run(target.host.toLowerCase(), () => probeEndpoint(target, deps.probe))),
  );
  const unreachable = results.filter(failedOnNetwork).length;
  if (unreachable === results.length) {
    throw new RetryableVerifyError(
      `${slug}: none of its ${results.length} endpoint(s) could be reached (${[
        ...new Set(results.map((r) => r.failure?.code)),
      ].join(", ")})`,
    );
  }
  const day = deps.today();
  // Unreachable endpoints are left out, so they say nothing (findingsFromResults would skip
  // their "unknown" anyway; leaving them out keeps their failure out of the evidence too).
  const findings = findingsFromResults(results.filter((r) => !failedOnNetwork(r)));
  const recorded = await recordFindings(deps.db, serviceId, findings, day);
  return {
    slug,
    endpoints: results.length,
    verifiedAgain: recorded.verifiedAgain,
    changed: recorded.changed,
    unreachable,
  };
};
