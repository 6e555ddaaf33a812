// Which claim a page shows when sources disagree. One rule for every subject and property:
//   1. Evidence first: a probe's own observation beats a provider's documentation, which beats a
//      dataset entry, which beats a third-party page. Kind of evidence, not its date, decides:
//      a dataset's date says when the dataset last changed, not when a fact was checked.
//   2. Within one kind, a claim with a verification date (a probe's run, a document's own date,
//      a Delta Chat entry's last_checked) beats one without, and the newest such date wins.
//   3. Claims still tied (datasets without per-entry dates, say) go by how many sources say each
//      value; on an equal count the less favourable value is shown (no, then partial, then yes),
//      so the page never claims more than the sources agree on.
// "unknown" claims are shown only when nothing else is known.

export const EVIDENCE_TIERS = { probe: 4, documentation: 3, dataset: 2, page: 1 } as const;
export type EvidenceKind = keyof typeof EVIDENCE_TIERS;

export type RankableClaim = {
  value: "yes" | "no" | "partial" | "unknown";
  sourceKind: EvidenceKind;
  sourceKey: string;
  // ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD) or null
  verifiedOn: string | null;
};

const VALUE_ORDER = { no: 0, partial: 1, yes: 2, unknown: -1 } as const;

export function chooseCurrentClaim<C extends RankableClaim>(claims: readonly C[]): C | null {
  if (claims.length === 0) return null;
  const known = claims.filter((c) => c.value !== "unknown");
  const pool = known.length > 0 ? known : [...claims];
  const topTier = Math.max(...pool.map((c) => EVIDENCE_TIERS[c.sourceKind]));
  let candidates = pool.filter((c) => EVIDENCE_TIERS[c.sourceKind] === topTier);
  const dated = candidates.filter((c) => c.verifiedOn !== null);
  if (dated.length > 0) {
    const newest = dated.reduce((max, c) => (c.verifiedOn! > max ? c.verifiedOn! : max), "");
    candidates = dated.filter((c) => c.verifiedOn === newest);
  }
  const counts = new Map<C["value"], number>();
  for (const c of candidates) counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || VALUE_ORDER[a[0]] - VALUE_ORDER[b[0]])[0]![0];
  return candidates.find((c) => c.value === best)!;
}

// Sources disagree when the latest claims of two sources give different known values.
export function sourcesDisagree(claims: ReadonlyArray<RankableClaim & { asOf: string }>): boolean {
  const latest = new Map<string, RankableClaim & { asOf: string }>();
  for (const c of claims) {
    const seen = latest.get(c.sourceKey);
    if (!seen || c.asOf > seen.asOf) latest.set(c.sourceKey, c);
  }
  const values = new Set([...latest.values()].map((c) => c.value).filter((v) => v !== "unknown"));
  return values.size > 1;
}
