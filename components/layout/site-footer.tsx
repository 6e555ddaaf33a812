import Link from "next/link";
import { aboutMessages } from "@/lib/i18n/messages/about";
import { calendarMessages } from "@/lib/i18n/messages/calendar";
import { changesMessages } from "@/lib/i18n/messages/changes";
import { commonMessages } from "@/lib/i18n/messages/common";
import { licenceMessages } from "@/lib/i18n/messages/licence";
import { localePath, type Locale } from "@/lib/i18n/locales";

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = commonMessages[locale];
  return (
    <footer className="site-footer">
      <p>{t.footer.note}</p>
      <p>
        <Link prefetch={false} href={localePath(locale, "/about")}>
          {aboutMessages[locale].footerLink}
        </Link>
      </p>
      <p>
        <Link prefetch={false} href={localePath(locale, "/changes")}>
          {changesMessages[locale].footerLink}
        </Link>
      </p>
      <p>
        <Link prefetch={false} href={localePath(locale, "/calendar")}>
          {calendarMessages[locale].footerLink}
        </Link>
      </p>
      <p>
        <Link prefetch={false} href={localePath(locale, "/licence")}>
          {licenceMessages[locale].footerLink}
        </Link>
      </p>
    </footer>
  );
}
