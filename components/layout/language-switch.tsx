"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { switchLocalePath, type Locale } from "@/lib/i18n/locales";

type LanguageSwitchProps = { to: Locale; label: string; text: string };

function SwitchLink({ to, label, text, search }: LanguageSwitchProps & { search: string }) {
  const href = switchLocalePath(usePathname(), to) + (search ? `?${search}` : "");
  return (
    <Link href={href} hrefLang={to} lang={to} aria-label={label} className="language-switch">
      {text}
    </Link>
  );
}

function SwitchLinkWithQuery(props: LanguageSwitchProps) {
  return <SwitchLink {...props} search={useSearchParams().toString()} />;
}

// The query string (catalogue filters) is carried over; on statically rendered pages
// useSearchParams is client-only, so the server-rendered fallback keeps just the path.
export function LanguageSwitch(props: LanguageSwitchProps) {
  return (
    <Suspense fallback={<SwitchLink {...props} search="" />}>
      <SwitchLinkWithQuery {...props} />
    </Suspense>
  );
}
