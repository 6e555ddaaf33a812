import { format } from "@/lib/i18n/format";
import { formatPartialDate, type Locale } from "@/lib/i18n/locales";
import { serviceMessages } from "@/lib/i18n/messages/service";
import type { Notice, SourceInfo } from "@/lib/queries/catalogue";
import { sourceTitle } from "@/components/ui/source-citation";

type ServiceNoticesProps = {
  locale: Locale;
  notices: Notice[];
  sources: Map<string, Pick<SourceInfo, "title" | "titleEn">>;
};

// What the sources say beside their facts: a dataset's status for the provider, a warning in
// the provider's own documentation, and the data problems an import found (kept as stated).
export function ServiceNotices({ locale, notices, sources }: ServiceNoticesProps) {
  const t = serviceMessages[locale];
  const name = (key: string) => {
    const source = sources.get(key);
    return source ? sourceTitle(source, locale) : key;
  };
  const statuses = notices.filter((n) => n.kind === "status");
  const warnings = notices.filter((n) => n.kind === "warning");
  const findings = notices.filter((n) => n.kind === "finding");
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-heading" className="notices">
      <h2 id="notices-heading">{t.notices}</h2>
      <ul>
        {statuses.map((n) => (
          <li key={`status-${n.source}-${n.status}`} className="notice" data-notice="status">
            {format(t.noticeStatus[n.status], { source: name(n.source), date: formatPartialDate(locale, n.asOf) })}
          </li>
        ))}
        {warnings.map((n, i) => (
          <li key={`warning-${i}`} className="notice" data-notice="warning">
            {locale === "ja" ? n.ja : n.en} <span className="muted">— {name(n.source)}</span>
          </li>
        ))}
      </ul>
      {findings.length > 0 ? (
        <details className="findings">
          <summary>{format(t.findings, { count: findings.length })}</summary>
          <ul>
            {findings.map((n, i) => (
              <li key={`finding-${i}`} data-notice="finding">
                <span className="muted">{name(n.source)}:</span> {n.setting ? <code>{n.setting}</code> : null}{" "}
                {n.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
