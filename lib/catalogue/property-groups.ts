// The table's column groups come from the properties' categories, in this order; a property of a
// new category joins at the end under its own group. When more properties arrive than fit, the
// table can show one summary column per group and leave the detail to the service page.
export const GROUP_ORDER = ["receive", "send", "auth"] as const;
export type GroupKey = (typeof GROUP_ORDER)[number];

export type PropertyGroup<P> = { category: string; properties: P[] };

export function groupProperties<P extends { category: string }>(properties: readonly P[]): PropertyGroup<P>[] {
  const categories = [...new Set(properties.map((p) => p.category))].sort((a, b) => rank(a) - rank(b));
  return categories.map((category) => ({ category, properties: properties.filter((p) => p.category === category) }));
}

function rank(category: string): number {
  const i = (GROUP_ORDER as readonly string[]).indexOf(category);
  return i === -1 ? GROUP_ORDER.length : i;
}

export function isGroupKey(category: string): category is GroupKey {
  return (GROUP_ORDER as readonly string[]).includes(category);
}

// Properties the service page, the filter and the legend show but the catalogue table does not:
// each column costs every row a cell, and a 20-row page is held to its HTML budget
// (scripts/check-weight.ts). "App password required" is a burden, not a feature, so neither
// counts towards a row's support either (Service.supportCount, the "most supported" order).
export const DETAIL_ONLY_PROPERTIES: ReadonlySet<string> = new Set(["oauth2", "app-password"]);

export function tableProperties<P extends { key: string }>(properties: readonly P[]): P[] {
  return properties.filter((p) => !DETAIL_ONLY_PROPERTIES.has(p.key));
}
