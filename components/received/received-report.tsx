import Link from "next/link";
import type { Ref } from "react";
import { hopNames, tlsVersionLabel } from "@/components/received/format";
import { LevelMark } from "@/components/received/hop-mark";
import { HopPath } from "@/components/received/hop-path";
import { HopTable } from "@/components/received/hop-table";
import { format } from "@/lib/i18n/format";
import { useReceivedText, type ReceivedText } from "@/components/received/received-text";
import { formatNumber, localePath, type Locale } from "@/lib/i18n/locales";
import type { ReceivedFindingRow, ReceivedHopRow, ReceivedResult } from "@/lib/received/form";
import type { FindingCode } from "@/lib/received/types";

type ReceivedReportProps = {
  locale: Locale;
  result: ReceivedResult;
  sampleName: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
};

type ShortCode = keyof ReceivedText["short"];

function isShortCode(code: FindingCode, short: Record<ShortCode, string>): code is ShortCode {
  return code in short;
}

function unique<T>(items: Array<T | null | undefined>): T[] {
  return [...new Set(items.filter((i): i is T => i !== null && i !== undefined))];
}

export function ReceivedReport({ locale, result, sampleName, headingRef }: ReceivedReportProps) {
  const t = useReceivedText();
  const { level, findings, hops, firstPlainHop, firstPlain, hopCount } = result;
  const article = (slug: string, anchor?: string) =>
    `${localePath(locale, `/articles/${slug}`)}${anchor ? `#${anchor}` : ""}`;
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  const byNumber = new Map<number, ReceivedHopRow>(hops.map((h) => [h.hop, h]));
  const versions = (f: ReceivedFindingRow) =>
    list(unique(f.hops.map((n) => byNumber.get(n)?.tlsVersion)).map(tlsVersionLabel));
  const states = (f: ReceivedFindingRow) =>
    list(unique(f.hops.map((n) => byNumber.get(n)?.clientCertificate)).map((s) => t.certificate[s]));
  const hopsText = (f: ReceivedFindingRow) =>
    f.count > f.hops.length
      ? format(t.findings.more, {
          hops: hopNames(locale, t.path, f.hops),
          count: formatNumber(locale, f.count - f.hops.length),
        })
      : hopNames(locale, t.path, f.hops);
  const weakHops = hops.filter((h) => h.weak);
  const unknownFinding = findings.find((f) => f.code === "no-tls-record");

  let headline: string;
  if (level === "weak") {
    const reasons = list(
      findings
        .filter((f) => f.weak)
        .map((f) => (isShortCode(f.code, t.short) ? format(t.short[f.code], { versions: versions(f) }) : f.code)),
    );
    headline = format(unknownFinding ? t.level.weakPartial : t.level.weak, { reasons });
  } else {
    headline = format(t.level[level], { hop: firstPlainHop ?? "?" });
  }

  let detail: string;
  if (level === "not-encrypted") {
    detail = format(t.result.verdictDetail["not-encrypted"], {
      hop: firstPlainHop ?? "?",
      from: firstPlain?.from ?? t.path.unnamed,
      by: firstPlain?.by ?? t.path.unnamed,
    });
  } else if (level === "unknown") {
    detail = format(t.result.verdictDetail.unknown, { hops: unknownFinding ? hopsText(unknownFinding) : "?" });
  } else if (level === "none") {
    detail = t.result.verdictDetail.none;
  } else {
    detail = t.levelDetail[level];
  }
  // the unknown detail already names its hops; the list gives every other reason
  const reasons = findings.filter((f) => !(level === "unknown" && f.code === "no-tls-record"));
  const certificateFinding = findings.some(
    (f) => f.code === "certificate-failed" || f.code === "certificate-not-verified",
  );

  return (
    <section
      className="received-result"
      aria-labelledby="received-result-heading"
      data-verdict={result.verdict}
      data-level={level}
    >
      <h2 id="received-result-heading" tabIndex={-1} ref={headingRef}>
        {t.result.heading}
      </h2>
      {sampleName ? <p className="hint">{format(t.result.sampleNote, { name: sampleName })}</p> : null}
      <div className={`received-verdict received-verdict--${level}`} data-testid="received-verdict">
        <LevelMark level={level} locale={locale} />
        <div className="received-verdict__body">
          <p className="received-verdict__answer">{headline}</p>
          <p className="received-verdict__detail">{detail}</p>
          {reasons.length > 0 ? (
            <ul className="received-findings" aria-label={t.findings.label}>
              {reasons.map((f) => (
                <li key={f.code} data-code={f.code}>
                  {format(t.findings.codes[f.code], { hops: hopsText(f), versions: versions(f), states: states(f) })}
                </li>
              ))}
            </ul>
          ) : null}
          {certificateFinding ? <p className="hint">{t.findings.certificateNote}</p> : null}
          {level === "not-encrypted" ? (
            <p className="received-verdict__link">
              <Link prefetch={false} href={article("starttls")}>
                {t.result.plainLink}
              </Link>
            </p>
          ) : null}
          {hopCount > 0 ? (
            <p className="hint">{format(t.result.hopCount, { count: formatNumber(locale, hopCount) })}</p>
          ) : null}
          {hopCount > hops.length ? (
            <p className="hint">
              {format(t.result.truncated, {
                shown: formatNumber(locale, hops.length),
                count: formatNumber(locale, hopCount),
              })}
            </p>
          ) : null}
        </div>
      </div>

      {weakHops.length > 0 ? (
        <section id="weak-warnings" className="received-weak" aria-labelledby="weak-warnings-heading">
          <h3 id="weak-warnings-heading">{t.weak.heading}</h3>
          <p>{t.weak.intro}</p>
          <ul className="received-weak__list">
            {weakHops.map((hop) => (
              <li key={hop.hop} data-hop={hop.hop}>
                <p className="received-weak__hop">
                  {format(t.weak.hop, {
                    hop: hop.hop,
                    by: hop.by ?? t.path.unnamed,
                    tls: [hop.tlsVersion ? tlsVersionLabel(hop.tlsVersion) : null, hop.cipher]
                      .filter(Boolean)
                      .join(" "),
                  })}
                </p>
                <ul>
                  {hop.weakReasons.map((reason) => (
                    <li key={reason} data-reason={reason}>
                      {t.weak.reasons[reason]}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p>
            <Link prefetch={false} href={article("since-2006", t.anchors.tlsVersions)}>
              {t.weak.learnMore}
            </Link>
          </p>
        </section>
      ) : null}

      {hops.length > 0 ? (
        <>
          <p className="hint received-trust">
            {t.result.trust}{" "}
            <Link prefetch={false} href={article("received-headers", t.anchors.trust)}>
              {t.result.trustLink}
            </Link>
          </p>
          <HopPath locale={locale} hops={hops} firstPlainHop={firstPlainHop} />
          <HopTable locale={locale} hops={hops} />
        </>
      ) : null}
    </section>
  );
}
