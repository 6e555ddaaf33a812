import { barSegments, type ChartRow, type PeriodCounts } from "@/lib/home/support-chart";
import { format } from "@/lib/i18n/format";
import { propertyLabel } from "@/lib/i18n/labels";
import { homeMessages } from "@/lib/i18n/messages/home";
import { formatNumber, type Locale } from "@/lib/i18n/locales";
import type { PropertyInfo } from "@/lib/queries/properties";

// Ways of logging in that the articles advise against: a long bar here is not good news.
const LEGACY = new Set(["apop", "cram-md5", "pop-before-smtp"]);
const GROUPS = ["receive", "send", "auth", "domain"] as const;

type SupportChartProps = {
  locale: Locale;
  properties: PropertyInfo[];
  rows: ChartRow[];
  totals: { now: number; then: number };
};

// A real table styled as a bar chart: the numbers are text a screen reader reads cell by cell,
// and each bar is an aria-hidden SVG with no text in it, so stretching it to the cell's width
// never shrinks a label on a phone.
export function SupportChart({ locale, properties, rows, totals }: SupportChartProps) {
  const t = homeMessages[locale].chart;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const n = (value: number) => formatNumber(locale, value);
  return (
    <section aria-labelledby="chart-title" className="chart-section">
      <h2 id="chart-title">{t.title}</h2>
      <p>{format(t.intro, { now: n(totals.now), then: n(totals.then) })}</p>
      <p className="hint">{t.unknownNote}</p>
      <ul className="chart-legend" aria-label={t.legendLabel}>
        {(["yes", "partial", "no", "unknown"] as const).map((value) => (
          <li key={value}>
            <span className={`chart-swatch chart-fill--${value}`} aria-hidden="true" />
            {t.legend[value]}
          </li>
        ))}
      </ul>
      <table className="support-chart">
        <caption className="sr-only">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.property}</th>
            <th scope="col">{format(t.now, { total: n(totals.now) })}</th>
            <th scope="col">{format(t.then, { total: n(totals.then) })}</th>
          </tr>
        </thead>
        {GROUPS.map((group) => {
          const inGroup = properties.filter((p) => p.category === group && byKey.has(p.key));
          if (inGroup.length === 0) return null;
          return (
            <tbody key={group}>
              <tr>
                <th scope="rowgroup" colSpan={3} className="support-chart__group">
                  {t.groups[group]}
                </th>
              </tr>
              {inGroup.map((p) => {
                const row = byKey.get(p.key)!;
                return (
                  <tr key={p.key} data-property={p.key}>
                    <th scope="row">
                      {propertyLabel(p, locale)}
                      {LEGACY.has(p.key) ? <span className="support-chart__legacy">{t.legacy}</span> : null}
                    </th>
                    <PeriodCell locale={locale} counts={row.now} period="now" />
                    <PeriodCell locale={locale} counts={row.then} period="2006" />
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}

function PeriodCell({ locale, counts, period }: { locale: Locale; counts: PeriodCounts; period: string }) {
  const t = homeMessages[locale].chart;
  const n = (value: number) => formatNumber(locale, value);
  return (
    <td data-period={period}>
      <svg
        aria-hidden="true"
        focusable="false"
        className="support-chart__bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
      >
        {barSegments(counts).map((s) => (
          <rect key={s.value} className={`chart-fill--${s.value}`} x={s.x} y={0} width={s.width} height={10} />
        ))}
      </svg>
      {counts.known === 0 ? (
        <span className="support-chart__main support-chart__main--none">{t.notRecorded}</span>
      ) : (
        <>
          <span className="support-chart__main">{format(t.supported, { yes: n(counts.yes) })}</span>
          <span className="support-chart__sub">{format(t.ofKnown, { known: n(counts.known) })}</span>
          {counts.partial > 0 ? (
            <span className="support-chart__sub">{format(t.partial, { partial: n(counts.partial) })}</span>
          ) : null}
          {counts.no > 0 ? (
            <span className="support-chart__sub">{format(t.notSupported, { no: n(counts.no) })}</span>
          ) : null}
        </>
      )}
      {counts.unknown > 0 ? (
        <span className="support-chart__sub">{format(t.unknown, { unknown: n(counts.unknown) })}</span>
      ) : null}
    </td>
  );
}
