import { describe, expect, it } from "vitest";
import { chooseLocale, localeFromAcceptLanguage, parseAcceptLanguage } from "@/lib/i18n/negotiate";

describe("localeFromAcceptLanguage", () => {
  it.each([
    // what browsers send
    ["en-US,en;q=0.9", "en"],
    ["en-GB,en;q=0.9,ja;q=0.8", "en"],
    ["ja,en-US;q=0.9,en;q=0.8", "ja"],
    ["ja-JP", "ja"],
    // q-values, not order, decide
    ["ja;q=0.5,en;q=0.8", "en"],
    ["en;q=0.5,ja", "ja"],
    ["EN-us;q=1.0", "en"],
    // a tie goes to the one listed first
    ["en,ja", "en"],
    ["ja,en", "ja"],
    // no usable preference for either: Japanese
    [null, "ja"],
    ["", "ja"],
    ["*", "ja"],
    ["fr-FR,de;q=0.9", "ja"],
    ["fr,en;q=0.3", "en"],
    ["en;q=0", "ja"],
    ["english", "ja"],
    ["en;q=2", "ja"],
    ["en;q=abc,ja;q=0.1", "ja"],
    // "eng" is not English, "en-" prefixes only count at a subtag boundary
    ["eng", "ja"],
  ] as const)("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it("reads ranges, q-values and positions", () => {
    expect(parseAcceptLanguage(" en-US , ja;q=0.8 ,bad tag, *;q=0.1")).toEqual([
      { tag: "en-us", q: 1, position: 0 },
      { tag: "ja", q: 0.8, position: 1 },
      { tag: "*", q: 0.1, position: 3 },
    ]);
  });
});

describe("chooseLocale", () => {
  it("prefers the remembered choice over the browser's header", () => {
    expect(chooseLocale("en", "ja")).toBe("en");
    expect(chooseLocale("ja", "en-US,en;q=0.9")).toBe("ja");
  });
  it("ignores a cookie that is not a site language", () => {
    expect(chooseLocale("fr", "en")).toBe("en");
    expect(chooseLocale(undefined, undefined)).toBe("ja");
  });
});
