import Link from "next/link";
import { toQueryString, type CatalogueFilters } from "@/lib/catalogue/filters";
import { homeMessages } from "@/lib/i18n/messages/home";
import { localePath, type Locale } from "@/lib/i18n/locales";

export function StartPoints({ locale }: { locale: Locale }) {
  const t = homeMessages[locale].start;
  const catalogue = (filters: Partial<CatalogueFilters>) => localePath(locale, `/providers${toQueryString(filters)}`);
  return (
    <section aria-labelledby="start-title">
      <h2 id="start-title">{t.title}</h2>
      <ul className="start-points">
        <li className="start-point">
          <h3>{t.catalogue.title}</h3>
          <p>{t.catalogue.body}</p>
          <ul className="start-point__links">
            <li>
              <Link href={catalogue({ has: ["imaps", "smtps"] })}>{t.catalogue.implicitBoth}</Link>
            </li>
            <li>
              <Link href={catalogue({ has: ["pop3s", "smtps"] })}>{t.catalogue.pop3Send}</Link>
            </li>
            <li>
              <Link href={catalogue({ has: ["smtps"], segment: "business" })}>{t.catalogue.business}</Link>
            </li>
            <li>
              <Link href={catalogue({})}>{t.catalogue.all}</Link>
            </li>
          </ul>
        </li>
        <li className="start-point">
          <h3>{t.received.title}</h3>
          <p>{t.received.body}</p>
          <p className="start-point__links">
            <Link className="button" href={localePath(locale, "/tools/received")}>
              {t.received.link}
            </Link>
          </p>
        </li>
        <li className="start-point">
          <h3>{t.check.title}</h3>
          <p>{t.check.body}</p>
          <p className="start-point__links">
            <Link className="button" href={localePath(locale, "/tools/check")}>
              {t.check.link}
            </Link>
          </p>
        </li>
      </ul>
    </section>
  );
}
