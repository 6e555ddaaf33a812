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
