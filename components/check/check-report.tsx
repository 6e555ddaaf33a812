import Link from "next/link";
import type { ReactNode, Ref } from "react";
import { MailDomainReport } from "@/components/check/mail-domain-report";
import type { CheckedServer, CheckReport, CheckVerdict } from "@/lib/check/types";
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

type Messages = (typeof checkMessages)["ja"];

// One failure in words a visitor can act on; the step and the error code pick the sentence.
// A closed port and a silent one read the same (lib/check/unanswered.ts); reports stored before
// the check folded them still carry the connect step's own codes, which are worded as one here.
function describeFailure(failure: NonNullable<CheckedServer["failure"]>, t: Messages["servers"]): string {
  const f = t.failures;
  if (failure.step === "connect" && failure.code !== "ENETUNREACH") return f["no-answer"];
  if (failure.step === "greeting" && failure.code === "timeout") return f["no-answer"];
  if (failure.code in f && failure.code !== "other") return f[failure.code as keyof typeof f];
  if (failure.step === "handshake") return f.handshake;
  const steps = t.steps as Record<string, string>;
  return format(f.other, { step: steps[failure.step] ?? failure.step });
}

function groupByHost(servers: CheckedServer[]): Array<{ host: string; servers: CheckedServer[] }> {
  const groups = new Map<string, CheckedServer[]>();
  for (const s of servers) groups.set(s.host, [...(groups.get(s.host) ?? []), s]);
  return [...groups].map(([host, list]) => ({ host, servers: list }));
}

type HostCardsProps = { locale: Locale; servers: CheckedServer[]; guessed: boolean };

// One card per host, its ports inside: a host that refuses every port says so once, in words,
// instead of repeating the same failure per port.
function HostCards({ locale, servers, guessed }: HostCardsProps) {
  const t = checkMessages[locale];
  const s = t.servers;
  return (
    <ul className="check-hosts">
      {groupByHost(servers).map(({ host, servers: ports }) => (
        <li key={host} className="check-host" data-host={host}>
          <h4 className="check-host__name">
            <code>{host}</code>
            {guessed ? <span className="check-host__badge">{s.guessedBadge}</span> : null}
          </h4>
          <ul className="check-host__ports">
            {ports.map((e) => {
              const certOk = e.chainValid && e.hostnameMatches && !e.certExpired;
              return (
                <li
                  key={`${e.port}-${e.security}-${e.protocol}`}
                  className={`check-port check-port--${e.outcome}`}
                  data-server={`${e.host}:${e.port}`}
                  data-outcome={e.outcome}
                >
                  <p className="check-port__head">
                    <strong>{format(s.port, { protocol: e.protocol.toUpperCase(), port: e.port })}</strong>
                    <span className="check-port__meta">
                      {s.directions[e.direction]} · {s.declared}: {s.declaredValues[e.declared]}
                    </span>
                  </p>
                  <p className="check-port__result">
                    {e.failure && e.outcome === "unknown" ? describeFailure(e.failure, s) : s.outcomes[e.outcome]}
                  </p>
                  {e.tlsVersion || e.authBeforeTls !== null ? (
                    <dl className="check-port__facts">
                      {e.tlsVersion ? (
                        <>
                          <dt>{s.tls}</dt>
                          <dd>
                            {e.tlsVersion} {e.cipher ?? ""}
                          </dd>
                          <dt>{s.certificate}</dt>
                          <dd>
                            {certOk ? format(s.certificateOk, { days: e.certDaysLeft ?? "?" }) : s.certificateBad}
                          </dd>
                        </>
                      ) : null}
                      {e.authBeforeTls !== null ? (
                        <>
                          <dt>{s.authBefore}</dt>
                          <dd>{e.authBeforeTls.length > 0 ? e.authBeforeTls.join(" ") : s.none}</dd>
                        </>
                      ) : null}
                    </dl>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Verdict({ locale, report }: { locale: Locale; report: CheckReport }) {
  const t = checkMessages[locale];
  const v = report.verdict;
  return (
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
                  <Link prefetch={false} href={localePath(locale, `/articles/${slug}`)}>
                    {t.articles[slug]}
                  </Link>
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
        <Link prefetch={false} href={localePath(locale, "/articles/received-headers")}>
          {t.articles["received-headers"]}
        </Link>
      </p>
    </>
  );
}

function Headline({ locale, report }: { locale: Locale; report: CheckReport }) {
  const t = checkMessages[locale];
  const sources = t.result.sources as Record<string, string>;
  const source = sources[report.answeredBy] ?? report.answeredBy;
  const o = t.outcomes;
  const values = { domain: report.domain, source, code: report.dnsError ?? "?" };
  const lines: string[] = [];
  let title: string;
  switch (report.outcome) {
    case "checked":
      title = o.checked.title;
      lines.push(format(o.checked.body, values));
      break;
    case "no-such-domain":
      title = format(o["no-such-domain"].title, values);
      lines.push(o["no-such-domain"].body, o["no-such-domain"].next);
      break;
    case "no-settings":
      title = format(o["no-settings"].title, values);
      lines.push(
        o["no-settings"].body,
        report.mxHosts.length > 0
          ? format(o["no-settings"].mx, { hosts: report.mxHosts.join(", ") })
          : o["no-settings"].noMx,
        o["no-settings"].next,
      );
      break;
    case "unreachable":
      title = o.unreachable.title;
      lines.push(
        format(o.unreachable.body, {
          ...values,
          servers: report.servers.map((s) => `${s.host}:${s.port}`).join(", "),
        }),
        o.unreachable.next,
      );
      break;
    case "network-failed":
      title = o["network-failed"].title;
      lines.push(format(o["network-failed"].body, values), o["network-failed"].next);
      break;
    case "dns-failed":
      title = format(o["dns-failed"].title, values);
      lines.push(format(o["dns-failed"].body, values), o["dns-failed"].next);
      break;
  }
  const tone = report.outcome === "checked" ? "info" : report.outcome === "network-failed" ? "unknown" : "bad";
  return (
    <div className={`check-outcome check-outcome--${tone}`} data-check-outcome={report.outcome}>
      <p className="check-outcome__title">{title}</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

type CheckReportViewProps = {
  locale: Locale;
  report: CheckReport;
  headingRef?: Ref<HTMLHeadingElement>;
  // shown above the headline for a stored result: when it was checked, its link, "run again"
  children?: ReactNode;
};

export function CheckReportView({ locale, report, headingRef, children }: CheckReportViewProps) {
  const t = checkMessages[locale];
  const s = t.servers;
  return (
    <section
      id="check-result"
      className="check-result"
      aria-labelledby="check-result-heading"
      data-check-domain={report.domain}
    >
      <h2 id="check-result-heading" tabIndex={-1} ref={headingRef}>
        {format(t.result.heading, { domain: report.domain })}
      </h2>
      <Headline locale={locale} report={report} />
      {children}
      {report.providers.map((p) => {
        const name = locale === "en" && p.nameEn ? p.nameEn : p.name;
        return (
          <p key={p.slug} data-provider={p.slug}>
            {format(t.result.provider, { name, mx: p.mxHost })}{" "}
            <Link prefetch={false} href={localePath(locale, `/providers/${p.slug}`)}>
              {format(t.result.providerLink, { name })}
            </Link>
          </p>
        );
      })}
      {report.outcome === "checked" && report.servers.length === 0 ? <p>{t.result.noServers}</p> : null}
      {report.outcome === "checked" && report.servers.length > 0 ? <Verdict locale={locale} report={report} /> : null}
      {report.servers.length > 0 && report.guessed ? (
        <>
          <h3>{t.outcomes["no-settings"].guessesHeading}</h3>
          <p className="notice">{t.outcomes["no-settings"].guesses}</p>
          <HostCards locale={locale} servers={report.servers} guessed />
        </>
      ) : null}
      {report.servers.length > 0 && !report.guessed ? (
        <>
          <h3>{s.hostsHeading}</h3>
          <HostCards locale={locale} servers={report.servers} guessed={false} />
        </>
      ) : null}
      {report.mailDomain ? <MailDomainReport locale={locale} report={report.mailDomain} /> : null}
      {report.skipped > 0 ? <p className="hint">{format(t.result.skipped, { count: report.skipped })}</p> : null}
      <p className="hint">{format(t.result.elapsed, { seconds: (report.ms / 1000).toFixed(1) })}</p>
    </section>
  );
}
