import { SupportMark } from "@/components/ui/support-mark";
import { EvidenceDate } from "@/components/catalogue/evidence-date";
import { CompareToggle, type CompareControl } from "@/components/catalogue/compare-toggle";
import { groupLabel, serviceName, ServiceMeta, ServiceName } from "@/components/catalogue/catalogue-table";
import { groupProperties } from "@/lib/catalogue/property-groups";
import { propertyLabel } from "@/lib/i18n/labels";
import type { Locale } from "@/lib/i18n/locales";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import type { PropertyInfo } from "@/lib/queries/properties";
import { claimWarnings, type ServiceSummary } from "@/lib/queries/catalogue";

type ServiceCardsProps = {
  locale: Locale;
  providers: ServiceSummary[];
  properties: PropertyInfo[];
  compare: CompareControl;
};

// The phone view of the table: one card per service, its marks listed by group with each
// property's short name beside the mark, so nothing scrolls sideways. Rendered beside the table
// and switched by CSS (display: none takes the hidden one out of the accessibility tree); it
// holds no ids, so the two never clash.
export function ServiceCards({ locale, providers, properties, compare }: ServiceCardsProps) {
  const t = catalogueMessages[locale];
  const groups = groupProperties(properties);
  return (
    <ul className="service-cards" aria-label={t.catalogue.tableCaption}>
      {providers.map((provider) => (
        <li key={provider.slug} className="service-card" data-slug={provider.slug}>
          <div className="service-card__head">
            <div className="service-card__title">
              <h3 className="service-card__name">
                <ServiceName locale={locale} provider={provider} />
              </h3>
              <ServiceMeta locale={locale} provider={provider} />
            </div>
            <CompareToggle
              locale={locale}
              slug={provider.slug}
              name={serviceName(provider, locale)}
              compare={compare}
            />
          </div>
          <p className="service-card__evidence">
            {t.freshness.column}: <EvidenceDate locale={locale} value={provider.newestEvidence} />
          </p>
          {groups.map((g) => (
            <div key={g.category} className="service-card__group">
              <p className="service-card__group-title">{groupLabel(locale, g.category)}</p>
              <dl className="service-card__marks">
                {g.properties.map((p) => (
                  <div key={p.key} title={propertyLabel(p, locale)}>
                    <dt>
                      <span aria-hidden="true">{propertyLabel(p, locale, true)}</span>
                      <span className="sr-only">{propertyLabel(p, locale)}</span>
                    </dt>
                    <dd>
                      <SupportMark
                        value={provider.support[p.key]?.value ?? "unknown"}
                        locale={locale}
                        warnings={claimWarnings(provider.support[p.key])}
                      />
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
