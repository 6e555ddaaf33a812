import type { CatalogueFilters } from "@/lib/catalogue/filters";
import type { Locale } from "@/lib/i18n/locales";

export type SortableService = {
  id: number;
  name: string;
  nameEn: string | null;
  // hiragana reading, kept with the data for names written in Japanese
  kana: string | null;
  editorsPick: boolean;
  supportCount: number;
};

// A name whose first letter is Japanese; "goo メール" and "BBにいがた" start in Latin letters.
const STARTS_JAPANESE = /^\s*[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

// Sorted in TypeScript, not SQL: SQLite compares UTF-8 bytes, which puts "ACTIVE 24" before
// "Ablenet" and kanji in code-point order. A collated sort of the filtered id list is cheap at
// the catalogue's size (thousands of rows) and needs no schema change.
const COLLATORS: Record<Locale, Intl.Collator> = {
  ja: new Intl.Collator("ja-JP", { numeric: true }),
  en: new Intl.Collator("en-US", { numeric: true }),
};

// The key a reader would look a name up by. On the Japanese page a name that starts in Japanese
// sorts by its reading (群馬 under ぐ, between きたうら and さくら), as Japanese indexes do; a
// name that starts in Latin letters sorts where a reader scans for it, in the A–Z part, even
// when a reading is known ("goo メール" under G, not ぐ).
export function nameSortKey(service: Pick<SortableService, "name" | "nameEn" | "kana">, locale: Locale): string {
  if (locale === "en") return service.nameEn ?? service.name;
  return service.kana && STARTS_JAPANESE.test(service.name) ? service.kana : service.name;
}

export function compareServices(
  sort: CatalogueFilters["sort"],
  locale: Locale,
): (a: SortableService, b: SortableService) => number {
  const collator = COLLATORS[locale];
  const keys = new Map<number, string>();
  const key = (s: SortableService) => {
    let k = keys.get(s.id);
    if (k === undefined) keys.set(s.id, (k = nameSortKey(s, locale)));
    return k;
  };
  // the id breaks every remaining tie, so the order (and so paging) is stable
  const byName = (a: SortableService, b: SortableService) => collator.compare(key(a), key(b)) || a.id - b.id;
  const bySupport = (a: SortableService, b: SortableService) => b.supportCount - a.supportCount;
  switch (sort) {
    case "name":
      return byName;
    case "support":
      return (a, b) => bySupport(a, b) || byName(a, b);
    case "recommended":
      return (a, b) => Number(b.editorsPick) - Number(a.editorsPick) || bySupport(a, b) || byName(a, b);
  }
}

// The whole filtered list in page order; `first` (the provider serving a searched address) leads.
export function sortServices<T extends SortableService>(
  services: readonly T[],
  sort: CatalogueFilters["sort"],
  locale: Locale,
  first: ReadonlySet<number> = new Set(),
): T[] {
  const compare = compareServices(sort, locale);
  return [...services].sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id)) || compare(a, b));
}
