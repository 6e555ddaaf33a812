import { slugSchema } from "@/lib/schemas/data";
import type { RawSearchParams } from "@/lib/catalogue/filters";

export const MAX_COMPARE = 4;
export const MIN_COMPARE = 2;

// ?s=a&s=b (or ?s=a,b). Bad slugs are dropped, duplicates folded; more than four are cut
// and reported so the page can say so.
export function parseCompareParams(params: RawSearchParams): { slugs: string[]; truncated: boolean } {
  const raw = params.s;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(","));
  const valid = [...new Set(values.map((v) => v.trim()).filter((v) => slugSchema.safeParse(v).success))];
  return { slugs: valid.slice(0, MAX_COMPARE), truncated: valid.length > MAX_COMPARE };
}

export function compareQuery(slugs: string[]): string {
  const params = new URLSearchParams();
  for (const s of slugs) params.append("s", s);
  const q = params.toString();
  return q ? `?${q}` : "";
}

export { appendCompare } from "@/lib/catalogue/filter-query";

// The selection after a click on a service's add/remove control. A fifth service is never added:
// the page disables the control and says why instead.
export function toggleCompare(slugs: readonly string[], slug: string): string[] {
  if (slugs.includes(slug)) return slugs.filter((s) => s !== slug);
  return slugs.length >= MAX_COMPARE ? [...slugs] : [...slugs, slug];
}

export type CompareStatus = "none" | "too-few" | "ready" | "full";

// What the selection bar says and whether its button works.
export function compareStatus(count: number): CompareStatus {
  if (count === 0) return "none";
  if (count < MIN_COMPARE) return "too-few";
  return count >= MAX_COMPARE ? "full" : "ready";
}
