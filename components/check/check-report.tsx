import Link from "next/link";
import type { Ref } from "react";
import type { CheckReport, CheckVerdict } from "@/lib/check/types";
import { format } from "@/lib/i18n/format";
import { checkMessages } from "@/lib/i18n/messages/check";
import { localePath, type Locale } from "@/lib/i18n/locales";

type ArticleSlug = keyof (typeof checkMessages)["ja"]["articles"];
type Tone = "good" | "bad" | "unknown";
type VerdictItem = {
  key: string;
  value: string;
  label: string;
  answer: string;
  tone: Tone;
  details: string[];
  articles: ArticleSlug[];
};

function verdictItems(v: CheckVerdict, locale: Locale): VerdictItem[] {
  const t = checkMessages[locale].verdict;
  const server = (s: { host: string; port: number }) => `${s.host}:${s.port}`;
  const encryptionTone = (e: CheckVerdict["receiving"]): Tone =>
    e === "encrypted" ? "good" : e === "unknown" ? "unknown" : "bad";
  const method = (m: string) => (m === "LOGIN-COMMAND" ? t.passwords.loginCommand : m);
  return [
    {
      key: "receiving",
      value: v.receiving,
      label: t.receiving.label,
      answer: t.receiving[v.receiving],
      tone: encryptionTone(v.receiving),
      details: [],
      articles: ["implicit-tls", "starttls"],
    },
    {
      key: "sending",
      value: v.sending,
      label: t.sending.label,
      answer: t.sending[v.sending],
      tone: encryptionTone(v.sending),
      details: [],
      articles: ["starttls", "implicit-tls"],
    },
    {
      key: "passwords",
      value: v.passwordsBeforeTls,
      label: t.passwords.label,
      answer: t.passwords[v.passwordsBeforeTls],
      tone: v.passwordsBeforeTls === "yes" ? "bad" : v.passwordsBeforeTls === "no" ? "good" : "unknown",
      details: v.passwordServers.map((s) =>
        format(t.passwords.server, {
          server: `${s.protocol.toUpperCase()} ${server(s)}`,
          methods: s.methods.map(method).join(", "),
        }),
      ),
      articles: ["smtp-auth", "auth-only-encryption"],
    },
    {
      key: "certificates",
      value: v.certificates,
      label: t.certificates.label,
      answer: t.certificates[v.certificates],
      tone: v.certificates === "ok" ? "good" : v.certificates === "problems" ? "bad" : "unknown",
      details: v.certificateProblems.map((p) =>
        format(t.certificates.kinds[p.kind], { server: server(p), detail: p.detail ?? "?" }),
      ),
      articles: ["implicit-tls"],
    },
    {
      key: "tls",
      value: v.tls,
      label: t.tls.label,
      answer: t.tls[v.tls],
      tone: v.tls === "ok" ? "good" : v.tls === "weak" ? "bad" : "unknown",
      details: v.weakServers.map((s) =>
        format(t.tls.server, { server: server(s), version: s.version ?? "?", cipher: s.cipher ?? "" }),
      ),
      articles: ["implicit-tls", "starttls"],
    },
  ];
}

type CheckReportViewProps = { locale: Locale; report: CheckReport; headingRef?: Ref<HTMLHeadingElement> };

export function CheckReportView({ locale, report, headingRef }: CheckReportViewProps) {
  const t = checkMessages[locale];
  const s = t.servers;
  const sources = t.result.sources as Record<string, string>;
  const v = report.verdict;
  return (
    <section className="check-result" aria-labelledby="check-result-heading" data-check-domain={report.domain}>
      <h2 id="check-result-heading" tabIndex={-1} ref={headingRef}>
        {format(t.result.heading, { domain: report.domain })}
      </h2>
      <p>{format(t.result.foundBy, { source: sources[report.answeredBy] ?? report.answeredBy })}</p>
      {report.providers.map((p) => {
        const name = locale === "en" && p.nameEn ? p.nameEn : p.name;
        return (
          <p key={p.slug} data-provider={p.slug}>
            {format(t.result.provider, { name, mx: p.mxHost })}{" "}
            <Link href={localePath(locale, `/providers/${p.slug}`)}>{format(t.result.providerLink, { name })}</Link>
          </p>
        );
      })}
      {report.guessed ? <p className="notice">{t.result.guessed}</p> : null}
      {report.servers.length === 0 ? (
        <p>{t.result.noServers}</p>
      ) : (
        <>
          <h3>{t.result.verdictHeading}</h3>
          <ul className="verdict">
            {verdictItems(v, locale).map((item) => (
              <li
                key={item.key}
                className={`verdict__item verdict__item--${item.tone}`}
                data-verdict={item.key}
                data-value={item.value}
              >
                <p className="verdict__label">{item.label}</p>
                <p className="verdict__answer">{item.answer}</p>
                {item.details.length > 0 ? (
                  <ul className="verdict__details">
                    {item.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : null}
                <p className="verdict__links">
                  {t.result.learnMore}:{" "}
                  {item.articles.map((slug, i) => (
                    <span key={slug}>
                      {i > 0 ? " / " : null}
                      <Link href={localePath(locale, `/articles/${slug}`)}>{t.articles[slug]}</Link>
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ul>
          {v.plainSettings.length > 0 ? (
            <p className="notice" data-verdict="plain-settings">
              {format(t.verdict.plainSettings, {
                servers: v.plainSettings.map((p) => `${p.protocol.toUpperCase()} ${p.host}:${p.port}`).join(", "),
              })}
            </p>
          ) : null}
          <p>
            {t.verdict.received}{" "}
            <Link href={localePath(locale, "/articles/received-headers")}>{t.articles["received-headers"]}</Link>
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={s.caption}>
            <table className="check-servers">
              <caption>{s.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.direction}</th>
                  <th scope="col">{s.server}</th>
                  <th scope="col">{s.declared}</th>
                  <th scope="col">{s.result}</th>
                  <th scope="col">{s.tls}</th>
                  <th scope="col">{s.certificate}</th>
                  <th scope="col">{s.authBefore}</th>
                </tr>
              </thead>
              <tbody>
                {report.servers.map((e) => {
                  const certOk = e.chainValid && e.hostnameMatches && !e.certExpired;
                  return (
                    <tr
                      key={`${e.host}-${e.port}-${e.security}`}
                      data-server={`${e.host}:${e.port}`}
                      data-outcome={e.outcome}
                    >
                      <td>{s.directions[e.direction]}</td>
                      <th scope="row">
                        <code>
                          {e.protocol.toUpperCase()} {e.host}:{e.port}
                        </code>
                      </th>
                      <td>{s.declaredValues[e.declared]}</td>
                      <td>
                        {s.outcomes[e.outcome]}
                        {e.outcome === "unknown" && e.failure ? (
                          <span className="muted">
                            {" "}
                            ({format(s.failure, { step: e.failure.step, code: e.failure.code })})
                          </span>
                        ) : null}
                      </td>
                      <td>{e.tlsVersion ? `${e.tlsVersion} ${e.cipher ?? ""}` : s.notApplicable}</td>
                      <td>
                        {e.tlsVersion
                          ? certOk
                            ? format(s.certificateOk, { days: e.certDaysLeft ?? "?" })
                            : s.certificateBad
                          : s.notApplicable}
                      </td>
                      <td>
                        {e.authBeforeTls === null
                          ? s.notApplicable
                          : e.authBeforeTls.length > 0
                            ? e.authBeforeTls.join(" ")
                            : s.none}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report.skipped > 0 ? <p className="hint">{format(t.result.skipped, { count: report.skipped })}</p> : null}
      <p className="hint">{format(t.result.elapsed, { seconds: (report.ms / 1000).toFixed(1) })}</p>
    </section>
  );
}
