import { chooseCurrentClaim, type RankableClaim } from "@/lib/catalogue/claim-rank";

// A service's change history, derived from the claims the database keeps (none is ever
// overwritten): replay each property's claims in date order and, after each date, ask the same
// rule the pages use (claim-rank.ts) which claim is current. A change is a date on which the
// current value differs from the one before it. A claim that only repeats the current value, or
// wins with the same value from another source, is no change. There is no arrival column, so a
// claim "arrives" on its asOf date; claims of one date arrive together, so their order in the
// table never shows as a change that lasted no time.

export type HistoryClaim = RankableClaim & {
  propertyKey: string;
  // YYYY, YYYY-MM or YYYY-MM-DD: ISO prefixes sort as text in date order
  asOf: string;
};

// new: the first known value (nothing, or only "unknown", before it)
export type ChangeDirection = "new" | "improved" | "worse";

export type ValueChange<C extends HistoryClaim = HistoryClaim> = {
  propertyKey: string;
  date: string;
  // the current claim before the change, or null when there was none
  from: C | null;
  to: C;
  direction: ChangeDirection;
};

// The same order claim-rank.ts uses for "less favourable": no, then partial, then yes.
const VALUE_RANK = { no: 0, partial: 1, yes: 2 } as const;

export function changeDirection(from: RankableClaim["value"] | null, to: RankableClaim["value"]): ChangeDirection {
  if (from === null || from === "unknown" || to === "unknown") return "new";
  return VALUE_RANK[to] > VALUE_RANK[from] ? "improved" : "worse";
}

function propertyChanges<C extends HistoryClaim>(propertyKey: string, claims: readonly C[]): ValueChange<C>[] {
  // most properties have one claim: its value is the only history (the catalogue-wide list derives
  // over 100,000 of these)
  if (claims.length === 1) {
    const only = claims[0]!;
    return only.value === "unknown" ? [] : [{ propertyKey, date: only.asOf, from: null, to: only, direction: "new" }];
  }
  const dates = [...new Set(claims.map((c) => c.asOf))].sort();
  const changes: ValueChange<C>[] = [];
  let current: C | null = null;
  for (const date of dates) {
    const chosen = chooseCurrentClaim(claims.filter((c) => c.asOf <= date));
    if (!chosen || chosen.value === current?.value) continue;
    // "unknown" after nothing says nothing a reader needs in a history
    if (current === null && chosen.value === "unknown") continue;
    changes.push({
      propertyKey,
      date,
      from: current,
      to: chosen,
      direction: changeDirection(current?.value ?? null, chosen.value),
    });
    current = chosen;
  }
  return changes;
}

// Every property's changes for one subject, newest first; within a date, in the given property order.
export function deriveChangeHistory<C extends HistoryClaim>(
  claims: readonly C[],
  propertyOrder: readonly string[] = [],
): ValueChange<C>[] {
  const byProperty = new Map<string, C[]>();
  for (const c of claims) {
    const list = byProperty.get(c.propertyKey);
    if (list) list.push(c);
    else byProperty.set(c.propertyKey, [c]);
  }
  const position = (key: string) => {
    const i = propertyOrder.indexOf(key);
    return i === -1 ? propertyOrder.length : i;
  };
  return [...byProperty.entries()]
    .flatMap(([key, list]) => propertyChanges(key, list))
    .sort(
      (a, b) =>
        (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
        position(a.propertyKey) - position(b.propertyKey) ||
        a.propertyKey.localeCompare(b.propertyKey),
    );
}

// Changes grouped by date for a timeline, newest date first (the input is newest first already).
export function groupByDate<T extends { date: string }>(changes: readonly T[]): Array<{ date: string; changes: T[] }> {
  const groups: Array<{ date: string; changes: T[] }> = [];
  for (const change of changes) {
    const last = groups.at(-1);
    if (last?.date === change.date) last.changes.push(change);
    else groups.push({ date: change.date, changes: [change] });
  }
  return groups;
}
