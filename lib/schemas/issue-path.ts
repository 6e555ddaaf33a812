// Where a zod issue points, written the way a reader finds it in the file:
// services[0].claims[1].value. Every validation report (data files, articles, ISPDB documents)
// names fields this one way; `whole` is what an empty path, the value itself, is called there.
export function formatIssuePath(path: readonly PropertyKey[], whole: string): string {
  if (path.length === 0) return whole;
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}${String(s)}`)).join("");
}
