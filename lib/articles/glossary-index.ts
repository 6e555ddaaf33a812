import type { Locale } from "@/lib/i18n/locales";
import type { GlossaryEntry } from "@/lib/schemas/article";

// The rows of the gojūon table, each named by its first kana and holding every kana it starts.
const KANA_ROWS = [
  ["あ", "あいうえおゔ"],
  ["か", "かきくけこ"],
  ["さ", "さしすせそ"],
  ["た", "たちつてと"],
  ["な", "なにぬねの"],
  ["は", "はひふへほ"],
  ["ま", "まみむめも"],
  ["や", "やゆよ"],
  ["ら", "らりるれろ"],
  ["わ", "わゐゑをん"],
] as const;

const LATIN = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
// Terms that start with neither kana nor a letter (a digit, a symbol) are filed together last.
export const OTHER_GROUP = "#";

export function indexLabels(locale: Locale): string[] {
  return locale === "ja" ? KANA_ROWS.map(([row]) => row) : LATIN;
}

// The first kana of a reading as a plain hiragana: katakana folded to hiragana (U+30A1–U+30F6
// sit 0x60 above), voicing marks dropped by NFD (が → か), small kana made full size (ぁ → あ).
function baseKana(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hiragana = code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : char;
  const plain = hiragana.normalize("NFD").charAt(0);
  const SMALL: Record<string, string> = {
    ぁ: "あ",
    ぃ: "い",
    ぅ: "う",
    ぇ: "え",
    ぉ: "お",
    っ: "つ",
    ゃ: "や",
    ゅ: "ゆ",
    ょ: "よ",
    ゎ: "わ",
    ゕ: "か",
    ゖ: "け",
  };
  return SMALL[plain] ?? plain;
}

// Japanese terms are filed by their reading (証明書 under さ), English ones by their first letter.
export function sortKey(entry: GlossaryEntry, locale: Locale): string {
  return locale === "ja" ? (entry.ja.reading ?? entry.ja.term) : entry.en.term;
}

export function indexGroup(entry: GlossaryEntry, locale: Locale): string {
  const first = sortKey(entry, locale).trim().charAt(0);
  if (locale === "en") {
    const letter = first.toUpperCase();
    return LATIN.includes(letter) ? letter : OTHER_GROUP;
  }
  const kana = baseKana(first);
  return KANA_ROWS.find(([, members]) => members.includes(kana))?.[0] ?? OTHER_GROUP;
}

export type GlossaryGroup = { label: string; entries: GlossaryEntry[] };

// Every index label in order, each with its entries sorted the page language's way (empty
// groups kept, so the index shows the whole table and which rows have no term); the "#"
// group only when something falls into it.
export function groupGlossary(glossary: readonly GlossaryEntry[], locale: Locale): GlossaryGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const sorted = [...glossary].sort((a, b) => collator.compare(sortKey(a, locale), sortKey(b, locale)));
  const groups = [...indexLabels(locale), OTHER_GROUP].map((label) => ({
    label,
    entries: sorted.filter((e) => indexGroup(e, locale) === label),
  }));
  return groups.filter((g) => g.label !== OTHER_GROUP || g.entries.length > 0);
}
