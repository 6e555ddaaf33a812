// The table's column groups come from the properties' categories, in this order; a property of a
// new category joins at the end under its own group. A group in SUMMARY_GROUPS gets one summary
// column instead of a column per property, and leaves the detail to the service page.
export const GROUP_ORDER = ["receive", "send", "auth", "domain"] as const;
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

// Groups the catalogue table shows as ONE cell per row ("2/4": how many of the group's properties
// the service supports, their names read aloud), not a column each: four more columns would cost
// every row four cells, and the 20-row page is held to its HTML budget. The filter, the legend,
// the compare page and the service page still show each property.
export const SUMMARY_GROUPS: ReadonlySet<string> = new Set(["domain"]);

export function isSummaryGroup(category: string): boolean {
  return SUMMARY_GROUPS.has(category);
}

// Whether a "yes" counts towards Service.supportCount (the "most supported" order). Not the
// detail-only ones (above), and not the mail-domain ones: those come only from the verification
// job's check of the service's own domain, so counting them would rank services by whether the
// job has reached their domain yet, and whether the network it ran on could reach port 25,
// rather than by what the service offers the mail client a reader sets up, which is what every
// counted property is about. They stay filterable (supportBits holds every property).
export function countsTowardsSupport(p: { key: string; category: string }): boolean {
  return !DETAIL_ONLY_PROPERTIES.has(p.key) && !isSummaryGroup(p.category);
}
