import { catalogueFeedPath, FEED_CONTENT_TYPES, FEED_FORMATS, serviceFeedPath } from "@/lib/changes/feed-paths";
import type { Locale } from "@/lib/i18n/locales";
import { changesMessages } from "@/lib/i18n/messages/changes";

// Visible links to the change feeds (the page's <head> names them too, for feed readers).
export function FeedLinks({ locale, slug }: { locale: Locale; slug?: string }) {
  const t = changesMessages[locale];
  return (
    <p className="feed-links" data-feed-links>
      {t.subscribe}{" "}
      {FEED_FORMATS.map((f, i) => (
        <span key={f}>
          {i > 0 ? " / " : null}
          <a
            href={slug ? serviceFeedPath(locale, slug, f) : catalogueFeedPath(locale, f)}
            type={FEED_CONTENT_TYPES[f]}
            rel="alternate"
          >
            {t.feed[f]}
          </a>
        </span>
      ))}
    </p>
  );
}
