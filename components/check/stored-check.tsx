import { CheckReportView } from "@/components/check/check-report";
import type { StoredCheck } from "@/lib/check/store";
import { checkPath } from "@/lib/check/url";
import { format } from "@/lib/i18n/format";
import { checkMessages } from "@/lib/i18n/messages/check";
import type { Locale } from "@/lib/i18n/locales";

type StoredCheckViewProps = { locale: Locale; domain: string; stored: StoredCheck | null };

// Tokyo time for Japanese readers; UTC, said so, for everyone else.
function formatCheckedAt(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: locale === "ja" ? "Asia/Tokyo" : "UTC",
    timeZoneName: "short",
  }).format(date);
}

// "Run again" belongs to the page's one check form (form="check-form"): the button's value is the
// domain, so it works without JavaScript and whatever the text box holds.
function RunButton({ domain, label }: { domain: string; label: string }) {
  return (
    <button type="submit" form="check-form" name="rerun" value={domain} className="button">
      {label}
    </button>
  );
}

export function StoredCheckView({ locale, domain, stored }: StoredCheckViewProps) {
  const t = checkMessages[locale].result;
  if (!stored) {
    return (
      <section
        id="check-result"
        className="check-result"
        aria-labelledby="check-result-heading"
        data-check-domain={domain}
      >
        <h2 id="check-result-heading" tabIndex={-1}>
          {format(t.heading, { domain })}
        </h2>
        <p data-not-checked>{format(t.notYetChecked, { domain })}</p>
        <RunButton domain={domain} label={format(t.runNow, { domain })} />
      </section>
    );
  }
  const path = checkPath(locale, domain);
  return (
    <CheckReportView locale={locale} report={stored.report}>
      <div className="check-stored">
        <p data-checked-at={stored.checkedAt.toISOString()}>
          {format(t.checkedAt, { date: formatCheckedAt(locale, stored.checkedAt) })}
        </p>
        <p>
          {t.shareLabel}:{" "}
          <a href={path} data-share-link>
            {path}
          </a>
        </p>
        <p className="hint">{t.shareHint}</p>
        <RunButton domain={domain} label={t.runAgain} />
      </div>
    </CheckReportView>
  );
}
