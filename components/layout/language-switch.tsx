"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { switchLocalePath, type Locale } from "@/lib/i18n/locales";
import { LANG_PARAM } from "@/lib/i18n/negotiate";

type LanguageSwitchProps = { to: Locale; label: string; text: string };

// A plain <a>, not next/link: the proxy turns ?lang= into the remembered choice, and a Link's
// prefetch would set it without a click. Changing language reloads the whole page anyway.
function SwitchLink({ to, label, text, search }: LanguageSwitchProps & { search: string }) {
  const query = new URLSearchParams(search);
  query.set(LANG_PARAM, to);
  const href = `${switchLocalePath(usePathname(), to)}?${query.toString()}`;
  return (
    <a href={href} hrefLang={to} lang={to} aria-label={label} className="language-switch">
      {text}
    </a>
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
