"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { commonMessages } from "@/lib/i18n/messages/common";
import { DEFAULT_LOCALE, isLocale, localePath } from "@/lib/i18n/locales";

// not-found receives no props; the locale comes from the URL the visitor asked for.
export default function NotFound() {
  const params = useParams<{ locale?: string }>();
  const locale = isLocale(params.locale) ? params.locale : DEFAULT_LOCALE;
  const t = commonMessages[locale].notFound;
  return (
    <div className="page narrow">
      {/* not-found cannot export localized metadata (it gets no params), so React hoists this
          title into <head>, where it replaces the layout's bare site name. */}
      <title>{`${t.title} | ${commonMessages[locale].siteName}`}</title>
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <ul className="link-list">
        <li>
          <Link href={localePath(locale)}>{t.home}</Link>
        </li>
        <li>
          <Link href={localePath(locale, "/providers")}>{t.providers}</Link>
        </li>
      </ul>
    </div>
  );
}
