import { notFound } from "next/navigation";
import { isLocale, type Locale } from "@/lib/i18n/locales";

// Every page and its metadata start from the [locale] segment; anything but a known locale is a 404.
export async function getLocaleParams<P extends { locale: string }>(
  params: Promise<P>,
): Promise<Omit<P, "locale"> & { locale: Locale }> {
  const resolved = await params;
  const { locale } = resolved;
  if (!isLocale(locale)) notFound();
  return { ...resolved, locale };
}

export async function getLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  return (await getLocaleParams(params)).locale;
}
