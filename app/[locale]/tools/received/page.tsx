import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnalyzerArticleLinks } from "@/components/analyzer/article-links";
import { AnalyzerForm } from "@/components/analyzer/analyzer-form";
import { analyzerMessages } from "@/lib/i18n/messages/analyzer";
import { isLocale } from "@/lib/i18n/locales";
import { MAX_PASTE_BYTES } from "@/lib/received/form";
import { SAMPLE_IDS } from "@/lib/received/samples";
import { pageMetadata } from "@/lib/seo/metadata";
import { analyzeHeaders } from "./actions";
import "../../../analyzer.css";

// Rendered per request and never cached: with JavaScript off, the page the form posts to carries
// the visitor's pasted headers, which must not land in any shared cache.
export const dynamic = "force-dynamic";

type AnalyzerPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: AnalyzerPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = analyzerMessages[locale];
  return pageMetadata({ locale, path: "/tools/received", title: t.title, description: t.description });
}

export default async function AnalyzerPage({ params }: AnalyzerPageProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = analyzerMessages[locale];
  return (
    <div className="page analyzer-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="analyzer-privacy" data-testid="analyzer-privacy">
        {t.privacy}
      </p>
      <p className="hint">{t.howTo}</p>
      <AnalyzerForm
        locale={locale}
        action={analyzeHeaders}
        samples={SAMPLE_IDS.map((id) => ({ id, name: t.samples.names[id] }))}
        maxLength={MAX_PASTE_BYTES}
      />
      <AnalyzerArticleLinks locale={locale} />
    </div>
  );
}
