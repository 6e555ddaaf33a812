import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupGlossary, indexGroup } from "@/lib/articles/glossary-index";
import { glossarySchema, type GlossaryEntry } from "@/lib/schemas/article";

function entry(key: string, ja: string, reading: string | undefined, en: string): GlossaryEntry {
  return { key, ja: { term: ja, reading, definition: "d" }, en: { term: en, definition: "d" } };
}

describe("indexGroup", () => {
  it.each([
    ["しょうめいしょ", "さ"],
    ["エーポップ", "あ"],
    ["ディーキム", "た"], // voiced katakana
    ["ガード", "か"],
    ["ぱすわーど", "は"],
    ["ヴィ", "あ"],
    ["ゃ", "や"],
    ["ン", "わ"],
    ["2006", "#"],
  ])("files the reading %s under %s", (reading, row) => {
    expect(indexGroup(entry("k", "x", reading, "x"), "ja")).toBe(row);
  });

  it("files a Japanese term without a reading by the term itself, an English one by its letter", () => {
    expect(indexGroup(entry("k", "オープンリレー", undefined, "open relay"), "ja")).toBe("あ");
    expect(indexGroup(entry("k", "x", "x", "open relay"), "en")).toBe("O");
    expect(indexGroup(entry("k", "x", "x", "3DES"), "en")).toBe("#");
  });
});

describe("groupGlossary", () => {
  it("puts every entry of the real glossary in exactly one row, sorted, with all rows listed", () => {
    const glossary = glossarySchema.parse(JSON.parse(readFileSync("data/glossary.json", "utf8")));
    for (const locale of ["ja", "en"] as const) {
      const groups = groupGlossary(glossary, locale);
      expect(groups.flatMap((g) => g.entries.map((e) => e.key)).sort()).toEqual(glossary.map((e) => e.key).sort());
      expect(groups.length).toBe(locale === "ja" ? 10 : 26);
    }
    const ja = groupGlossary(glossary, "ja");
    // 証明書 (しょうめいしょ) sits among the さ terms, after サスル
    const sa = ja.find((g) => g.label === "さ")!.entries.map((e) => e.key);
    expect(sa).toContain("certificate");
    expect(sa.indexOf("sasl")).toBeLessThan(sa.indexOf("certificate"));
    const t = groupGlossary(glossary, "en")
      .find((g) => g.label === "T")!
      .entries.map((e) => e.en.term);
    expect(t).toEqual([...t].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  });
});
