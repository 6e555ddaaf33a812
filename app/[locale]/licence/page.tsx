import Link from "next/link";
import { licenceMessages } from "@/lib/i18n/messages/licence";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { getLocale } from "@/lib/i18n/page-locale";
import { CC_BY_URL, SNAPSHOT_PATH, SNAPSHOT_SCHEMA_PATH } from "@/lib/open-data/snapshot-schema";
import { getSourceListing, type SourceListing } from "@/lib/queries/home";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../home.css";

// The datasets' licences are stored by the importer, which runs while the site does.
export const dynamic = "force-dynamic";

type LicencePageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: LicencePageProps) {
  const locale = await getLocale(params);
  const t = licenceMessages[locale];
  return pageMetadata({ locale, path: "/licence", title: t.title, description: t.description });
}

function sourceTitle(s: Pick<SourceListing, "title" | "titleEn">, locale: Locale): string {
  return locale === "en" && s.titleEn ? s.titleEn : s.title;
}

export default async function LicencePage({ params }: LicencePageProps) {
  const locale = await getLocale(params);
  const t = licenceMessages[locale];
  const datasets = (await getSourceListing()).filter((s) => s.kind === "dataset");

  return (
    <div className="page narrow about">
      <h1>{t.title}</h1>

      <section aria-labelledby="licence-own">
        <h2 id="licence-own">{t.own.title}</h2>
        <p>{t.own.body}</p>
        <p>
          <a href={CC_BY_URL} rel="license">
            {t.own.link}
          </a>
        </p>
        <p>{t.own.unknown}</p>
      </section>

      <section aria-labelledby="licence-downloads">
        <h2 id="licence-downloads">{t.downloads.title}</h2>
        <ul className="about-list">
          <li>
            <a href="/api/providers.csv" download>
              {t.downloads.csv}
            </a>
            : {t.downloads.csvNote}
          </li>
          <li>
            <a href={SNAPSHOT_PATH}>{t.downloads.json}</a>: {t.downloads.jsonNote} (
            <a href={SNAPSHOT_SCHEMA_PATH}>{t.downloads.schema}</a>)
          </li>
          <li>{t.downloads.autoconfig}</li>
        </ul>
        <p>{t.downloads.caching}</p>
      </section>

      <section aria-labelledby="licence-sources">
        <h2 id="licence-sources">{t.sources.title}</h2>
        <p>{t.sources.intro}</p>
        <h3>{t.sources.datasetsTitle}</h3>
        <ul className="about-list">
          {datasets.map((s) => (
            <li key={s.key} data-source={s.key}>
              {s.url ? <a href={s.url}>{sourceTitle(s, locale)}</a> : sourceTitle(s, locale)}:{" "}
              {t.sources.datasets[s.key] ?? s.license ?? t.sources.noLicense}
            </li>
          ))}
        </ul>
        <p>{t.sources.pages}</p>
        <p>{t.sources.probe}</p>
        <p>
          <Link prefetch={false} href={localePath(locale, "/about")}>
            {t.sources.about}
          </Link>
        </p>
      </section>
    </div>
  );
}
