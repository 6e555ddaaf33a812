import Link from "next/link";
import { toQueryString } from "@/lib/catalogue/filters";
import { format } from "@/lib/i18n/format";
import { articleMessages } from "@/lib/i18n/messages/articles";
import { localePath, type Locale } from "@/lib/i18n/locales";
import type { PropertyRecord } from "@/lib/schemas/data";

type CatalogueLinksProps = { locale: Locale; properties: PropertyRecord[] };

// One link per property the article explains, to the catalogue filtered by it.
export function CatalogueLinks({ locale, properties }: CatalogueLinksProps) {
  if (properties.length === 0) return null;
  const t = articleMessages[locale].article;
  return (
    <section className="article-catalogue" aria-labelledby="article-catalogue-heading">
      <h2 id="article-catalogue-heading">{t.catalogue}</h2>
      <ul className="article-catalogue__list">
        {properties.map((p) => (
          <li key={p.key}>
            <Link
              prefetch={false}
              href={localePath(locale, `/providers${toQueryString({ has: [p.key] })}`)}
              data-property={p.key}
            >
              {format(t.servicesWith, { property: p[locale].label })}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
