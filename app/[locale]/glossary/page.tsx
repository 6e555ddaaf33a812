import type { Metadata } from "next";
import Link from "next/link";
import { findArticle, getArticleLibrary } from "@/lib/articles";
import { format } from "@/lib/i18n/format";
import { articleMessages } from "@/lib/i18n/messages/articles";
import { localePath, type Locale } from "@/lib/i18n/locales";
import type { GlossaryEntry } from "@/lib/schemas/article";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../articles.css";
import { getLocale } from "@/lib/i18n/page-locale";

type GlossaryPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: GlossaryPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = articleMessages[locale].glossary;
  return pageMetadata({ locale, path: "/glossary", title: t.title, description: t.description });
}

// Japanese terms sort by their reading (kana order), so 証明書 sits among the し… terms.
function sortKey(entry: GlossaryEntry, locale: Locale): string {
  return locale === "ja" ? (entry.ja.reading ?? entry.ja.term) : entry.en.term;
}

export default async function GlossaryPage({ params }: GlossaryPageProps) {
  const locale = await getLocale(params);
  const t = articleMessages[locale].glossary;
  const library = await getArticleLibrary();
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const entries = [...library.glossary].sort((a, b) => collator.compare(sortKey(a, locale), sortKey(b, locale)));

  return (
    <div className="page glossary-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <dl className="glossary-list">
        {entries.map((entry) => {
          const text = entry[locale];
          const reading = locale === "ja" ? entry.ja.reading : undefined;
          const article = entry.article ? findArticle(library, locale, entry.article) : undefined;
          return (
            <div key={entry.key} className="glossary-list__entry">
              <dt id={entry.key}>
                {text.term}
                {reading ? <span className="glossary-list__reading"> ({format(t.reading, { reading })})</span> : null}
              </dt>
              <dd>
                <p>{text.definition}</p>
                {article ? (
                  <p className="glossary-list__article">
                    <Link href={localePath(locale, `/articles/${article.slug}`)}>
                      {format(t.explainedIn, { title: article.title })}
                    </Link>
                  </p>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
