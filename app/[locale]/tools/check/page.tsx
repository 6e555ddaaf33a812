import type { Metadata } from "next";
import { CheckForm } from "@/components/check/check-form";
import { checkMessages } from "@/lib/i18n/messages/check";
import { pageMetadata } from "@/lib/seo/metadata";
import { checkMailDomain } from "./actions";
import "../../../check.css";
import { getLocale } from "@/lib/i18n/page-locale";

type CheckPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: CheckPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = checkMessages[locale];
  return pageMetadata({ locale, path: "/tools/check", title: t.title, description: t.description });
}

export default async function CheckPage({ params }: CheckPageProps) {
  const locale = await getLocale(params);
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
