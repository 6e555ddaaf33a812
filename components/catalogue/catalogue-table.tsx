import Link from "next/link";
import { SupportMark } from "@/components/ui/support-mark";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { format } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/locales";
import type { PropertyInfo } from "@/lib/queries/properties";
import { claimWarnings, type ServiceSummary } from "@/lib/queries/catalogue";
import { EvidenceDate } from "@/components/catalogue/evidence-date";
import { formatList, propertyLabel, segmentLabel } from "@/lib/i18n/labels";

type CatalogueTableProps = {
  locale: Locale;
  providers: ServiceSummary[];
  properties: PropertyInfo[];
  // id of the comparison form the row checkboxes belong to (it sits outside the table)
  compareFormId?: string;
};

export function serviceName(p: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === "en" && p.nameEn ? p.nameEn : p.name;
}

export function CatalogueTable({ locale, providers, properties, compareFormId }: CatalogueTableProps) {
  const t = catalogueMessages[locale];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="provider-table-caption">
      <table className="support-table">
        <caption id="provider-table-caption">{t.catalogue.tableCaption}</caption>
        <thead>
          <tr>
            {compareFormId ? (
              <th scope="col" className="col-compare">
                {t.catalogue.compareColumn}
              </th>
            ) : null}
            <th scope="col">{t.catalogue.service}</th>
            <th scope="col">{t.catalogue.segmentColumn}</th>
            <th scope="col">{t.freshness.column}</th>
            {properties.map((p) => (
              <th scope="col" key={p.key} className="col-property">
                {p.articleSlug ? (
                  <Link href={localePath(locale, `/articles/${p.articleSlug}`)} title={propertyLabel(p, locale)}>
                    {propertyLabel(p, locale, true)}
                  </Link>
                ) : (
                  <abbr title={propertyLabel(p, locale)}>{propertyLabel(p, locale, true)}</abbr>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {providers.map((provider) => {
            const name = serviceName(provider, locale);
            return (
              <tr key={provider.slug} data-slug={provider.slug}>
                {compareFormId ? (
                  <td className="col-compare">
                    <input
                      type="checkbox"
                      name="s"
                      value={provider.slug}
                      form={compareFormId}
                      aria-label={format(t.catalogue.compareSelect, { name })}
                    />
                  </td>
                ) : null}
                <th scope="row" className="service-cell">
                  <Link href={localePath(locale, `/providers/${provider.slug}`)}>{name}</Link>
                  {provider.editorsPick ? <span className="badge badge--pick">{t.catalogue.editorsPick}</span> : null}
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
                </th>
                <td className="col-kind">
                  {t.kinds[provider.kind]}
                  <span className="muted"> · {segmentLabel(locale, provider.segment)}</span>
                </td>
                <td className="col-evidence">
                  <EvidenceDate locale={locale} value={provider.newestEvidence} />
                </td>
                {properties.map((p) => (
                  <td key={p.key} className="col-property">
                    <SupportMark
                      value={provider.support[p.key]?.value ?? "unknown"}
                      locale={locale}
                      warnings={claimWarnings(provider.support[p.key])}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
