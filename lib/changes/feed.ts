import { Feed, type Item } from "feed";
import type { ChangeDirection } from "@/lib/catalogue/change-history";
import { format } from "@/lib/i18n/format";
import { formatPartialDate, localePath, type Locale } from "@/lib/i18n/locales";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { changesMessages } from "@/lib/i18n/messages/changes";
import { catalogueFeedPath, serviceFeedPath } from "@/lib/changes/feed-paths";
import { commonMessages } from "@/lib/i18n/messages/common";

// Atom and JSON Feed of the change history, for the whole catalogue or one service, written by
// the feed library. One item per service and date: a reader subscribes to learn that a service
// changed, and a day's import changes several properties at once.

// a feed is a "what changed lately" list, not an archive
export const FEED_ITEM_LIMIT = 50;

export type FeedChange = {
  service: { slug: string; name: string; nameEn: string | null };
  propertyKey: string;
  date: string;
  direction: ChangeDirection;
  from: { value: keyof (typeof catalogueMessages)["ja"]["support"] } | null;
  to: {
    value: keyof (typeof catalogueMessages)["ja"]["support"];
    source: { title: string; titleEn: string | null; url: string | null };
    asOf: string;
  };
};

export type ChangeFeedInput = {
  locale: Locale;
  // SITE_URL, or undefined: then every URL in the feed is a path, resolved against the feed's own
  // address (Atom, RFC 4287 §2 xml:base rules; the JSON Feed reader's base URL)
  origin: string | undefined;
  // the service a per-service feed is about; undefined for the catalogue feed
  service?: { slug: string; name: string; nameEn: string | null };
  changes: readonly FeedChange[];
  propertyLabels: Readonly<Record<string, string>>;
  limit?: number;
};

// The feed library insists on absolute URLs (it parses each with new URL), so without an origin
// the feed is written against this reserved name (RFC 2606 .invalid) and the name is removed after.
const NO_ORIGIN = "https://no-origin.invalid";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// "2026", "2026-03" or "2026-03-12" as midnight UTC of its first day
export function partialDateToDate(value: string): Date {
  const [y, m = "01", d = "01"] = value.split("-");
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

const nameIn = (s: { name: string; nameEn: string | null }, locale: Locale) =>
  locale === "en" && s.nameEn ? s.nameEn : s.name;

type ItemGroup = { service: FeedChange["service"]; date: string; changes: FeedChange[] };

function groupByServiceAndDate(changes: readonly FeedChange[], limit: number): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const change of changes) {
    const key = `${change.service.slug}|${change.date}`;
    const group = groups.get(key);
    if (group) group.changes.push(change);
    else if (groups.size < limit) groups.set(key, { service: change.service, date: change.date, changes: [change] });
  }
  return [...groups.values()];
}

function buildFeed(input: ChangeFeedInput, html: boolean): Feed {
  const { locale, service, changes, propertyLabels, limit = FEED_ITEM_LIMIT } = input;
  const base = input.origin ?? NO_ORIGIN;
  const t = changesMessages[locale];
  const support = catalogueMessages[locale].support;
  const text = (s: string) => (html ? escapeHtml(s) : s);
  const url = (path: string) => `${base}${path}`;
  const host = input.origin === undefined ? "mail-security-compass.invalid" : new URL(input.origin).host;
  const groups = groupByServiceAndDate(changes, limit);
  const pagePath = service ? localePath(locale, `/providers/${service.slug}`) : localePath(locale, "/changes");
  const serviceName = service ? nameIn(service, locale) : "";

  const feed = new Feed({
    id: `tag:${host},2026:changes/${locale}${service ? `/${service.slug}` : ""}`,
    title: service ? format(t.feed.serviceTitle, { name: serviceName }) : t.feed.catalogueTitle,
    description: service ? format(t.feed.serviceDescription, { name: serviceName }) : t.feed.catalogueDescription,
    link: url(pagePath),
    language: locale,
    feedLinks: {
      atom: url(service ? serviceFeedPath(locale, service.slug, "atom") : catalogueFeedPath(locale, "atom")),
      json: url(service ? serviceFeedPath(locale, service.slug, "json") : catalogueFeedPath(locale, "json")),
    },
    author: { name: commonMessages[locale].siteName, link: url(localePath(locale)) },
    ...(groups[0] ? { updated: partialDateToDate(groups[0].date) } : {}),
  });

  for (const group of groups) {
    const name = nameIn(group.service, locale);
    const servicePath = localePath(locale, `/providers/${group.service.slug}`);
    const label = (c: FeedChange) => propertyLabels[c.propertyKey] ?? c.propertyKey;
    const summary = group.changes
      .map((c) =>
        c.from
          ? format(t.feed.itemChange, {
              property: label(c),
              from: support[c.from.value].label,
              to: support[c.to.value].label,
            })
          : format(t.feed.itemFirst, { property: label(c), to: support[c.to.value].label }),
      )
      .join(locale === "ja" ? "、" : ", ");
    const lines = group.changes.map((c) => {
      const change = c.from
        ? format(t.changed, { from: support[c.from.value].label, to: support[c.to.value].label })
        : format(t.firstValue, { to: support[c.to.value].label });
      const sourceTitle = escapeHtml(locale === "en" && c.to.source.titleEn ? c.to.source.titleEn : c.to.source.title);
      const source = c.to.source.url ? `<a href="${escapeHtml(c.to.source.url)}">${sourceTitle}</a>` : sourceTitle;
      const direction = t.directions[c.direction];
      return `<li>${escapeHtml(label(c))}: ${escapeHtml(change)} (${escapeHtml(direction)}). ${format(
        escapeHtml(t.feed.itemSource),
        { source, date: escapeHtml(formatPartialDate(locale, c.to.asOf)) },
      )}</li>`;
    });
    const item: Item = {
      id: `tag:${host},2026:change/${locale}/${group.service.slug}/${group.date}`,
      title: text(format(t.feed.itemTitle, { name, changes: summary })),
      link: url(servicePath),
      date: partialDateToDate(group.date),
      published: partialDateToDate(group.date),
      content: `<ul>${lines.join("")}</ul><p><a href="${escapeHtml(url(servicePath))}">${escapeHtml(name)}</a></p>`,
      category: [...new Set(group.changes.map((c) => c.propertyKey))].map((key) => ({
        name: propertyLabels[key] ?? key,
        term: key,
      })),
    };
    feed.addItem(item);
  }
  return feed;
}

function withoutPlaceholder(text: string, origin: string | undefined): string {
  return origin === undefined ? text.replaceAll(NO_ORIGIN, "") : text;
}

export function changeFeedAtom(input: ChangeFeedInput): string {
  return withoutPlaceholder(buildFeed(input, true).atom1(), input.origin);
}

type JsonFeed = Record<string, unknown> & {
  author?: { name?: string; url?: string };
  items: Array<Record<string, unknown> & { author?: unknown }>;
};

// The library writes JSON Feed 1; version 1.1 adds language and replaces author with authors.
export function changeFeedJson(input: ChangeFeedInput): string {
  const feed = JSON.parse(withoutPlaceholder(buildFeed(input, false).json1(), input.origin)) as JsonFeed;
  const { author, items, ...rest } = feed;
  const out = {
    ...rest,
    version: "https://jsonfeed.org/version/1.1",
    language: input.locale,
    ...(author ? { authors: [author] } : {}),
    items: items.map(({ author: _author, ...item }) => item),
  };
  return JSON.stringify(out);
}
