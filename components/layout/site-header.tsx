import Link from "next/link";
import { Fragment } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { commonMessages } from "@/lib/i18n/messages/common";
import { localePath, otherLocale, type Locale } from "@/lib/i18n/locales";

export function SiteHeader({ locale }: { locale: Locale }) {
  const t = commonMessages[locale];
  const links = [
    ["/providers", t.nav.providers],
    ["/compare", t.nav.compare],
    ["/clients", t.nav.clients],
    ["/calendar", t.nav.calendar],
    ["/articles", t.nav.articles],
    ["/glossary", t.nav.glossary],
    ["/tools/received", t.nav.received],
    ["/tools/check", t.nav.check],
  ] as const;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <div className="site-header__bar">
        <Link href={localePath(locale)} className="site-title">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" className="site-title__icon">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M12 4 L15 12 L12 20 L9 12 Z" fill="currentColor" />
          </svg>
          <span>
            {/* A line may break only after the name's ・ (see .site-title). */}
            {t.siteName.split("・").map((part, i, parts) => (
              <Fragment key={part}>
                {part}
                {i < parts.length - 1 ? (
                  <>
                    ・<wbr />
                  </>
                ) : null}
              </Fragment>
            ))}
          </span>
        </Link>
        <LanguageSwitch to={otherLocale(locale)} label={t.languageSwitchLabel} text={t.languageSwitch} />
      </div>
      <nav aria-label={t.nav.label} className="site-nav">
        <ul>
          {links.map(([path, label]) => (
            <li key={path}>
              <Link href={localePath(locale, path)}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
