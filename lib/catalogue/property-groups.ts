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
