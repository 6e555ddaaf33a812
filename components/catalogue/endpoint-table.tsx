import { SourceCitation } from "@/components/ui/source-citation";
import { displayHost } from "@/lib/catalogue/recommended-settings";
import { serviceMessages } from "@/lib/i18n/messages/service";
import type { Locale } from "@/lib/i18n/locales";
import type { EndpointInfo } from "@/lib/queries/catalogue";

export function EndpointTable({ locale, endpoints }: { locale: Locale; endpoints: EndpointInfo[] }) {
  const t = serviceMessages[locale];
  if (endpoints.length === 0) return <p className="muted">{t.endpointsNone}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.endpoints}>
      <table className="endpoint-table stack-table">
        <thead>
          <tr>
            <th scope="col">{t.protocol}</th>
            <th scope="col">{t.host}</th>
            <th scope="col">{t.port}</th>
            <th scope="col">{t.security}</th>
            <th scope="col">{t.auth}</th>
            <th scope="col">{t.source}</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr key={`${e.protocol}-${e.host}-${e.port}-${e.source.key}`}>
              <td data-label={t.protocol}>
                {t.direction[e.direction]} · {e.protocol.toUpperCase()}
              </td>
              <td data-label={t.host}>
                <code>{displayHost(e.host)}</code>
              </td>
              <td data-label={t.port}>{e.port}</td>
              <td data-label={t.security}>{t.securityValues[e.security]}</td>
              <td data-label={t.auth}>{e.authMethods.join(", ") || "—"}</td>
              <td data-label={t.source}>
                <SourceCitation source={e.source} asOf={e.asOf} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
