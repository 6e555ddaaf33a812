import Link from "next/link";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { propertyLabel } from "@/lib/i18n/labels";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { SUPPORT_VALUES } from "@/lib/schemas/data";
import type { PropertyInfo } from "@/lib/queries/properties";

export const LEGEND_PATH = "/providers/legend";

// Each mark with its label: the markup of SupportMark without its warning parts, which a legend
// never shows.
function Marks({ locale }: { locale: Locale }) {
  const t = catalogueMessages[locale];
  return (
    <>
      <ul className="legend__marks">
        {SUPPORT_VALUES.map((value) => (
          <li key={value} className={`support support--${value}`}>
            <span aria-hidden="true" className="support__mark">
              {t.support[value].mark}
            </span>
            {t.support[value].label}
          </li>
        ))}
      </ul>
      <p className="legend__note">{t.legend.unknownNote}</p>
    </>
  );
}

// What the marks mean; `properties` adds each property's short and full name, the full name
// linking to the article that explains it. Without them (the catalogue, where every byte of a
// page is paid for each visit) a link leads to the page with the whole legend.
export function SupportLegend({ locale, properties }: { locale: Locale; properties?: PropertyInfo[] }) {
  const t = catalogueMessages[locale];
  return (
    <section id="legend" className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t.legend.title}</h2>
      <Marks locale={locale} />
      {properties ? (
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
      ) : (
        <p>
          <Link href={localePath(locale, LEGEND_PATH)} prefetch={false}>
            {t.legend.more}
          </Link>
        </p>
      )}
    </section>
  );
}
