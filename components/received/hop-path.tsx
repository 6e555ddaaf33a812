import { HopMark } from "@/components/received/hop-mark";
import { tlsVersionLabel } from "@/components/received/format";
import { format } from "@/lib/i18n/format";
import { useReceivedText } from "@/components/received/received-text";
import type { Locale } from "@/lib/i18n/locales";
import type { ReceivedHopRow } from "@/lib/received/form";

type HopPathProps = { locale: Locale; hops: ReceivedHopRow[]; firstPlainHop: number | null };

// The route as an ordered list, oldest hop first: the order the message travelled.
export function HopPath({ locale, hops, firstPlainHop }: HopPathProps) {
  const t = useReceivedText();
  const name = (host: string | null) => host ?? t.path.unnamed;
  return (
    <section className="hop-path" aria-labelledby="hop-path-heading">
      <h3 id="hop-path-heading">{t.path.heading}</h3>
      <p className="hint" id="hop-path-description">
        {t.path.description}
      </p>
      <p className="hop-path__end hop-path__end--start">{t.path.sender}</p>
      <ol className="hop-path__list" aria-labelledby="hop-path-heading" aria-describedby="hop-path-description">
        {hops.map((hop) => {
          const tls = [hop.tlsVersion ? tlsVersionLabel(hop.tlsVersion) : null, hop.cipher].filter(Boolean).join(" ");
          return (
            <li
              key={hop.hop}
              className={`hop-path__hop hop-path__hop--${hop.tls}${hop.hop === firstPlainHop ? " hop-path__hop--first-plain" : ""}`}
              data-hop={hop.hop}
              data-tls={hop.tls}
            >
              <HopMark tls={hop.tls} locale={locale} weak={hop.weak} />
              <div className="hop-path__body">
                <p className="hop-path__title">
                  <strong>{format(t.path.hop, { hop: hop.hop })}</strong>{" "}
                  <span className="hop-path__route">
                    {format(t.path.route, { from: name(hop.from), by: name(hop.by) })}
                  </span>
                </p>
                {hop.with || tls ? (
                  <p className="hop-path__meta">
                    {hop.with ? format(t.path.with, { with: hop.with }) : null}
                    {hop.with && tls ? " · " : null}
                    {tls ? <span className="hop-path__tls">{tls}</span> : null}
                  </p>
                ) : null}
                {hop.localReason ? <p className="hop-path__meta">{t.localReasons[hop.localReason]}</p> : null}
                {hop.tlsEvidence ? (
                  <p className="hop-path__meta">
                    {t.path.evidence} <code className="hop-path__evidence">{hop.tlsEvidence}</code>
                  </p>
                ) : null}
                {hop.clientCertificate ? (
                  <p className="hop-path__meta" data-certificate={hop.clientCertificate}>
                    {format(t.path.certificate, { state: t.certificate[hop.clientCertificate] })}
                  </p>
                ) : null}
                {hop.weak ? (
                  <p className="hop-path__weak">
                    <a href="#weak-warnings">{t.path.weak}</a>
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="hop-path__end hop-path__end--finish">{t.path.recipient}</p>
    </section>
  );
}
