import { expect, type APIRequestContext } from "@playwright/test";

// The public JSON API (/api/providers), read by the browser tests to take their expected counts
// and orders from the data the site serves instead of hard-coding them.

export type ApiSource = { key: string; kind: string; title: string; url: string | null };
export type ApiSupport = {
  value: "yes" | "no" | "partial" | "unknown";
  asOf: string | null;
  source: ApiSource | null;
  note: string | null;
  warnings: string[];
};
export type ApiItem = {
  slug: string;
  name: string;
  nameEn: string | null;
  segment: "personal" | "business" | null;
  kind: string;
  status: string;
  newestEvidence: string | null;
  editorsPick: boolean;
  formerNames: string[];
  support: Record<string, ApiSupport>;
};
export type ApiPage = {
  filters: { q: string; segment: string; kind: string; has: string[]; sort: string; page: number; per: number };
  total: number;
  page: number;
  pageCount: number;
  per: number;
  items: ApiItem[];
};

// query: "" or "?a=b&…", as the catalogue page takes it
export async function apiPage(request: APIRequestContext, query: string): Promise<ApiPage> {
  const response = await request.get(`/api/providers${query}`);
  expect(response.ok(), `/api/providers${query}`).toBe(true);
  return (await response.json()) as ApiPage;
}

// Every service the API lists for a query, in its order, page by page.
export async function apiAll(request: APIRequestContext, query: string): Promise<ApiItem[]> {
  const join = query ? `${query}&` : "?";
  const items: ApiItem[] = [];
  for (let page = 1; ; page++) {
    const body = await apiPage(request, `${join}per=100&page=${page}`);
    items.push(...body.items);
    if (page >= body.pageCount) return items;
  }
}

// The catalogue marks evidence stale once it is this many months old.
export const STALE_AFTER_MONTHS = 36;

// "2024", "2024-08" or "2024-08-15" is as old as the start of the period it names.
export function monthsOld(date: string, now: Date = new Date()): number {
  const [year = "0", month = "01"] = date.split("-");
  return (now.getUTCFullYear() - Number(year)) * 12 + (now.getUTCMonth() + 1 - Number(month));
}
