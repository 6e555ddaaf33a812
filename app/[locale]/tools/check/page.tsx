import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckForm } from "@/components/check/check-form";
import { checkMessages } from "@/lib/i18n/messages/check";
import { isLocale } from "@/lib/i18n/locales";
import { pageMetadata } from "@/lib/seo/metadata";
import { checkMailDomain } from "./actions";
import "../../../probe.css";

type CheckPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: CheckPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = checkMessages[locale];
  return pageMetadata({ locale, path: "/tools/check", title: t.title, description: t.description });
}

export default async function CheckPage({ params }: CheckPageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = checkMessages[locale];
  return (
    <div className="page check-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="hint">{t.safety}</p>
      <CheckForm locale={locale} action={checkMailDomain} />
    </div>
  );
}
