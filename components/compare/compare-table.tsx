import Link from "next/link";
import { GROUP_ORDER } from "@/lib/catalogue/property-groups";
import { serviceName } from "@/components/catalogue/catalogue-table";
import { EvidenceDate } from "@/components/catalogue/evidence-date";
import { SupportMark } from "@/components/ui/support-mark";
import { compareQuery } from "@/lib/catalogue/compare-params";
import { format } from "@/lib/i18n/format";
import { propertyLabel, segmentLabel } from "@/lib/i18n/labels";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { compareMessages } from "@/lib/i18n/messages/compare";
import { claimWarnings, type ServiceSummary } from "@/lib/queries/catalogue";
import type { PropertyInfo } from "@/lib/queries/properties";

type CompareTableProps = {
  locale: Locale;
  services: ServiceSummary[];
  properties: PropertyInfo[];
  // kept on the remove links, so removing a service leaves an open search as it was
  query: string;
};

// every group, the mail domain's too: the compare page has room for a row per property
const GROUPS = GROUP_ORDER;

// Features down the side, services across: four services fit a desk screen, and on a phone the
// feature column stays put while the service columns scroll inside the table's own region.
export function CompareTable({ locale, services, properties, query }: CompareTableProps) {
  const t = compareMessages[locale];
  const slugs = services.map((s) => s.slug);
  const columns = services.length + 1;
  const removeHref = (slug: string) => {
    const params = new URLSearchParams(compareQuery(slugs.filter((s) => s !== slug)).slice(1));
    if (query) params.set("q", query);
    const q = params.toString();
    return localePath(locale, `/compare${q ? `?${q}` : ""}`);
  };
  return (
    <>
      <p className="hint compare-scroll-hint">{t.scrollHint}</p>
      <div className="compare-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
        <table className="compare-table" data-columns={services.length}>
          <caption id="compare-caption">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="compare-table__corner">
                {t.property}
              </th>
              {services.map((s) => {
                const name = serviceName(s, locale);
                return (
                  <th scope="col" key={s.slug} data-slug={s.slug}>
                    <Link
                      prefetch={false}
                      className="compare-table__name"
                      href={localePath(locale, `/providers/${s.slug}`)}
                    >
                      {name}
                    </Link>
                    <Link
                      prefetch={false}
                      className="compare-remove"
                      href={removeHref(s.slug)}
                      aria-label={format(t.remove, { name })}
                      data-remove={s.slug}
                    >
                      {t.removeShort}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.evidence}</th>
              {services.map((s) => (
                <td key={s.slug}>
                  <EvidenceDate locale={locale} value={s.newestEvidence} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.segment}</th>
              {services.map((s) => (
                <td key={s.slug}>{segmentLabel(locale, s.segment)}</td>
              ))}
            </tr>
          </tbody>
          {GROUPS.map((group) => {
            const rows = properties.filter((p) => p.category === group);
            if (rows.length === 0) return null;
            return (
              <tbody key={group} data-group={group}>
                <tr className="compare-table__group">
                  <th scope="rowgroup" colSpan={columns}>
                    <span>{t.groups[group]}</span>
                  </th>
                </tr>
                {rows.map((p) => (
                  <tr key={p.key} data-property={p.key}>
                    <th scope="row">
                      {propertyLabel(p, locale)}
                      {p.articleSlug ? (
                        <>
                          {" "}
                          <Link
                            prefetch={false}
                            className="compare-explain"
                            href={localePath(locale, `/articles/${p.articleSlug}`)}
                          >
                            {t.explain}
                            <span className="sr-only">: {propertyLabel(p, locale)}</span>
                          </Link>
                        </>
                      ) : null}
                    </th>
                    {services.map((s) => {
                      const claim = s.support[p.key];
                      return (
                        <td key={s.slug}>
                          <SupportMark
                            value={claim?.value ?? "unknown"}
                            locale={locale}
                            showLabel
                            warnings={claimWarnings(claim)}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </>
  );
}
