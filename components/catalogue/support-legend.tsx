import Link from "next/link";
import { SupportMark } from "@/components/ui/support-mark";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { propertyLabel } from "@/lib/i18n/labels";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { SUPPORT_VALUES } from "@/lib/schemas/data";
import type { PropertyInfo } from "@/lib/queries/properties";

// Each property's full name links to the article that explains it (the catalogue's "?" headers
// point here).
export function SupportLegend({ locale, properties }: { locale: Locale; properties: PropertyInfo[] }) {
  const t = catalogueMessages[locale];
  return (
    <section id="legend" className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t.legend.title}</h2>
      <ul className="legend__marks">
        {SUPPORT_VALUES.map((value) => (
          <li key={value}>
            <SupportMark value={value} locale={locale} showLabel />
          </li>
        ))}
      </ul>
      <p className="legend__note">{t.legend.unknownNote}</p>
      <dl className="legend__properties">
        {properties.map((p) => (
          <div key={p.key}>
            <dt>{propertyLabel(p, locale, true)}</dt>
            <dd>
              {p.articleSlug ? (
                <Link href={localePath(locale, `/articles/${p.articleSlug}`)} prefetch={false}>
                  {propertyLabel(p, locale)}
                </Link>
              ) : (
                propertyLabel(p, locale)
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
