// Evidence older than this is marked stale in the catalogue and on service pages. Three years:
// long enough that a provider's documented settings usually still hold, short enough that the
// TLS landscape has moved (TLS 1.0/1.1 went from "deprecated" to "refused" within three years,
// RFC 8996 of 2021). One constant, so every page says the same thing.
export const STALE_AFTER_MONTHS = 36;

// "2024", "2024-08" or "2024-08-15" read as the first day of the period they name, so a
// month-precise date is never judged newer than it can be.
export function evidenceDate(value: string): Date {
  const [y, m = "01", d = "01"] = value.split("-");
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

export function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}

export function isStale(value: string | null, now: Date = new Date()): boolean {
  if (!value) return true;
  return monthsBetween(evidenceDate(value), now) >= STALE_AFTER_MONTHS;
}

export type VerifiableClaim = {
  asOf: string;
  verifiedOn: string | null;
  value: string;
  // the newest "verified again" day first is enough (lib/queries/catalogue.ts takes one)
  verifications?: ReadonlyArray<{ day: string }>;
};

// When a claim was last verified: the latest of its own date (verifiedOn, else asOf) and the days a
// later check confirmed it (ClaimVerification). ISO prefixes compare as text.
export function lastVerified(claim: VerifiableClaim): string {
  let latest = claim.verifiedOn ?? claim.asOf;
  for (const v of claim.verifications ?? []) if (v.day > latest) latest = v.day;
  return latest;
}

// A row's weakest link: the oldest "last verified" among its current claims that say something.
export function oldestLastVerified(claims: Iterable<VerifiableClaim>): string | null {
  let oldest: string | null = null;
  for (const c of claims) {
    if (c.value === "unknown") continue;
    const day = lastVerified(c);
    if (oldest === null || day < oldest) oldest = day;
  }
  return oldest;
}
