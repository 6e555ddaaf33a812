import { formatDelay, formatHopDate, tlsVersionLabel } from "@/components/received/format";
import { HopMark } from "@/components/received/hop-mark";
import { useReceivedText } from "@/components/received/received-text";
import type { Locale } from "@/lib/i18n/locales";
import type { ReceivedHopRow } from "@/lib/received/form";

type HopTableProps = { locale: Locale; hops: ReceivedHopRow[] };

export function HopTable({ locale, hops }: HopTableProps) {
  const text = useReceivedText();
  const t = text.table;
  const certificate = text.certificate;
  const none = <span className="muted">{t.none}</span>;
  const weakTag = <span className="received-weak-tag">{t.weak}</span>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="hop-table-caption">
      <table className="hop-table">
        <caption id="hop-table-caption">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.hop}</th>
            <th scope="col">{t.from}</th>
            <th scope="col">{t.by}</th>
            <th scope="col">{t.with}</th>
            <th scope="col">{t.tls}</th>
            <th scope="col">{t.version}</th>
            <th scope="col">{t.cipher}</th>
            <th scope="col">{t.authenticated}</th>
            <th scope="col">{t.certificate}</th>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.delay}</th>
          </tr>
        </thead>
        <tbody>
          {hops.map((hop) => {
            const oldVersion = hop.weakReasons.includes("tls-below-1.2");
            const weakCipher = hop.weakReasons.some((r) => r !== "tls-below-1.2");
            return (
              <tr key={hop.hop} data-hop={hop.hop}>
                <th scope="row">{hop.hop}</th>
                <td className="hop-table__host">{hop.from ?? none}</td>
                <td className="hop-table__host">{hop.by ?? none}</td>
                <td>{hop.with ?? none}</td>
                <td>
                  <HopMark tls={hop.tls} locale={locale} weak={hop.weak} />
                </td>
                <td className="hop-table__nowrap">
                  {hop.tlsVersion ? tlsVersionLabel(hop.tlsVersion) : none}
                  {oldVersion ? <> {weakTag}</> : null}
                </td>
                <td className="hop-table__cipher">
                  {hop.cipher ? <code>{hop.cipher}</code> : none}
                  {weakCipher ? <> {weakTag}</> : null}
                </td>
                <td className="hop-table__nowrap">{hop.authenticated ? t.authenticatedYes : t.authenticatedNo}</td>
                <td className="hop-table__nowrap">
                  {hop.clientCertificate ? certificate[hop.clientCertificate] : none}
                </td>
                <td className="hop-table__date">
                  {hop.date ? <time dateTime={hop.date}>{formatHopDate(hop.date)}</time> : none}
                </td>
                <td className="hop-table__nowrap">
                  {hop.delaySeconds === null ? none : formatDelay(locale, text.delay, hop.delaySeconds)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
