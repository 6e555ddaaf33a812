import { badgeFacts, badgePath, badgeSize, badgeText, type BadgeClaim } from "@/lib/badge/badge";
import { badgeSnippets } from "@/lib/badge/snippets";
import { STALE_AFTER_MONTHS } from "@/lib/catalogue/freshness";
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { badgeMessages } from "@/lib/i18n/messages/badge";
import { commonMessages } from "@/lib/i18n/messages/common";

export type ServiceBadgeProps = {
  locale: Locale;
  slug: string;
  name: string;
  // the current claim per property key, as the page already holds them
  support: Partial<Record<string, BadgeClaim>>;
  // SITE_URL without a trailing slash, or null
  origin: string | null;
};

// The service's badge, light and dark, with the HTML and Markdown that embed it as a link back here.
export function ServiceBadge({ locale, slug, name, support, origin }: ServiceBadgeProps) {
  const t = badgeMessages[locale].section;
  const text = badgeText(badgeFacts(support), locale, name);
  const { width, height } = badgeSize(text);
  const alt = format(t.snippetAlt, { name, site: commonMessages[locale].siteName });
  const snippets = badgeSnippets(origin, locale, slug, alt);
  return (
    <section aria-labelledby="badge-heading" data-badge>
      <h2 id="badge-heading">{t.title}</h2>
      <p>{format(t.lead, { months: STALE_AFTER_MONTHS })}</p>
      <div className="badge-previews">
        {(["light", "dark"] as const).map((theme) => (
          <figure key={theme} className={`badge-preview badge-preview--${theme}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG served as is, at its own size */}
            <img src={badgePath(locale, slug, theme)} alt={text.summary} width={width} height={height} />
            <figcaption>{theme === "light" ? t.light : t.dark}</figcaption>
          </figure>
        ))}
      </div>
      <h3>{t.html}</h3>
      <pre className="badge-snippet" data-badge-snippet="html">
        <code>{snippets.html}</code>
      </pre>
      <h3>{t.markdown}</h3>
      <pre className="badge-snippet" data-badge-snippet="markdown">
        <code>{snippets.markdown}</code>
      </pre>
      {origin === null ? <p className="muted">{t.noSiteUrl}</p> : null}
    </section>
  );
}
