import { SourceCitation } from "@/components/ui/source-citation";
import { displayHost, recommendSettings } from "@/lib/catalogue/recommended-settings";
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { serviceMessages } from "@/lib/i18n/messages/service";
import type { EndpointInfo } from "@/lib/queries/catalogue";

const PROTOCOL = { pop3: "POP3", imap: "IMAP", smtp: "SMTP" } as const;

function describe(e: EndpointInfo, locale: Locale): string {
  const security = serviceMessages[locale].securityValues[e.security];
  return `${PROTOCOL[e.protocol]} ${displayHost(e.host)}:${e.port} (${security})`;
}

// The settings the sources list for a direction that has no encrypted one: named plainly, so
// "nothing listed" is never said when something unsafe is.
function UnencryptedList({ locale, endpoints, all }: { locale: Locale; endpoints: EndpointInfo[]; all: boolean }) {
  const t = serviceMessages[locale];
  const s = t.settings;
  return (
    <div className="notice settings-box__unencrypted" data-unencrypted>
      <p>{all ? s.unencryptedAll : s.unencryptedSome}</p>
      <ul>
        {endpoints.map((e) => (
          <li key={`${e.direction}-${e.protocol}-${e.host}-${e.port}`}>
            {t.direction[e.direction]}: <code>{displayHost(e.host)}</code>{" "}
            <span className="nowrap">
              {format(s.unencryptedItem, { port: e.port, protocol: PROTOCOL[e.protocol] })}
            </span>
          </li>
        ))}
      </ul>
      <p>{s.unencryptedAdvice}</p>
    </div>
  );
}

// What a person types into a mail app, from the best-secured setting any source gives.
export function RecommendedSettings({ locale, endpoints }: { locale: Locale; endpoints: EndpointInfo[] }) {
  const t = serviceMessages[locale];
  const s = t.settings;
  const { incoming, outgoing, changes, unencrypted } = recommendSettings(endpoints);
  if (!incoming && !outgoing && unencrypted.length > 0) {
    return (
      <section className="settings-box" aria-labelledby="settings-heading" data-settings-unencrypted>
        <h2 id="settings-heading">{s.title}</h2>
        <UnencryptedList locale={locale} endpoints={unencrypted} all />
      </section>
    );
  }
  if (!incoming && !outgoing) {
    return (
      <section className="settings-box" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{s.title}</h2>
        <p className="muted">{s.none}</p>
      </section>
    );
  }
  const rows = [
    [s.incoming, incoming],
    [s.outgoing, outgoing],
  ] as const;
  const placeholders = [incoming, outgoing].filter((e) => e && e.host !== displayHost(e.host));
  return (
    <section className="settings-box" aria-labelledby="settings-heading" data-settings>
      <h2 id="settings-heading">{s.title}</h2>
      <p className="hint">{s.lead}</p>
      <div className="settings-box__grid">
        {rows.map(([label, e]) =>
          e ? (
            <dl key={label} className="settings-box__item" data-direction={e.direction}>
              <dt className="settings-box__label">{label}</dt>
              <dd>
                <dl className="settings-box__fields">
                  <div>
                    <dt>{s.server}</dt>
                    <dd>
                      <code>{displayHost(e.host)}</code> ({PROTOCOL[e.protocol]})
                    </dd>
                  </div>
                  <div>
                    <dt>{s.port}</dt>
                    <dd>
                      <code>{e.port}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{s.security}</dt>
                    <dd>{t.securityValues[e.security]}</dd>
                  </div>
                  <div>
                    <dt>{s.auth}</dt>
                    <dd>{e.authMethods.includes("password-cleartext") ? s.authNormal : s.authAny}</dd>
                  </div>
                  <div>
                    <dt>{s.source}</dt>
                    <dd>
                      <SourceCitation source={e.source} asOf={e.asOf} locale={locale} />
                    </dd>
                  </div>
                </dl>
              </dd>
            </dl>
          ) : null,
        )}
      </div>
      {placeholders.map((e) => (
        <p key={e!.host} className="hint">
          {format(s.placeholder, { host: displayHost(e!.host) })}
        </p>
      ))}
      {unencrypted.length > 0 ? <UnencryptedList locale={locale} endpoints={unencrypted} all={false} /> : null}
      {changes.map(({ from, to }) => (
        <p key={`${from.protocol}-${from.port}`} className="notice" data-change>
          {format(s.change, { from: describe(from, locale), to: describe(to, locale) })}
        </p>
      ))}
    </section>
  );
}
