import Link from "next/link";
import { SupportMark } from "@/components/ui/support-mark";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { format } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/locales";
import type { PropertyInfo } from "@/lib/queries/properties";
import { claimWarnings, type ServiceSummary } from "@/lib/queries/catalogue";
import { EvidenceDate } from "@/components/catalogue/evidence-date";
import { CompareToggle, type CompareControl } from "@/components/catalogue/compare-toggle";
import { groupProperties, isGroupKey } from "@/lib/catalogue/property-groups";
import { formatList, propertyLabel, segmentLabel } from "@/lib/i18n/labels";

type CatalogueTableProps = {
  locale: Locale;
  providers: ServiceSummary[];
  properties: PropertyInfo[];
  // the catalogue's add/remove column; other pages show the table without it
  compare?: CompareControl;
  // the URL that sorts by name, when the table can be sorted (and whether it already is)
  sortByName?: { href: string; active: boolean };
  // where the "?" of a column group points: the legend that names and explains each property
  legendHref?: string;
  // false where the page guarantees the width (the catalogue: it fits at a desk and shows cards
  // on a phone), so the header can stick to the window; elsewhere a scrolling region keeps a
  // narrow screen from scrolling sideways
  scroll?: boolean;
};

export function serviceName(p: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === "en" && p.nameEn ? p.nameEn : p.name;
}

export function groupLabel(locale: Locale, category: string): string {
  const groups = catalogueMessages[locale].catalogue.groups;
  return isGroupKey(category) ? groups[category] : category;
}

// The name cell's parts, shared with the phone cards (where the name alone is the heading).
export function ServiceName({ locale, provider }: { locale: Locale; provider: ServiceSummary }) {
  const t = catalogueMessages[locale];
  return (
    <>
      <Link href={localePath(locale, `/providers/${provider.slug}`)} className="service-link">
        {serviceName(provider, locale)}
      </Link>
      {provider.editorsPick ? <span className="badge badge--pick">{t.catalogue.editorsPick}</span> : null}
    </>
  );
}

export function ServiceMeta({ locale, provider }: { locale: Locale; provider: ServiceSummary }) {
  const t = catalogueMessages[locale];
  return (
    <>
      {provider.insecureSettings.length > 0 ? (
        <span className="insecure-note" data-insecure-settings>
          ⚠ {t.warnings.insecureSettings}
        </span>
      ) : null}
      {provider.formerNames.length > 0 ? (
        <span className="former-names">
          {format(t.catalogue.formerly, { names: formatList(locale, provider.formerNames) })}
        </span>
      ) : null}
      <span className="col-kind">
        {t.kinds[provider.kind]} · {segmentLabel(locale, provider.segment)}
      </span>
    </>
  );
}

// Fits a 1366 px screen beside the filters: property columns are grouped (receive / send /
// login) under headers that carry one "?" each, so the header row adds three tab stops rather
// than one link per property; the short names are written sideways, the full name is what
// screen readers hear. Columns are data: a new property lands in its category's group.
export function CatalogueTable({
  locale,
  providers,
  properties,
  compare,
  sortByName,
  legendHref,
  scroll = true,
}: CatalogueTableProps) {
  const t = catalogueMessages[locale];
  const groups = groupProperties(properties);
  const ordered = groups.flatMap((g) => g.properties);
  const table = (
    <table className="support-table catalogue-table">
      <caption id="provider-table-caption">{t.catalogue.tableCaption}</caption>
      <thead>
        <tr className="catalogue-table__groups">
          {compare ? (
            <th scope="col" rowSpan={2} className="col-compare">
              {t.catalogue.compareColumn}
            </th>
          ) : null}
          <th scope="col" rowSpan={2} className="col-service">
            {sortByName && !sortByName.active ? (
              <Link href={sortByName.href} className="sort-link" scroll={false}>
                {t.catalogue.service}
                <span className="sr-only">: {t.catalogue.sortByName}</span>
                <span aria-hidden="true"> ↓</span>
              </Link>
            ) : (
              <>
                {t.catalogue.service}
                {sortByName?.active ? <span className="sr-only">: {t.catalogue.sortedByName}</span> : null}
              </>
            )}
          </th>
          <th scope="col" rowSpan={2} className="col-evidence">
            {t.freshness.column}
          </th>
          {groups.map((g) => (
            <th scope="colgroup" colSpan={g.properties.length} key={g.category} className="col-group">
              {groupLabel(locale, g.category)}
              {legendHref ? (
                <>
                  {" "}
                  <a href={legendHref} className="help-link">
                    <span aria-hidden="true">?</span>
                    <span className="sr-only">
                      {format(t.catalogue.groupHelp, { group: groupLabel(locale, g.category) })}
                    </span>
                  </a>
                </>
              ) : null}
            </th>
          ))}
        </tr>
        <tr className="catalogue-table__properties">
          {ordered.map((p) => (
            <th scope="col" key={p.key} className="col-property" title={propertyLabel(p, locale)}>
              <span aria-hidden="true" className="col-property__short">
                {propertyLabel(p, locale, true)}
              </span>
              <span className="sr-only">{propertyLabel(p, locale)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {providers.map((provider) => (
          <tr key={provider.slug} data-slug={provider.slug}>
            {compare ? (
              <td className="col-compare">
                <CompareToggle
                  locale={locale}
                  slug={provider.slug}
                  name={serviceName(provider, locale)}
                  compare={compare}
                />
              </td>
            ) : null}
            <th scope="row" className="service-cell">
              <ServiceName locale={locale} provider={provider} />
              <ServiceMeta locale={locale} provider={provider} />
            </th>
            <td className="col-evidence">
              <EvidenceDate locale={locale} value={provider.newestEvidence} />
            </td>
            {ordered.map((p) => (
              <td key={p.key} className="col-property">
                <SupportMark
                  value={provider.support[p.key]?.value ?? "unknown"}
                  locale={locale}
                  warnings={claimWarnings(provider.support[p.key])}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="provider-table-caption">
      {table}
    </div>
  ) : (
    table
  );
}
