import Link from "next/link";
import { createElement, type ReactElement, type ReactNode } from "react";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { format } from "@/lib/i18n/format";
import { formatPartialDate, localePath, type Locale } from "@/lib/i18n/locales";
import type { PropertyInfo } from "@/lib/queries/properties";
import { claimWarnings, type ServiceSummary } from "@/lib/queries/catalogue";
import { EvidenceDate } from "@/components/catalogue/evidence-date";
import { CompareToggle, type CompareControl } from "@/components/catalogue/compare-toggle";
import { ServiceLink } from "@/components/catalogue/service-link";
import { groupProperties, isSummaryGroup, tableProperties, type PropertyGroup } from "@/lib/catalogue/property-groups";
import { columnStylesheet, groupLabel } from "@/lib/catalogue/column-styles";
import { formatList, propertyLabel, segmentLabel } from "@/lib/i18n/labels";
import { SUPPORT_VALUES, type SupportValue } from "@/lib/schemas/data";

type CatalogueTableProps = {
  locale: Locale;
  providers: ServiceSummary[];
  properties: PropertyInfo[];
  compare: CompareControl;
  // the URL that sorts by name (and whether the list already is)
  sortByName: { href: string; active: boolean };
  // where the "?" of a column group points: the legend that names and explains each property
  legendHref: string;
};

export function serviceName(p: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === "en" && p.nameEn ? p.nameEn : p.name;
}

const WARNING_KEYS = ["password-without-tls", "only-unencrypted-settings"] as const;
type WarningKey = (typeof WARNING_KEYS)[number];
const isWarningKey = (w: string): w is WarningKey => (WARNING_KEYS as readonly string[]).includes(w);

type Shared = Promise<ReactElement>;
const share = (element: ReactElement): Shared => Promise.resolve(element);
function memo<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    const known = made.get(key);
    if (known !== undefined) return known;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}

// The catalogue's list, one markup for every screen: a table at a desk, where the property columns
// are grouped (receive / send / login) under headers that carry one "?" each and the short names
// are written sideways; a card per service on a phone (below 50rem, app/catalogue.css), where
// each mark shows its property's short name and each group its title. A 20-row page has 220
// marks, so a mark is only a class and its label: the symbol and the names come from CSS (a
// stylesheet generated from the property list, lib/catalogue/column-styles.ts), and the cells with
// the same value are one element, which the RSC payload sends once.
export function CatalogueTable({
  locale,
  providers,
  properties,
  compare,
  sortByName,
  legendHref,
}: CatalogueTableProps) {
  const t = catalogueMessages[locale];
  const groups = groupProperties(tableProperties(properties));
  // a summary group is one column (one cell per row), every other group a column per property
  const columns = groups.flatMap((g): Array<PropertyInfo | PropertyGroup<PropertyInfo>> =>
    isSummaryGroup(g.category) ? [g] : g.properties,
  );
  // Parts many rows share are made once, as settled promises of their element: the RSC payload
  // writes a promise once and refers to it by a short id ("$@1f") wherever it appears again,
  // where a repeated element would be written again or referred to by a long path. React renders
  // a settled promise as its value, on the server and in the browser.
  const plain = {} as Record<SupportValue, Shared>;
  // "unknown", the commonest value, is a cell without a class (app/catalogue.css).
  for (const v of SUPPORT_VALUES)
    plain[v] = share(<td className={v === "unknown" ? undefined : `m-${v}`}>{t.support[v].label}</td>);
  const pick = share(<span className="badge badge--pick">{t.catalogue.editorsPick}</span>);
  const insecure = share(
    <span className="insecure-note" data-insecure-settings>
      ⚠ {t.warnings.insecureSettings}
    </span>,
  );
  const kindOf = memo((text: string) => share(<span className="col-kind">{text}</span>));
  // The oldest "last verified" day is shown under the newest evidence where the two differ, in a
  // bare <small> whose label comes from the column stylesheet (--ov, read aloud as generated
  // content), as the property columns' do. Both dates are shared parts of their own, so rows with the same newest
  // date still send its (possibly "stale"-badged) markup once: a label, a class or an unshared
  // date on every row would cost the 20-row page its budget (scripts/check-weight.ts).
  const newestOf = memo((value: string) => share(<EvidenceDate locale={locale} value={value || null} />));
  const oldestOf = memo((value: string) => share(<small>{formatPartialDate(locale, value)}</small>));
  const evidenceOf = memo((dates: string) => {
    const [newest = "", oldest = ""] = dates.split("|");
    return share(
      <td className="col-evidence">
        {newestOf(newest)}
        {oldest && oldest !== newest ? oldestOf(oldest) : null}
      </td>,
    );
  });

  // "2/4": how many of the group's properties are "yes", their names read aloud; a row where
  // none is known is the plain "unknown" cell (the commonest, shared), never "0/4", since a check
  // not made says nothing. One element per distinct summary, shared like the marks.
  const summaryOf = memo((key: string) => {
    const [yes = "", total = "", names = ""] = key.split("|");
    const value = yes === total ? "yes" : yes === "0" ? "no" : "partial";
    return share(
      <td className={`s m-${value}`}>
        {`${yes}/${total}`}
        {names ? <span className="sr-only">{format(t.catalogue.domainSummaryNames, { names })}</span> : null}
      </td>,
    );
  });
  const summary = (provider: ServiceSummary, group: PropertyInfo[]): ReactNode => {
    const values = group.map((p) => provider.support[p.key]?.value ?? "unknown");
    if (values.every((v) => v === "unknown")) return plain.unknown;
    const yes = group.filter((_, i) => values[i] === "yes");
    return summaryOf(
      `${yes.length}|${group.length}|${formatList(
        locale,
        yes.map((p) => propertyLabel(p, locale, true)),
      )}`,
    );
  };

  const mark = (provider: ServiceSummary, p: PropertyInfo): ReactNode => {
    const claim = provider.support[p.key];
    const value = claim?.value ?? "unknown";
    const warnings = claimWarnings(claim).filter(isWarningKey);
    if (warnings.length === 0) return plain[value];
    const text = warnings.map((w) => t.warnings[w]).join(" / ");
    return (
      <td className={`m-${value} w`} data-warning={warnings.join(" ")} title={text}>
        {t.support[value].label}
        {locale === "ja" ? `（${text}）` : ` (${text})`}
      </td>
    );
  };

  return (
    <table className="support-table catalogue-table">
      <link rel="stylesheet" href={columnStylesheet(locale, properties).href} precedence="default" />
      <caption id="provider-table-caption">{t.catalogue.tableCaption}</caption>
      <thead>
        <tr className="catalogue-table__groups">
          <th rowSpan={2} className="col-compare">
            {t.catalogue.compareColumn}
          </th>
          <th rowSpan={2} className="col-service">
            {sortByName.active ? (
              <>
                {t.catalogue.service}
                <span className="sr-only">: {t.catalogue.sortedByName}</span>
              </>
            ) : (
              <Link href={sortByName.href} className="sort-link" scroll={false} prefetch={false}>
                {t.catalogue.service}
                <span className="sr-only">: {t.catalogue.sortByName}</span>
                <span aria-hidden="true"> ↓</span>
              </Link>
            )}
          </th>
          <th rowSpan={2} className="col-evidence">
            {t.freshness.column}
          </th>
          {groups.map((g) => (
            // a summary group is one column: its header spans both rows (the column sheet gives it
            // no sideways name) and its full name is the legend's
            <th
              key={g.category}
              className="col-group"
              {...(isSummaryGroup(g.category) ? { rowSpan: 2 } : { scope: "colgroup", colSpan: g.properties.length })}
            >
              {groupLabel(locale, g.category)}{" "}
              <a href={legendHref} className="help-link">
                <span aria-hidden="true">?</span>
                <span className="sr-only">
                  {format(t.catalogue.groupHelp, { group: groupLabel(locale, g.category) })}
                </span>
              </a>
            </th>
          ))}
        </tr>
        {/* the full name is the header's text, for screen readers and reading without CSS; the
            short name written sideways comes from the column sheet. A th in the thead is a column
            header without scope="col" (HTML's "auto" state), and the cells are positional: both
            would be sent twice per column for nothing. */}
        {createElement(
          "tr",
          { className: "catalogue-table__properties" },
          ...columns.flatMap((c) => ("key" in c ? [createElement("th", null, propertyLabel(c, locale))] : [])),
        )}
      </thead>
      {createElement(
        "tbody",
        null,
        // Positional children (createElement's rest arguments), not keyed lists: the cells of a
        // row never move, and a shared cell element may appear in it more than once; a row is
        // replaced, not moved, when the filters change, so its slug as a key (sent for every row)
        // would buy nothing.
        ...providers.map((provider) =>
          createElement(
            "tr",
            null,
            <td>
              <CompareToggle
                locale={locale}
                slug={provider.slug}
                name={serviceName(provider, locale)}
                compare={compare}
              />
            </td>,
            // a th in a row of tds is its row's header without scope="row" (HTML's "auto" state)
            <th>
              <ServiceLink href={localePath(locale, `/providers/${provider.slug}`)}>
                {serviceName(provider, locale)}
              </ServiceLink>
              {provider.editorsPick ? pick : null}
              {provider.insecureSettings.length > 0 ? insecure : null}
              {provider.formerNames.length > 0 ? (
                <span className="former-names">
                  {format(t.catalogue.formerly, { names: formatList(locale, provider.formerNames) })}
                </span>
              ) : null}
              {kindOf(`${t.kinds[provider.kind]} · ${segmentLabel(locale, provider.segment)}`)}
            </th>,
            evidenceOf(`${provider.newestEvidence ?? ""}|${provider.oldestVerified ?? ""}`),
            ...columns.map((c) => ("key" in c ? mark(provider, c) : summary(provider, c.properties))),
          ),
        ),
      )}
    </table>
  );
}
