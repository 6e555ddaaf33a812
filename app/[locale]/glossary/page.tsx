import type { Metadata } from "next";
import Link from "next/link";
import { findArticle, getArticleLibrary } from "@/lib/articles";
import { groupGlossary, OTHER_GROUP } from "@/lib/articles/glossary-index";
import { format } from "@/lib/i18n/format";
import { articleMessages } from "@/lib/i18n/messages/articles";
import { localePath } from "@/lib/i18n/locales";
import { pageMetadata } from "@/lib/seo/metadata";
import "../../articles.css";
import { getLocale } from "@/lib/i18n/page-locale";

type GlossaryPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: GlossaryPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = articleMessages[locale].glossary;
  return pageMetadata({ locale, path: "/glossary", title: t.title, description: t.description });
}

const groupId = (index: number) => `index-${index + 1}`;

export default async function GlossaryPage({ params }: GlossaryPageProps) {
  const locale = await getLocale(params);
  const t = articleMessages[locale].glossary;
  const library = await getArticleLibrary();
  // Japanese terms are filed by reading (kana order), so 証明書 sits among the さ terms.
  const groups = groupGlossary(library.glossary, locale);

  return (
    <div className="page glossary-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      {/* On a phone the list is thousands of pixels long: the index jumps to a row of the
          gojūon table (あかさたな…) or a letter. Rows without a term stay visible but inert. */}
      <nav id="glossary-index" aria-label={t.index} className="glossary-index">
        <ul>
          {groups.map((group, i) => (
            <li key={group.label}>
              {group.entries.length > 0 ? (
                <a href={`#${groupId(i)}`}>{group.label === OTHER_GROUP ? t.otherGroup : group.label}</a>
              ) : (
                <span aria-hidden="true">{group.label}</span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group, i) =>
        group.entries.length === 0 ? null : (
          <section key={group.label} aria-labelledby={groupId(i)} className="glossary-group">
            <h2 id={groupId(i)} className="glossary-group__label">
              {group.label === OTHER_GROUP ? t.otherGroup : group.label}
            </h2>
            <dl className="glossary-list">
              {group.entries.map((entry) => {
                const text = entry[locale];
                const reading = locale === "ja" ? entry.ja.reading : undefined;
                const article = entry.article ? findArticle(library, locale, entry.article) : undefined;
                return (
                  <div key={entry.key} className="glossary-list__entry">
                    <dt id={entry.key}>
                      {text.term}
                      {reading ? (
                        <span className="glossary-list__reading"> ({format(t.reading, { reading })})</span>
                      ) : null}
                    </dt>
                    <dd>
                      <p>{text.definition}</p>
                      {article ? (
                        <p className="glossary-list__article">
                          <Link prefetch={false} href={localePath(locale, `/articles/${article.slug}`)}>
                            {format(t.explainedIn, { title: article.title })}
                          </Link>
                        </p>
                      ) : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
            <p className="glossary-group__back">
              <a href="#glossary-index">{t.backToIndex}</a>
            </p>
          </section>
        ),
      )}
    </div>
  );
}
