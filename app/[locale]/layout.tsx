import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { commonMessages } from "@/lib/i18n/messages/common";
import { LOCALES } from "@/lib/i18n/locales";
import { feedAlternates, siteUrl } from "@/lib/seo/metadata";
import "../globals.css";
// Catalogue styles serve the home page, the catalogue, service pages, comparison and clients alike.
import "../catalogue.css";
import { getLocale } from "@/lib/i18n/page-locale";

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

// Unknown locales render the 404 through getLocale; dynamicParams = false here would also apply to
// the cached catalogue route below, whose version and query are never known at build time.
export const dynamicParams = true;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = commonMessages[locale];
  const origin = siteUrl();
  return {
    title: { default: t.siteName, template: `%s | ${t.siteName}` },
    description: t.siteTagline,
    // Only a configured origin: without one, Next would resolve relative URLs against localhost.
    ...(origin === undefined ? {} : { metadataBase: new URL(origin) }),
    // for pages whose own metadata names no alternates (the 404); pageMetadata names them again
    alternates: { types: feedAlternates(locale) },
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await getLocale(params);
  return (
    <html lang={locale}>
      <body>
        <SiteHeader locale={locale} />
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
