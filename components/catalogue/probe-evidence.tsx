import { sourceTitle } from "@/components/ui/source-citation";
import { SupportMark } from "@/components/ui/support-mark";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { serviceMessages } from "@/lib/i18n/messages/service";
import { formatPartialDate, type Locale } from "@/lib/i18n/locales";
import type { EndpointEvidence } from "@/lib/probe/evidence";
import type { ProbeEvidenceInfo } from "@/lib/queries/catalogue";

type ProbeEvidenceProps = { locale: Locale; evidence: ProbeEvidenceInfo };

function methods(list: string[], none: string): string {
  return list.length > 0 ? list.join(" ") : none;
}

function endpointFacts(e: EndpointEvidence, locale: Locale): Array<{ text: string; warn: boolean }> {
  const t = serviceMessages[locale].probe;
  const facts: Array<{ text: string; warn: boolean }> = [{ text: t.outcome[e.outcome], warn: e.outcome === "no" }];
  if (e.failure && e.outcome === "unknown")
    facts.push({ text: format(t.failed, { step: e.failure.step, code: e.failure.code }), warn: false });
  if (e.plaintextInsteadOfTls) facts.push({ text: t.plaintextInsteadOfTls, warn: true });
  if (e.starttlsOffered === false) facts.push({ text: t.starttlsMissing, warn: true });
  if (e.tlsVersion) facts.push({ text: `${e.tlsVersion} ${e.cipher ?? ""}`.trim(), warn: false });
  if (e.weakTls) facts.push({ text: t.weak, warn: true });
  if (e.tlsVersion) {
    if (e.certExpired)
      facts.push({
        text: format(t.certificate.expired, { date: formatPartialDate(locale, (e.certValidTo ?? "").slice(0, 10)) }),
        warn: true,
      });
    else if (e.chainValid === false)
      facts.push({ text: format(t.certificate.untrusted, { error: e.chainError ?? "?" }), warn: true });
    else if (e.certDaysLeft !== null)
      facts.push({ text: format(t.certificate.valid, { days: e.certDaysLeft }), warn: false });
    if (e.hostnameMatches === false) facts.push({ text: t.certificate.mismatch, warn: true });
  }
  if (e.authBeforeTls)
    facts.push({ text: format(t.authBefore, { list: methods(e.authBeforeTls, t.none) }), warn: false });
  if (e.authAfterTls) facts.push({ text: format(t.authAfter, { list: methods(e.authAfterTls, t.none) }), warn: false });
  if (e.plaintextAuthBeforeTls.length > 0)
    facts.push({ text: format(t.plaintextAuth, { list: e.plaintextAuthBeforeTls.join(" ") }), warn: true });
  if (e.apop !== null) facts.push({ text: e.apop ? t.apop : t.noApop, warn: false });
  return facts;
}

const WARN_VERDICTS = new Set(["no", "mismatch", "unusable", "unsigned", "not-covered"]);

function hostVerdict(verdict: string, locale: Locale): string {
  const verdicts: Record<string, string> = serviceMessages[locale].probe.hostVerdicts;
  return verdicts[verdict] ?? verdict;
}

// The latest live probe of one property: its verdict, a notice when it disagrees with the
// claim the page would otherwise rely on, and what each endpoint actually answered.
export function ProbeEvidence({ locale, evidence }: ProbeEvidenceProps) {
  const t = serviceMessages[locale].probe;
  const support = catalogueMessages[locale].support;
  const { claim, details, contradicts } = evidence;
  return (
    <div className="probe-evidence" data-probe={claim.value}>
      <p className="probe-evidence__title">
        <strong>{format(t.title, { date: formatPartialDate(locale, claim.asOf) })}</strong>{" "}
        <SupportMark value={claim.value} locale={locale} showLabel />
      </p>
      {contradicts ? (
        <p className="notice probe-evidence__contradiction" data-contradiction>
          {format(t.contradiction, {
            probe: support[claim.value].label,
            source: sourceTitle(contradicts.source, locale),
            date: formatPartialDate(locale, contradicts.asOf),
            claim: support[contradicts.value].label,
          })}
        </p>
      ) : null}
      {details ? (
        <ul className="probe-evidence__endpoints" aria-label={t.endpoints}>
          {details.endpoints.map((e) => (
            <li key={`${e.protocol}-${e.host}-${e.port}-${e.security}`}>
              <code>
                {e.protocol.toUpperCase()} {e.host}:{e.port}
              </code>
              {endpointFacts(e, locale).map((f, i) => (
                <span key={i} className={f.warn ? "probe-fact probe-fact--warn" : "probe-fact"}>
                  {f.text}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : evidence.domain && evidence.domain.hosts.length > 0 ? (
        <ul
          className="probe-evidence__endpoints"
          aria-label={format(t.domainHosts, { domain: evidence.domain.domain })}
        >
          {evidence.domain.hosts.map((h) => (
            <li key={h.host}>
              <code>{h.host}</code>
              <span className={WARN_VERDICTS.has(h.verdict) ? "probe-fact probe-fact--warn" : "probe-fact"}>
                {hostVerdict(h.verdict, locale)}
              </span>
              {h.tlsVersion ? <span className="probe-fact">{h.tlsVersion}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.noDetails}</p>
      )}
    </div>
  );
}
