import Link from "next/link";
import { SupportMark } from "@/components/ui/support-mark";
import { format } from "@/lib/i18n/format";
import { mailDomainMessages } from "@/lib/i18n/messages/mail-domain";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { domainFindings, type DomainFindingValue, type DomainPropertyKey } from "@/lib/mx/claims";
import type { DomainTransportReport, MxHostCheck } from "@/lib/mx/types";

type Messages = (typeof mailDomainMessages)["ja"];
type Tone = "good" | "bad" | "unknown";

type Item = {
  property: DomainPropertyKey;
  // the claim the report gives (lib/mx/claims.ts); null: none, the catalogue keeps "unknown"
  value: DomainFindingValue | null;
  answer: string;
  details: string[];
  // why it could not be tested, in full (OP25B), beside the one-line answer
  explain: string[];
  // articles besides the section's own, for what the explanation names
  articles?: Array<keyof Messages["articles"]>;
  ask: string[];
};

function toneOf(value: DomainFindingValue | null): Tone {
  return value === "yes" ? "good" : value === null ? "unknown" : "bad";
}

function starttlsHostLine(h: MxHostCheck, t: Messages["starttls"]["host"]): string {
  const s = h.starttls;
  if (!s) return t.other;
  if (s.verdict === "yes") {
    const certificate =
      s.certificateValid === false
        ? format(t.certificateInvalid, { error: s.certificateError ?? "?" })
        : s.hostnameMatches === false
          ? t.nameMismatch
          : t.certificateOk;
    return format(t.yes, { version: s.tlsVersion ?? "TLS", certificate });
  }
  const reasons = t as Record<string, string>;
  return (s.reason && reasons[s.reason]) || t.other;
}

function starttlsItem(hosts: MxHostCheck[], value: DomainFindingValue | null, t: Messages): Item {
  const reasons = new Set(hosts.map((h) => h.starttls?.reason));
  const explain = [
    ...(reasons.has("port-25-unreachable") ? [t.starttls.op25b] : []),
    ...(reasons.has("port-25-disabled") ? [t.starttls.disabled] : []),
  ];
  const certificateProblem = hosts.some(
    (h) =>
      h.starttls?.verdict === "yes" && (h.starttls.certificateValid === false || h.starttls.hostnameMatches === false),
  );
  return {
    property: "mx-starttls",
    value,
    articles: explain.length > 0 ? ["op25b"] : [],
    answer: value === null ? t.starttls.notTested : t.starttls[value],
    details: hosts.map((h) => `${h.host}: ${starttlsHostLine(h, t.starttls.host)}`),
    explain,
    ask: [
      ...(value === "no" || value === "partial" ? [t.starttls.askNo] : []),
      ...(certificateProblem ? [t.starttls.askCertificate] : []),
    ],
  };
}

function mtaStsItem(report: DomainTransportReport, value: DomainFindingValue | null, t: Messages): Item {
  const m = report.mtaSts;
  const s = t.mtaSts;
  const values = { domain: report.domain, fetch: m.fetch ?? "?" };
  const described = [
    ...(m.mode ? [s.modes[m.mode]] : []),
    ...(m.mxPatterns.length > 0 ? [format(s.patterns, { patterns: m.mxPatterns.join(", ") })] : []),
  ];
  const item = { property: "mta-sts" as const, value, explain: [] };
  switch (m.verdict) {
    case "valid":
      return {
        ...item,
        answer: format(s.valid, { mode: m.mode ?? "?", maxAge: m.maxAge ?? "?" }),
        details: described,
        ask: m.mode === "testing" ? [s.askTesting] : [],
      };
    case "mx-mismatch":
      return {
        ...item,
        answer: format(s["mx-mismatch"], { hosts: m.mxNotCovered.join(", ") }),
        details: described,
        ask: [s.askMismatch],
      };
    case "invalid":
      return {
        ...item,
        answer: s.invalid,
        details: m.problems.map((p) => format(s.problems[p], values)),
        ask: [s.askInvalid],
      };
    case "none":
      return { ...item, answer: s.none, details: [], ask: [s.askNone] };
    case "not-tested": {
      const reasons = s.reasons as Record<string, string>;
      return {
        ...item,
        answer: s.notTested,
        details: m.reason && reasons[m.reason] ? [reasons[m.reason]!] : [],
        ask: [],
      };
    }
  }
}

function tlsRptItem(report: DomainTransportReport, value: DomainFindingValue | null, t: Messages): Item {
  const r = report.tlsRpt;
  const answer =
    r.verdict === "yes"
      ? format(t.tlsRpt.yes, { rua: r.rua.join(", ") })
      : r.verdict === "no"
        ? t.tlsRpt.no
        : r.verdict === "invalid"
          ? format(t.tlsRpt.invalid, { detail: r.detail ?? "?" })
          : t.tlsRpt.notTested;
  return {
    property: "tls-rpt",
    value,
    answer,
    details: [],
    explain: [],
    ask: r.verdict === "no" || r.verdict === "invalid" ? [t.tlsRpt.ask] : [],
  };
}

function daneItem(hosts: MxHostCheck[], value: DomainFindingValue | null, t: Messages): Item {
  const lines = t.dane.host as Record<string, string>;
  const line = (h: MxHostCheck) => {
    const d = h.dane;
    if (!d) return lines.other!;
    if (d.verdict === "not-tested") return (d.reason && lines[d.reason]) || lines.other!;
    return lines[d.verdict]!;
  };
  const verdicts = new Set(hosts.map((h) => h.dane?.verdict));
  return {
    property: "dane",
    value,
    answer: value === null ? t.dane.notTested : t.dane[value],
    details: hosts.map((h) => `${h.host}: ${line(h)}`),
    explain: [],
    ask: [
      ...(verdicts.has("mismatch") ? [t.dane.askMismatch] : []),
      ...(verdicts.has("unsigned") ? [t.dane.askUnsigned] : []),
      ...(verdicts.has("none") && value !== "yes" ? [t.dane.askNone] : []),
    ],
  };
}

function MxLine({ report, t }: { report: DomainTransportReport; t: Messages }) {
  const mx = report.mx;
  if (mx.status === "found") {
    const unprobed = report.hosts.filter((h) => !h.probed).length;
    return (
      <>
        <p data-mx-status="found">{format(t.mx.found, { hosts: report.hosts.map((h) => h.host).join(", ") })}</p>
        {unprobed > 0 ? <p className="hint">{format(t.mx.unprobed, { count: unprobed })}</p> : null}
      </>
    );
  }
  return (
    <p className="notice" data-mx-status={mx.status}>
      {mx.status === "failed" ? format(t.mx.failed, { code: mx.code }) : t.mx[mx.status]}
    </p>
  );
}

function Context({ report, t }: { report: DomainTransportReport; t: Messages }) {
  const c = t.context;
  const line = (kind: "spf" | "dmarc") => {
    const check = report[kind];
    return format(c[kind][check.verdict], {
      detail: check.detail ?? "?",
      policy: (kind === "dmarc" && report.dmarc.policy) || "?",
    });
  };
  return (
    <>
      <h4>{c.heading}</h4>
      <p className="hint">{c.note}</p>
      <dl className="mail-domain__context">
        {(["spf", "dmarc"] as const).map((kind) => (
          <div key={kind} data-context={kind} data-value={report[kind].verdict}>
            <dt>{c[kind].label}</dt>
            <dd>{line(kind)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

type MailDomainReportProps = { locale: Locale; report: DomainTransportReport };

// What the mail-domain checks found, per property, with the claim each finding gives the
// catalogue (the same ○/×/△ marks): "could not test from here" gives none and says so.
export function MailDomainReport({ locale, report }: MailDomainReportProps) {
  const t = mailDomainMessages[locale];
  const findings = new Map(domainFindings(report).map((f) => [f.property, f.value]));
  const value = (p: DomainPropertyKey) => findings.get(p) ?? null;
  const hosts = report.hosts.filter((h) => h.probed);
  const items: Item[] =
    report.mx.status === "found" && hosts.length > 0
      ? [
          starttlsItem(hosts, value("mx-starttls"), t),
          mtaStsItem(report, value("mta-sts"), t),
          tlsRptItem(report, value("tls-rpt"), t),
          daneItem(hosts, value("dane"), t),
        ]
      : [];
  return (
    <section className="mail-domain" aria-labelledby="mail-domain-heading" data-mail-domain={report.domain}>
      <h3 id="mail-domain-heading">{t.heading}</h3>
      <p>{t.intro}</p>
      <MxLine report={report} t={t} />
      {items.length > 0 ? (
        <ul className="verdict">
          {items.map((item) => (
            <li
              key={item.property}
              className={`verdict__item verdict__item--${toneOf(item.value)}`}
              data-property={item.property}
              data-claim={item.value ?? "none"}
            >
              <p className="verdict__label">{t.properties[item.property]}</p>
              <p className="mail-domain__claim">
                {t.claim}: <SupportMark value={item.value ?? "unknown"} locale={locale} showLabel />
                {item.value === null ? <span className="hint"> {t.noClaim}</span> : null}
              </p>
              <p className="verdict__answer">{item.answer}</p>
              {item.explain.map((e) => (
                <p key={e} className="mail-domain__explain">
                  {e}
                </p>
              ))}
              {item.details.length > 0 ? (
                <ul className="verdict__details">
                  {item.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : null}
              {item.articles && item.articles.length > 0 ? (
                <p className="verdict__links">
                  {t.learnMore}:{" "}
                  {item.articles.map((slug) => (
                    <Link key={slug} prefetch={false} href={localePath(locale, `/articles/${slug}`)}>
                      {t.articles[slug]}
                    </Link>
                  ))}
                </p>
              ) : null}
              {item.ask.length > 0 ? (
                <div className="mail-domain__ask">
                  <p className="mail-domain__ask-label">{t.ask}</p>
                  {item.ask.map((a) => (
                    <p key={a}>{a}</p>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <Context report={report} t={t} />
      <p>
        {t.learnMore}:{" "}
        <Link prefetch={false} href={localePath(locale, "/articles/mx-security")}>
          {t.articles["mx-security"]}
        </Link>
      </p>
    </section>
  );
}
