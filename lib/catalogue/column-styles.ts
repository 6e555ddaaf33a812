import { createHash } from "node:crypto";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { propertyLabel } from "@/lib/i18n/labels";
import type { Locale } from "@/lib/i18n/locales";
import { groupProperties, isGroupKey, isSummaryGroup, tableProperties } from "@/lib/catalogue/property-groups";
import type { PropertyInfo } from "@/lib/queries/properties";
import { SUPPORT_VALUES } from "@/lib/schemas/data";

// The first three columns of the catalogue table: compare, service, evidence date.
const FIRST_PROPERTY_COLUMN = 4;

// A CSS string literal for text from the dictionary or the database.
const cssString = (s: string): string => `"${s.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

export function groupLabel(locale: Locale, category: string): string {
  const groups = catalogueMessages[locale].catalogue.groups;
  return isGroupKey(category) ? groups[category] : category;
}

// the group's full name (the filter's and the summary column's)
export function categoryLabel(locale: Locale, category: string): string {
  const categories = catalogueMessages[locale].categories;
  return isGroupKey(category) ? categories[category] : category;
}

// The rules that depend on the data: each property column's short and full name and each group's
// title, which the column headers show (the short name) and the phone layout beside every mark (as generated content, so a row carries
// only its values), and the marks themselves, from the dictionary.
export function columnStyles(locale: Locale, properties: PropertyInfo[]): string {
  const t = catalogueMessages[locale];
  // A cell without a class is "unknown"; the classes outrank this rule.
  const rules = SUPPORT_VALUES.map((v) =>
    v === "unknown"
      ? `.catalogue-table tbody td{--m:${cssString(t.support[v].mark)}}`
      : `.catalogue-table .m-${v}{--m:${cssString(t.support[v].mark)}}`,
  );
  const starts: string[] = [];
  let column = FIRST_PROPERTY_COLUMN;
  // the second header row has a cell per property column only (a summary group's header spans
  // both rows)
  let header = 1;
  for (const g of groupProperties(tableProperties(properties))) {
    if (isSummaryGroup(g.category)) {
      // one column for the group: its short and full name stand for the property's
      // no gutter title (--g) on a phone card: the cell's own name says it, and a long group name
      // would not fit the gutter
      const cell = `.catalogue-table td:nth-child(${column})`;
      rules.push(
        `${cell}{--p:${cssString(groupLabel(locale, g.category))};--pl:${cssString(categoryLabel(locale, g.category))};--g:none}`,
      );
      starts.push(cell);
      column++;
      continue;
    }
    g.properties.forEach((p, i) => {
      const cell = `.catalogue-table td:nth-child(${column})`;
      // the header row below the groups starts with the first property column
      const th = `.catalogue-table__properties th:nth-child(${header++})`;
      const title = i === 0 ? `;--g:${cssString(groupLabel(locale, g.category))}` : "";
      rules.push(
        `${cell},${th}{--p:${cssString(propertyLabel(p, locale, true))};--pl:${cssString(propertyLabel(p, locale))}${title}}`,
      );
      if (i === 0) starts.push(cell);
      column++;
    });
  }
  rules.push(
    `.catalogue-table .col-evidence{--ev:${cssString(`${t.freshness.column}: `)};--ov:${cssString(`${t.freshness.oldestVerified} `)}}`,
  );
  return `${rules.join("")}@media (max-width:49.99rem){${starts.join(",")}{clear:left}}`;
}

export const COLUMN_STYLES_PATH = "/catalogue-columns";
const FILE = /^(ja|en)-([0-9a-f]{16})\.css$/;

// The sheet is named by its content, so a browser or CDN keeps it for good and a page names the
// sheet that matches its own columns. Served from a file of its own because inlined it would be
// sent twice with every catalogue page (in the HTML and in the RSC payload), about 2.6 kB.
export function columnStylesheet(locale: Locale, properties: PropertyInfo[]): { href: string; css: string } {
  const css = columnStyles(locale, properties);
  const hash = createHash("sha256").update(css).digest("hex").slice(0, 16);
  return { href: `${COLUMN_STYLES_PATH}/${locale}-${hash}.css`, css };
}

export function parseColumnStylesFile(file: string): { locale: Locale; hash: string } | null {
  const match = FILE.exec(file);
  return match ? { locale: match[1] as Locale, hash: match[2]! } : null;
}
