import { describe, expect, it } from "vitest";
import { catalogueCacheKey, searchParamsFromCacheKey } from "@/lib/catalogue/cache-key";
import { parseCatalogueFilters } from "@/lib/catalogue/filters";
import { parseCompareParams } from "@/lib/catalogue/compare-params";

const KEYS = ["pop3s", "imaps", "smtps", "smtp-auth"];
const key = (query: string) => catalogueCacheKey(new URLSearchParams(query), KEYS);

describe("catalogueCacheKey", () => {
  it("gives one key to every spelling of the same catalogue", () => {
    const canonical = key("has=pop3s&has=smtps");
    expect(key("has=smtps&has=pop3s")).toBe(canonical);
    expect(key("has=smtps,pop3s&has=pop3s")).toBe(canonical);
    // defaults, unknown properties, bad values and parameters the page does not read change nothing
    expect(key("has=pop3s&has=smtps&has=nope&sort=recommended&page=1&per=20&segment=all&utm_source=x")).toBe(canonical);
    expect(key("has=pop3s&has=smtps&per=7&sort=drop")).toBe(canonical);
    expect(key("")).toBe(key("page=1&q=++"));
  });

  it("gives different catalogues different keys", () => {
    const keys = [
      "",
      "has=pop3s",
      "has=pop3s&page=2",
      "q=cpi",
      "segment=business",
      "s=cpi&s=ablenet",
      "s=ablenet&s=cpi",
    ].map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is a single URL path segment", () => {
    for (const q of ["q=%E3%81%95%E3%81%8F%E3%82%89/..%2F?#", "q=taro@nifty.com&has=pop3s", ""]) {
      expect(key(q)).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it("reads back as the filters and comparison the page would have parsed from the request", () => {
    for (const q of [
      "",
      "q=さくら&segment=business&kind=hosting&has=smtps&has=pop3s&sort=name&page=3&per=50",
      "s=cpi&s=ablenet",
    ]) {
      const request = new URLSearchParams(q);
      const fromKey = searchParamsFromCacheKey(key(q));
      expect(parseCatalogueFilters(fromKey, KEYS)).toEqual(parseCatalogueFilters(request, KEYS));
      expect(parseCompareParams(fromKey)).toEqual(parseCompareParams(Object.fromEntries([["s", request.getAll("s")]])));
    }
  });

  it("keeps the notice that only the first four services were taken for comparison", () => {
    const fromKey = searchParamsFromCacheKey(key("s=a&s=b&s=c&s=d&s=e&s=f"));
    expect(parseCompareParams(fromKey)).toEqual({ slugs: ["a", "b", "c", "d"], truncated: true });
  });
});
