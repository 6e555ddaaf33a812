import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkDomainTransport, isCheckableDomain } from "@/lib/mx/check-domain";
import { domainFindings, type DomainFinding } from "@/lib/mx/claims";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import { findingsFromResults, type ProbeFinding } from "@/lib/probe/properties";
import { getServiceTargets, PROBE_SOURCE } from "@/lib/probe/store";
import type { EndpointProbeResult } from "@/lib/probe/types";
import {
  RetryableVerifyError,
  type DomainCheckStatus,
  type VerifyDeps,
  type VerifyOutcome,
  type VerifyService,
} from "./types";

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

// What the job records: an endpoint probe's finding or a mail-domain one, each a property, a
// value, a note and the evidence; both are claims of the live probe (PROBE_SOURCE).
export type Finding = ProbeFinding | DomainFinding;

export type Comparison = {
  // the current claim says what the probe found: "verified again"
  confirmed: Array<{ finding: Finding; claimId: number }>;
  // no current claim, or one saying something else: a new dated probe claim
  changed: Finding[];
};

// Compared with the CURRENT claim whatever its source: a provider's documentation that the probe
// confirms is verified again, not shadowed by a probe claim saying the same.
export function compareFindings(findings: readonly Finding[], current: readonly CurrentClaim[]): Comparison {
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
  findings: readonly Finding[],
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

type DomainResult = { status: DomainCheckStatus; findings: DomainFinding[] };

// The service's own mail domain (its first ServiceDomain by id), checked as a sending server
// sees it. Anything the check could not test (port 25 blocked, MX_PORT25=off, a resolver that
// does not validate, a DNS timeout) gives no finding, so it never retries the job nor turns a
// claim into "no"; a check that throws is logged in the outcome and records nothing.
async function checkServiceDomain(deps: VerifyDeps, serviceId: number): Promise<DomainResult> {
  if (!deps.domain) return { status: "not-configured", findings: [] };
  const first = await deps.db.serviceDomain.findFirst({
    where: { serviceId },
    orderBy: { id: "asc" },
    select: { domain: true },
  });
  if (!first || !isCheckableDomain(first.domain)) return { status: "no-domain", findings: [] };
  try {
    const report = await checkDomainTransport(first.domain, {
      ...deps.domain,
      timeoutMs: deps.probe.timeoutMs,
      allowLoopback: deps.probe.allowLoopback,
      lookup: deps.probe.lookup,
      ca: deps.probe.ca,
      limit: (host, fn) => deps.hosts.run(host.toLowerCase(), fn),
    });
    return { status: "checked", findings: domainFindings(report) };
  } catch {
    return { status: "failed", findings: [] };
  }
}

// One job: every endpoint the service's sources name, each probe through the host limiter, then
// the service's mail domain. The endpoints alone decide a retry: a mail domain that cannot be
// checked from here is a fact about this network, not a passing failure.
export const verifyService: VerifyService = async (deps: VerifyDeps, slug: string) => {
  const { serviceId, targets } = await getServiceTargets(deps.db, slug);
  const results = await Promise.all(
    targets.map((target) => deps.hosts.run(target.host.toLowerCase(), () => probeEndpoint(target, deps.probe))),
  );
  const domain = await checkServiceDomain(deps, serviceId);
  const unreachable = results.filter(failedOnNetwork).length;
  const day = deps.today();
  // Unreachable endpoints are left out, so they say nothing (findingsFromResults would skip
  // their "unknown" anyway; leaving them out keeps their failure out of the evidence too).
  const allDown = results.length > 0 && unreachable === results.length;
  const probeFindings = allDown ? [] : findingsFromResults(results.filter((r) => !failedOnNetwork(r)));
  const findings: Finding[] = [...probeFindings, ...domain.findings];
  const recorded =
    findings.length > 0
      ? await recordFindings(deps.db, serviceId, findings, day)
      : { verifiedAgain: 0, changed: 0, catalogueChanged: false };
  if (allDown) {
    // the mail domain's findings are kept; a retry confirms them again on the same day, which
    // adds nothing (one verification per claim and day)
    throw new RetryableVerifyError(
      `${slug}: none of its ${results.length} endpoint(s) could be reached (${[
        ...new Set(results.map((r) => r.failure?.code)),
      ].join(", ")})`,
    );
  }
  const outcome: VerifyOutcome = {
    slug,
    endpoints: results.length,
    verifiedAgain: recorded.verifiedAgain,
    changed: recorded.changed,
    unreachable,
    domainCheck: domain.status,
    domainFindings: domain.findings.length,
  };
  return outcome;
};
