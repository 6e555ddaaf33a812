// NFKC folds full-width Latin and half-width katakana into one form, so "ＣＰＩ", "cpi" and
// "ｽﾏｲﾙｻｰﾊﾞ" all meet the stored names; case folding is done here rather than by SQLite, whose
// LIKE only folds ASCII.
export function normalizeSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function buildSearchText(names: Array<string | null | undefined>): string {
  const unique = new Set(names.filter((n): n is string => Boolean(n)).map(normalizeSearchText));
  return [...unique].join("\n");
}
