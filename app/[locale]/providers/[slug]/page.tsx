import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangesAhead } from "@/components/calendar/changes-ahead";
import { ChangeList } from "@/components/changes/change-list";
import { FeedLinks } from "@/components/changes/feed-links";
import { ClaimRows } from "@/components/catalogue/claim-rows";
import { EndpointTable } from "@/components/catalogue/endpoint-table";
import { EvidenceDate } from "@/components/catalogue/evidence-date";
import { RecommendedSettings } from "@/components/catalogue/recommended-settings";
import { ServiceBadge } from "@/components/catalogue/service-badge";
import { ServiceNotices } from "@/components/catalogue/service-notices";
import { serviceName } from "@/components/catalogue/catalogue-table";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { changesMessages } from "@/lib/i18n/messages/changes";
import { serviceMessages } from "@/lib/i18n/messages/service";
import { formatPartialDate, localePath } from "@/lib/i18n/locales";
import { getServiceProperties } from "@/lib/queries/properties";
import { getServiceBySlug, getSourceTitles } from "@/lib/queries/catalogue";
import { getServiceChanges } from "@/lib/queries/changes";
import { getServiceChangesAhead } from "@/lib/queries/calendar";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../../service.css";
import "../../../changes.css";
import "../../../calendar.css";
import { compareQuery } from "@/lib/catalogue/compare-params";
import { correctionHref, getCorrectionsContact, publicSiteUrl } from "@/lib/corrections";
import { getEnv } from "@/lib/env";
import { formatList, propertyLabel, segmentLabel } from "@/lib/i18n/labels";
import { getLocaleParams } from "@/lib/i18n/page-locale";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

// A big free-mail provider lists dozens of domains; the page shows the first ones.
const MAX_DOMAINS_SHOWN = 12;
// The timeline's bound; the service's feed and the changes page carry the rest.
const MAX_CHANGES_SHOWN = 60;

type ServicePageProps = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: ServicePageProps): Promise<Metadata> {
  const { locale, slug } = await getLocaleParams(params);
  const provider = await getServiceBySlug(slug);
  if (!provider) return {};
  const name = serviceName(provider, locale);
  return pageMetadata({
    locale,
    path: `/providers/${slug}`,
    title: name,
    description: format(serviceMessages[locale].metaDescription, { name }),
    feedOf: { slug, name },
  });
}

export default async function ServicePage({ params }: ServicePageProps) {
  const { locale, slug } = await getLocaleParams(params);
  const [provider, properties, history] = await Promise.all([
    getServiceBySlug(slug),
    getServiceProperties(),
    getServiceChanges(slug),
  ]);
  if (!provider) notFound();
  const ahead = getServiceChangesAhead(provider.slug);
  const changes = history?.changes ?? [];
  const tc = changesMessages[locale];
  const t = serviceMessages[locale];
  const c = catalogueMessages[locale];
  const contradicted = properties.filter((p) => provider.probes[p.key]?.contradicts);
  // the mail domain's protection is its own section: its claims come from the verification
  // job's check of the service's domain, and "unknown" there means not checkable from here
  const domainProperties = properties.filter((p) => p.category === "domain");
  const name = serviceName(provider, locale);
  const companyName = locale === "en" && provider.company.nameEn ? provider.company.nameEn : provider.company.name;
  const homepage = provider.homepage ?? provider.company.homepage;
  const sources = await getSourceTitles([...new Set(provider.notices.map((n) => n.source))]);
  // Without a configured contact the page offers no report link: there is nobody to send it to.
  const contact = getCorrectionsContact();
  const siteUrl = publicSiteUrl(getEnv().SITE_URL);
  const subject = { locale, service: { slug: provider.slug, name } };
  const corrections = contact
    ? Object.fromEntries(
        properties.map((p) => [
          p.key,
          correctionHref(contact, { ...subject, property: { key: p.key, label: propertyLabel(p, locale) } }, siteUrl),
        ]),
      )
    : undefined;

  return (
    <article className="page provider">
      <p className="breadcrumb">
        <Link href={localePath(locale, "/providers")}>{t.backToList}</Link>
      </p>
      <h1>
        {name}
        {provider.editorsPick ? <span className="badge badge--pick">{c.catalogue.editorsPick}</span> : null}
      </h1>
      <div className="service-actions">
        {/* One service to start from; the comparison page searches for and adds the others. */}
        <Link
          className="button"
          href={localePath(locale, `/compare${compareQuery([provider.slug])}`)}
          data-add-compare
          aria-describedby="compare-hint"
        >
          {t.compare}
        </Link>
        <span id="compare-hint" className="hint">
          {t.compareHint}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t.company}</dt>
          <dd>{companyName}</dd>
        </div>
        {provider.plan ? (
          <div>
            <dt>{t.plan}</dt>
            <dd>{provider.plan}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.kind}</dt>
          <dd>
            {c.kinds[provider.kind]} <span className="muted">({t.kindBasis[provider.kindBasis]})</span>
          </dd>
        </div>
        <div>
          <dt>{t.segment}</dt>
          <dd>{segmentLabel(locale, provider.segment)}</dd>
        </div>
        <div>
          <dt>{c.freshness.column}</dt>
          <dd>
            <EvidenceDate locale={locale} value={provider.newestEvidence} />
          </dd>
        </div>
        {provider.domains.length > 0 ? (
          <div>
            <dt>{t.domains}</dt>
            <dd data-domains>
              {formatList(locale, provider.domains.slice(0, MAX_DOMAINS_SHOWN))}
              {provider.domains.length > MAX_DOMAINS_SHOWN
                ? ` ${format(t.domainsMore, { count: provider.domains.length - MAX_DOMAINS_SHOWN })}`
                : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t.status}</dt>
          <dd>
            {c.status[provider.status]}
            {provider.statusAsOf
              ? ` (${format(t.statusAsOf, { date: formatPartialDate(locale, provider.statusAsOf) })})`
              : null}
          </dd>
        </div>
        {provider.formerNameDetails.length > 0 ? (
          <div>
            <dt>{t.formerNames}</dt>
            <dd>
              <ul className="plain-list">
                {provider.formerNameDetails.map((f) => (
                  <li key={f.name}>
                    {f.name}
                    {f.until ? ` (${format(t.until, { date: formatPartialDate(locale, f.until) })})` : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {homepage ? (
          <div>
            <dt>{t.homepage}</dt>
            <dd>
              <a href={homepage} rel="noopener noreferrer external">
                {homepage}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <ChangesAhead entries={ahead} locale={locale} />

      <RecommendedSettings locale={locale} endpoints={provider.endpoints} />

      <section>
        <h2 id="support-heading">{t.support}</h2>
        <p>{t.supportLead}</p>
        {contradicted.length > 0 ? (
          <p className="notice" data-probe-contradictions>
            {format(t.probe.contradictionsSummary, {
              properties: formatList(
                locale,
                contradicted.map((p) => propertyLabel(p, locale)),
              ),
            })}
          </p>
        ) : null}
        <ClaimRows
          locale={locale}
          properties={properties.filter((p) => p.category !== "domain")}
          claimsByProperty={provider.claimsByProperty}
          probes={provider.probes}
          disagreements={provider.disagreements}
          corrections={corrections}
        />
      </section>

      {domainProperties.length > 0 ? (
        <section data-domain-protection>
          <h2 id="domain-heading">{t.domain.title}</h2>
          <p>{t.domain.lead}</p>
          <ClaimRows
            locale={locale}
            properties={domainProperties}
            claimsByProperty={provider.claimsByProperty}
            probes={provider.probes}
            disagreements={provider.disagreements}
            corrections={corrections}
            noClaim={t.domain.noClaim}
            label={t.domain.title}
          />
        </section>
      ) : null}

      <ServiceNotices locale={locale} notices={provider.notices} sources={sources} />

      <section>
        <h2 id="endpoints-heading">{t.endpoints}</h2>
        <EndpointTable locale={locale} endpoints={provider.endpoints} />
      </section>

      <section aria-labelledby="history-heading" data-change-history>
        <h2 id="history-heading">{tc.timeline.title}</h2>
        <p>{tc.timeline.lead}</p>
        {changes.length === 0 ? (
          <p>{tc.timeline.none}</p>
        ) : (
          <ChangeList
            locale={locale}
            changes={changes.slice(0, MAX_CHANGES_SHOWN)}
            propertyLabels={Object.fromEntries(properties.map((p) => [p.key, propertyLabel(p, locale)]))}
          />
        )}
        {changes.length > MAX_CHANGES_SHOWN ? (
          <p>{format(tc.timeline.more, { count: changes.length - MAX_CHANGES_SHOWN })}</p>
        ) : null}
        <FeedLinks locale={locale} slug={provider.slug} />
        <p>
          <Link href={localePath(locale, "/changes")}>{tc.timeline.all}</Link>
        </p>
      </section>

      <ServiceBadge locale={locale} slug={provider.slug} name={name} support={provider.support} origin={siteUrl} />

      {contact ? (
        <section aria-labelledby="correction-heading" data-corrections>
          <h2 id="correction-heading">{t.correction.title}</h2>
          <p>{t.correction.lead}</p>
          <p>
            <a className="button button--secondary" href={correctionHref(contact, subject, siteUrl)}>
              {t.correction.linkService}
            </a>
          </p>
        </section>
      ) : null}
    </article>
  );
}
