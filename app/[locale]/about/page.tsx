import { STALE_AFTER_MONTHS } from "@/lib/catalogue/freshness";
import { EVIDENCE_TIERS, type EvidenceKind } from "@/lib/catalogue/claim-rank";
import { getCorrectionsContact } from "@/lib/corrections";
import { format } from "@/lib/i18n/format";
import { aboutMessages } from "@/lib/i18n/messages/about";
import { formatNumber, formatPartialDate, type Locale } from "@/lib/i18n/locales";
import { getLocale } from "@/lib/i18n/page-locale";
import { getSourceListing, type SourceListing } from "@/lib/queries/home";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../home.css";

// Sources are added by imports and probes while the site runs.
export const dynamic = "force-dynamic";

type AboutPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: AboutPageProps) {
  const locale = await getLocale(params);
  const t = aboutMessages[locale];
  return pageMetadata({ locale, path: "/about", title: t.title, description: t.description });
}

// Strongest evidence first, the order in which a disagreement is settled.
const KINDS = (Object.keys(EVIDENCE_TIERS) as EvidenceKind[]).sort((a, b) => EVIDENCE_TIERS[b] - EVIDENCE_TIERS[a]);

export default async function AboutPage({ params }: AboutPageProps) {
  const locale = await getLocale(params);
  const t = aboutMessages[locale];
  const sources = await getSourceListing();
  const contact = getCorrectionsContact();
  const datasets = sources.filter((s) => s.kind === "dataset");

  return (
    <div className="page narrow about">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>

      <section aria-labelledby="about-sources">
        <h2 id="about-sources">{t.sources.title}</h2>
        <p>{format(t.sources.intro, { count: formatNumber(locale, sources.length) })}</p>
        {KINDS.map((kind) => (
          <SourceGroup key={kind} locale={locale} kind={kind} sources={sources.filter((s) => s.kind === kind)} />
        ))}
      </section>

      <section aria-labelledby="about-dating">
        <h2 id="about-dating">{t.dating.title}</h2>
        <ul className="about-list">
          {t.dating.items.map((item) => (
            <li key={item}>{format(item, { months: STALE_AFTER_MONTHS })}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="about-corrections" id="corrections">
        <h2 id="about-corrections">{t.corrections.title}</h2>
        <p>{t.corrections.intro}</p>
        {contact === null ? (
          <p data-contact="none">{t.corrections.none}</p>
        ) : contact.kind === "email" ? (
          <p data-contact="email">
            <a href={contact.href}>{format(t.corrections.email, { value: contact.address })}</a>
          </p>
        ) : (
          <p data-contact="url">
            <a href={contact.href}>{t.corrections.url}</a>
          </p>
        )}
        <p>{t.corrections.include}</p>
      </section>

      <section aria-labelledby="about-licenses">
        <h2 id="about-licenses">{t.licenses.title}</h2>
        <p>{t.licenses.intro}</p>
        <ul className="about-list">
          {datasets.map((s) => (
            <li key={s.key}>
              {sourceTitle(s, locale)}: {s.license ?? t.sources.noLicense}
            </li>
          ))}
        </ul>
        <p>{t.licenses.fairemail}</p>
        <p>{t.licenses.articles}</p>
      </section>
    </div>
  );
}

function sourceTitle(s: Pick<SourceListing, "title" | "titleEn">, locale: Locale): string {
  return locale === "en" && s.titleEn ? s.titleEn : s.title;
}

function SourceDate({ locale, source }: { locale: Locale; source: SourceListing }) {
  const t = aboutMessages[locale].sources;
  if (!source.asOf) return null;
  const date = <time dateTime={source.asOf}>{formatPartialDate(locale, source.asOf)}</time>;
  if (!source.undated) return date;
  const [before = "", after = ""] = t.readOn.split("{date}");
  return (
    <>
      {before}
      {date}
      {after}
    </>
  );
}

function SourceName({ locale, source }: { locale: Locale; source: SourceListing }) {
  const title = sourceTitle(source, locale);
  return source.url ? <a href={source.url}>{title}</a> : <>{title}</>;
}

// Datasets are few and carry a version and licence: one card each, which fits a phone. Pages and documents are many: a
// list, folded once it grows past a screen.
function SourceGroup({ locale, kind, sources }: { locale: Locale; kind: EvidenceKind; sources: SourceListing[] }) {
  const t = aboutMessages[locale].sources;
  const n = (value: number) => formatNumber(locale, value);
  const headingId = `sources-${kind}`;
  return (
    <section aria-labelledby={headingId} data-source-kind={kind}>
      <h3 id={headingId}>
        {t.kinds[kind]} ({n(sources.length)})
      </h3>
      <p>{t.kindIntro[kind]}</p>
      {sources.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : kind === "dataset" ? (
        <ul className="dataset-list">
          {sources.map((s) => (
            <li key={s.key} data-source={s.key} className="dataset">
              <h4 className="dataset__name">
                <SourceName locale={locale} source={s} />
              </h4>
              <dl className="dataset__facts">
                <div>
                  <dt>{t.version}</dt>
                  <dd>{s.version ?? "—"}</dd>
                </div>
                <div>
                  <dt>{t.date}</dt>
                  <dd>
                    <SourceDate locale={locale} source={s} />
                  </dd>
                </div>
                <div>
                  <dt>{t.license}</dt>
                  <dd>{s.license ?? t.noLicense}</dd>
                </div>
                <div>
                  <dt>{t.claims}</dt>
                  <dd>{n(s.claims)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <SourceList locale={locale} sources={sources} />
      )}
    </section>
  );
}

const FOLD_AFTER = 8;

function SourceList({ locale, sources }: { locale: Locale; sources: SourceListing[] }) {
  const t = aboutMessages[locale].sources;
  const items = sources.map((s) => (
    <li key={s.key} data-source={s.key}>
      <SourceName locale={locale} source={s} />{" "}
      <span className="muted">
        <SourceDate locale={locale} source={s} />
      </span>
    </li>
  ));
  if (sources.length <= FOLD_AFTER) return <ul className="about-sources">{items}</ul>;
  return (
    <details className="about-details">
      <summary>{format(t.showAll, { count: formatNumber(locale, sources.length) })}</summary>
      <ul className="about-sources">{items}</ul>
    </details>
  );
}
