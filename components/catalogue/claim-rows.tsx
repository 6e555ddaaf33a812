import Link from "next/link";
import { ProbeEvidence } from "@/components/catalogue/probe-evidence";
import { SourceCitation } from "@/components/ui/source-citation";
import { SupportMark } from "@/components/ui/support-mark";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { serviceMessages } from "@/lib/i18n/messages/service";
import { formatPartialDate, localePath, type Locale } from "@/lib/i18n/locales";
import { lastVerified } from "@/lib/catalogue/freshness";
import type { PropertyInfo } from "@/lib/queries/properties";
import { claimWarnings, type ClaimInfo, type ProbeEvidenceInfo } from "@/lib/queries/catalogue";

// Documentation notes are written in both languages; other notes are data (a setting as the
// source lists it) and read the same in either.
function claimNote(claim: Pick<ClaimInfo, "note" | "noteEn">, locale: Locale): string | null {
  return locale === "en" && claim.noteEn ? claim.noteEn : claim.note;
}
import { propertyLabel } from "@/lib/i18n/labels";

type ClaimRowsProps = {
  locale: Locale;
  properties: PropertyInfo[];
  claimsByProperty: Record<string, ClaimInfo[]>;
  // the newest live probe per property, shown beside whatever claim is current
  probes?: Record<string, ProbeEvidenceInfo>;
  // properties whose sources disagree
  disagreements?: string[];
  // per property key, a link that opens a correction report naming the service and the property
  corrections?: Record<string, string>;
  // what a property without a claim says (the mail-domain group: not checked, or not checkable
  // from here, which is not "no")
  noClaim?: string;
  // the table's name when the page has more than one
  label?: string;
};

// One row per property: the current claim with its source, and older or overridden claims
// folded into a history list.
export function ClaimRows({
  locale,
  properties,
  claimsByProperty,
  probes = {},
  disagreements = [],
  corrections = {},
  noClaim,
  label,
}: ClaimRowsProps) {
  const t = serviceMessages[locale];
  const explain = catalogueMessages[locale].legend.explain;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label ?? t.support}>
      <table className="claims-table stack-table">
        <thead>
          <tr>
            <th scope="col">{t.property}</th>
            <th scope="col">{t.current}</th>
            <th scope="col">{t.source}</th>
          </tr>
        </thead>
        <tbody>
          {properties.map((p) => {
            const claims = claimsByProperty[p.key] ?? [];
            const current = claims.find((c) => c.isCurrent);
            const history = claims.filter((c) => c !== current);
            const probe = probes[p.key];
            // A probe's note is the raw English summary; its evidence is shown localized below.
            const showNote = current?.note && !(current.source.kind === "probe" && probe?.details);
            return (
              <tr key={p.key} data-property={p.key}>
                <th scope="row">
                  {propertyLabel(p, locale)}
                  {p.articleSlug ? (
                    <>
                      {" "}
                      <Link href={localePath(locale, `/articles/${p.articleSlug}`)} className="explain-link">
                        {explain}
                        <span className="sr-only">: {propertyLabel(p, locale)}</span>
                      </Link>
                    </>
                  ) : null}
                </th>
                <td data-label={t.current}>
                  <SupportMark
                    value={current?.value ?? "unknown"}
                    locale={locale}
                    showLabel
                    warnings={claimWarnings(current)}
                  />
                  {disagreements.includes(p.key) ? (
                    <p className="disagree" data-disagree>
                      {t.disagree}
                    </p>
                  ) : null}
                </td>
                <td data-label={t.source}>
                  {current ? (
                    <>
                      <SourceCitation
                        source={current.source}
                        asOf={current.asOf}
                        verifiedOn={current.verifiedOn}
                        locale={locale}
                      />
                      <p className="last-verified" data-last-verified={lastVerified(current)}>
                        {format(t.lastVerified, { date: formatPartialDate(locale, lastVerified(current)) })}
                      </p>
                      {showNote ? <p className="claim-note">{claimNote(current, locale)}</p> : null}
                    </>
                  ) : (
                    <span className="muted">{noClaim ?? t.noClaim}</span>
                  )}
                  {probe ? <ProbeEvidence locale={locale} evidence={probe} /> : null}
                  {history.length > 0 ? (
                    <details className="claim-history">
                      <summary>{format(t.history, { count: history.length })}</summary>
                      <ul>
                        {history.map((c, i) => (
                          <li key={`${c.source.key}-${c.asOf}-${i}`}>
                            <SupportMark value={c.value} locale={locale} showLabel warnings={claimWarnings(c)} /> —{" "}
                            <SourceCitation source={c.source} asOf={c.asOf} verifiedOn={c.verifiedOn} locale={locale} />
                            {c.note ? <span className="claim-note"> {claimNote(c, locale)}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {corrections[p.key] ? (
                    <p className="claim-correction">
                      <a href={corrections[p.key]} data-correction={p.key}>
                        {t.correction.link}
                        <span className="sr-only">: {propertyLabel(p, locale)}</span>
                      </a>
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
