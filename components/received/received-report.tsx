import Link from "next/link";
import type { Ref } from "react";
import { hopNames, tlsVersionLabel } from "@/components/received/format";
import { HopMark } from "@/components/received/hop-mark";
import { HopPath } from "@/components/received/hop-path";
import { HopTable } from "@/components/received/hop-table";
import { format } from "@/lib/i18n/format";
import { receivedMessages } from "@/lib/i18n/messages/received";
import { formatNumber, localePath, type Locale } from "@/lib/i18n/locales";
import type { ReceivedResult } from "@/lib/received/form";
import type { TlsState, Verdict } from "@/lib/received/types";

const VERDICT_MARK: Record<Verdict, TlsState> = {
  encrypted: "yes",
  "not-encrypted": "no",
  unknown: "unknown",
  none: "unknown",
};

type ReceivedReportProps = {
  locale: Locale;
  result: ReceivedResult;
  sampleName: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
};

export function ReceivedReport({ locale, result, sampleName, headingRef }: ReceivedReportProps) {
  const t = receivedMessages[locale];
  const { verdict, hops, firstPlainHop, firstPlain, hopCount } = result;
  const article = (slug: string, anchor?: string) =>
    `${localePath(locale, `/articles/${slug}`)}${anchor ? `#${anchor}` : ""}`;
  const otherPlain = hops.filter((h) => !h.local && h.tls === "no" && h.hop !== firstPlainHop).map((h) => h.hop);
  const unknownHops = hops.filter((h) => !h.local && h.tls === "unknown").map((h) => h.hop);
  const weakHops = hops.filter((h) => h.weak);

  let detail: string;
  if (verdict === "not-encrypted") {
    detail = format(t.result.verdictDetail["not-encrypted"], {
      hop: firstPlainHop ?? "?",
      from: firstPlain?.from ?? t.path.unnamed,
      by: firstPlain?.by ?? t.path.unnamed,
    });
  } else if (verdict === "unknown") {
    detail = format(t.result.verdictDetail.unknown, { hops: hopNames(locale, unknownHops) });
  } else {
    detail = t.result.verdictDetail[verdict];
  }

  return (
    <section className="received-result" aria-labelledby="received-result-heading" data-verdict={verdict}>
      <h2 id="received-result-heading" tabIndex={-1} ref={headingRef}>
        {t.result.heading}
      </h2>
      {sampleName ? <p className="hint">{format(t.result.sampleNote, { name: sampleName })}</p> : null}
      <div className={`received-verdict received-verdict--${verdict}`} data-testid="received-verdict">
        <HopMark tls={VERDICT_MARK[verdict]} locale={locale} />
        <div>
          <p className="received-verdict__answer">{format(t.result.verdict[verdict], { hop: firstPlainHop ?? "?" })}</p>
          <p className="received-verdict__detail">{detail}</p>
          {otherPlain.length > 0 ? (
            <p className="received-verdict__detail">
              {format(t.result.otherPlainHops, { hops: hopNames(locale, otherPlain) })}
            </p>
          ) : null}
          {verdict === "not-encrypted" ? (
            <p className="received-verdict__link">
              <Link href={article("starttls")}>{t.result.plainLink}</Link>
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

      {hops.length > 0 ? (
        <>
          <p className="hint received-trust">
            {t.result.trust} <Link href={article("received-headers", t.anchors.trust)}>{t.result.trustLink}</Link>
          </p>
          <HopPath locale={locale} hops={hops} firstPlainHop={firstPlainHop} />
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
                <Link href={article("since-2006", t.anchors.tlsVersions)}>{t.weak.learnMore}</Link>
              </p>
            </section>
          ) : null}
          <HopTable locale={locale} hops={hops} />
        </>
      ) : null}
    </section>
  );
}
