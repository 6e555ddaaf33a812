import type { Metadata } from "next";
import Link from "next/link";
import { ChangesAheadList } from "@/components/calendar/changes-ahead";
import { SupportLegend } from "@/components/catalogue/support-legend";
import { SourceCitation } from "@/components/ui/source-citation";
import { SupportMark } from "@/components/ui/support-mark";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { getClientChangesAhead } from "@/lib/queries/calendar";
import { getClients, isClientHistory, type ClientSummary } from "@/lib/queries/clients";
import { getClientProperties, type PropertyInfo } from "@/lib/queries/properties";
import { pageMetadata } from "@/lib/seo/metadata";
import { propertyLabel } from "@/lib/i18n/labels";
import { getLocale } from "@/lib/i18n/page-locale";
import "../../calendar.css";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

type ClientsPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: ClientsPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  return pageMetadata({
    locale,
    path: "/clients",
    title: clientMessages[locale].title,
    description: clientMessages[locale].description,
  });
}

export default async function ClientsPage({ params }: ClientsPageProps) {
  const locale = await getLocale(params);
  const t = clientMessages[locale];
  const tc = calendarMessages[locale];
  const [clients, clientProperties] = await Promise.all([getClients(), getClientProperties()]);
  const aheadByClient = getClientChangesAhead();
  const ahead = clients.flatMap((c) => {
    const entries = aheadByClient.get(c.slug);
    return entries ? [{ client: c, entries }] : [];
  });
  // Only the properties some client has a claim about: an all-unknown column says nothing.
  const claimed = new Set(clients.flatMap((c) => Object.keys(c.history)));
  const properties = clientProperties.filter((p) => claimed.has(p.key));
  const citations = new Map(
    clients
      .flatMap((c) => Object.values(c.history).flat())
      .map((claim) => [`${claim.source.key}|${claim.asOf}`, claim]),
  );

  // A client whose every claim predates the cutoff is shown as the record it is.
  const isHistory = (c: ClientSummary) => Object.values(c.history).flat().every(isClientHistory);
  const today = clients.filter((c) => !isHistory(c));
  const past = clients.filter(isHistory);
  const notes = today.flatMap((c) =>
    properties.flatMap((p) => {
      const claim = c.support[p.key];
      const note = claim && (locale === "en" && claim.noteEn ? claim.noteEn : claim.note);
      return note ? [{ client: c, property: p, claim, note }] : [];
    }),
  );

  return (
    <div className="page clients">
      <h1>{t.title}</h1>
      <p className="lead">{t.description}</p>
      <p>{t.lead}</p>
      <ClientTable locale={locale} id="clients-caption" caption={t.caption} clients={today} properties={properties} />
      {ahead.length > 0 ? (
        <section className="changes-ahead" aria-labelledby="changes-ahead" data-changes-ahead>
          <h2 id="changes-ahead">{tc.changesAhead}</h2>
          <p>{tc.clientsAheadLead}</p>
          {ahead.map(({ client, entries }) => (
            <div key={client.slug} data-client-ahead={client.slug}>
              <h3>{client.name}</h3>
              <ChangesAheadList entries={entries} locale={locale} />
            </div>
          ))}
        </section>
      ) : null}
      {notes.length > 0 ? (
        <section aria-labelledby="client-notes">
          <h2 id="client-notes">{t.notes}</h2>
          <ul className="client-notes">
            {notes.map(({ client, property, claim, note }) => (
              <li key={`${client.slug}-${property.key}`}>
                <strong>{client.name}</strong> — {propertyLabel(property, locale)}: {note}{" "}
                <span className="muted">
                  (<SourceCitation source={claim.source} asOf={claim.asOf} locale={locale} />)
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="clients-history">
          <h2 id="clients-history">{t.historyTitle}</h2>
          <p>{t.historyLead}</p>
          <ClientTable
            locale={locale}
            id="clients-history-caption"
            caption={t.historyCaption}
            clients={past}
            properties={properties}
          />
        </section>
      ) : null}
      <section aria-labelledby="client-sources">
        <h2 id="client-sources">{t.sources}</h2>
        <ul>
          {[...citations.values()].map((claim) => (
            <li key={`${claim.source.key}|${claim.asOf}`}>
              <SourceCitation source={claim.source} asOf={claim.asOf} locale={locale} />
              {isClientHistory(claim) ? ` — ${t.historyNote}` : null}
            </li>
          ))}
        </ul>
      </section>
      <SupportLegend locale={locale} properties={properties} />
    </div>
  );
}

type ClientTableProps = {
  locale: Locale;
  id: string;
  caption: string;
  clients: ClientSummary[];
  properties: PropertyInfo[];
};

function ClientTable({ locale, id, caption, clients, properties }: ClientTableProps) {
  const t = clientMessages[locale];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="support-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.client}</th>
            <th scope="col">{t.platform}</th>
            {properties.map((p) => (
              <th scope="col" key={p.key}>
                {p.articleSlug ? (
                  <Link prefetch={false} href={localePath(locale, `/articles/${p.articleSlug}`)}>
                    {propertyLabel(p, locale)}
                  </Link>
                ) : (
                  propertyLabel(p, locale)
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.slug} id={`client-${client.slug}`} data-slug={client.slug}>
              <th scope="row">
                {client.name}
                {client.version ? ` ${client.version}` : ""}
              </th>
              <td>{client.platform}</td>
              {properties.map((p) => (
                <td key={p.key}>
                  <SupportMark value={client.support[p.key]?.value ?? "unknown"} locale={locale} showLabel />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
