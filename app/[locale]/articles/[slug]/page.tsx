import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/articles/article-body";
import { CatalogueLinks } from "@/components/articles/catalogue-links";
import { SourceList } from "@/components/articles/source-list";
import { TableOfContents } from "@/components/articles/table-of-contents";
import { articlesFor, findArticle, getArticleLibrary, relatedArticles } from "@/lib/articles";
import { articleMessages } from "@/lib/i18n/messages/articles";
import { formatPartialDate, isLocale, localePath, otherLocale } from "@/lib/i18n/locales";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../../articles.css";
import { getLocaleParams } from "@/lib/i18n/page-locale";

// Rendered at build time from data/articles: an invalid article fails `next build`.
export const dynamicParams = false;

export async function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  const library = await getArticleLibrary();
  return articlesFor(library, params.locale).map((a) => ({ slug: a.slug }));
}

type ArticlePageProps = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const { locale, slug } = await getLocaleParams(params);
  const article = findArticle(await getArticleLibrary(), locale, slug);
  if (!article) return {};
  return pageMetadata({
    locale,
    path: `/articles/${slug}`,
    title: article.title,
    description: article.description,
    type: "article",
    modifiedTime: article.lastReviewed,
  });
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const { locale, slug } = await getLocaleParams(params);
  const library = await getArticleLibrary();
  const article = findArticle(library, locale, slug);
  if (!article) notFound();
  const t = articleMessages[locale].article;
  const other = otherLocale(locale);
  const translation = findArticle(library, other, slug);
  const properties = article.properties
    .map((key) => library.properties.find((p) => p.key === key))
    .filter((p) => p !== undefined);
  const related = relatedArticles(library, article);

  return (
    <article className="page article-page">
      <p className="breadcrumb">
        <Link href={localePath(locale, "/articles")}>{t.backToList}</Link>
      </p>
      <header className="article-page__header">
        <h1>{article.title}</h1>
        <p className="lead">{article.description}</p>
        <p className="article-page__meta">
          {t.lastReviewed}:{" "}
          <time dateTime={article.lastReviewed}>{formatPartialDate(locale, article.lastReviewed)}</time>
          {translation ? (
            <>
              <span aria-hidden="true"> · </span>
              {t.otherLanguage}:{" "}
              <Link prefetch={false} href={localePath(other, `/articles/${slug}`)} hrefLang={other} lang={other}>
                {translation.title}
              </Link>
            </>
          ) : null}
        </p>
      </header>
      <TableOfContents entries={article.toc} label={t.toc} />
      <ArticleBody html={article.html} tableLabel={t.tableLabel} />
      <CatalogueLinks locale={locale} properties={properties.filter((p) => p.appliesTo !== "client")} />
      <SourceList sources={article.sources} heading={t.sources} />
      {related.length > 0 ? (
        <nav className="article-related" aria-labelledby="article-related-heading">
          <h2 id="article-related-heading">{t.related}</h2>
          <ul>
            {related.map((r) => (
              <li key={r.slug}>
                <Link prefetch={false} href={localePath(locale, `/articles/${r.slug}`)}>
                  {r.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </article>
  );
}
