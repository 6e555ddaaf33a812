import type { Metadata } from "next";
import Link from "next/link";
import { articlesFor, getArticleLibrary } from "@/lib/articles";
import { format } from "@/lib/i18n/format";
import { articleMessages } from "@/lib/i18n/messages/articles";
import { formatPartialDate, localePath } from "@/lib/i18n/locales";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../articles.css";
import { getLocale } from "@/lib/i18n/page-locale";

type ArticlesPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: ArticlesPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = articleMessages[locale].list;
  return pageMetadata({ locale, path: "/articles", title: t.title, description: t.description });
}

export default async function ArticlesPage({ params }: ArticlesPageProps) {
  const locale = await getLocale(params);
  const t = articleMessages[locale];
  const articles = articlesFor(await getArticleLibrary(), locale);

  return (
    <div className="page articles-page">
      <h1>{t.list.title}</h1>
      <p className="lead">{t.list.lead}</p>
      <ol className="article-list">
        {articles.map((a) => (
          <li key={a.slug} className="article-list__item">
            <h2 className="article-list__title">
              <Link href={localePath(locale, `/articles/${a.slug}`)}>{a.title}</Link>
            </h2>
            <p className="article-list__description">{a.description}</p>
            <p className="hint">
              <time dateTime={a.lastReviewed}>
                {format(t.list.lastReviewed, { date: formatPartialDate(locale, a.lastReviewed) })}
              </time>
            </p>
          </li>
        ))}
      </ol>
      <p>
        <Link href={localePath(locale, "/glossary")}>{t.article.glossary}</Link>
      </p>
    </div>
  );
}
