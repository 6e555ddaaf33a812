import Link from "next/link";
import { EvidenceDate } from "@/components/catalogue/evidence-date";
import { SupportMark } from "@/components/ui/support-mark";
import { STALE_AFTER_MONTHS } from "@/lib/catalogue/freshness";
import { format } from "@/lib/i18n/format";
import { propertyLabel } from "@/lib/i18n/labels";
import { homeMessages } from "@/lib/i18n/messages/home";
import { localePath, type Locale } from "@/lib/i18n/locales";
import type { ServiceSummary } from "@/lib/queries/catalogue";
import type { PropertyInfo } from "@/lib/queries/properties";

// The properties the "good today" box talks about, so a pick is read against the same yardstick.
const SHOWN = ["imaps", "pop3s", "smtps", "smtp-auth", "apop", "pop-before-smtp"];

type EditorsPickProps = { locale: Locale; picks: ServiceSummary[]; properties: PropertyInfo[] };

export function EditorsPick({ locale, picks, properties }: EditorsPickProps) {
  const t = homeMessages[locale].pick;
  const shown = properties.filter((p) => SHOWN.includes(p.key));
  return (
    <section aria-labelledby="editors-pick-title">
      <h2 id="editors-pick-title">{t.title}</h2>
      <p className="hint">{format(t.intro, { months: STALE_AFTER_MONTHS })}</p>
      <ul className="pick-list">
        {picks.map((pick) => {
          const name = locale === "en" && pick.nameEn ? pick.nameEn : pick.name;
          return (
            <li key={pick.slug} className="pick" data-pick={pick.slug}>
              <h3 className="pick__name">
                <Link prefetch={false} href={localePath(locale, `/providers/${pick.slug}`)}>
                  {name}
                </Link>
              </h3>
              <p className="pick__evidence">
                {t.evidence}
                <EvidenceDate locale={locale} value={pick.newestEvidence} />
              </p>
              <dl className="pick__marks">
                {shown.map((p) => {
                  const claim = pick.support[p.key];
                  return (
                    <div key={p.key} className="pick__mark" data-property={p.key}>
                      <dt>{propertyLabel(p, locale, true)}</dt>
                      <dd>
                        <SupportMark locale={locale} value={claim?.value ?? "unknown"} showLabel />
                        {claim ? <EvidenceDate locale={locale} value={claim.verifiedOn ?? claim.asOf} /> : null}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
