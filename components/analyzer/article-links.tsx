import Link from "next/link";
import { analyzerMessages } from "@/lib/i18n/messages/analyzer";
import { localePath, type Locale } from "@/lib/i18n/locales";

const ARTICLE_SLUGS = ["received-headers", "starttls", "implicit-tls", "since-2006"] as const;

export function AnalyzerArticleLinks({ locale }: { locale: Locale }) {
  const t = analyzerMessages[locale].articles;
  return (
    <nav className="analyzer-articles" aria-labelledby="analyzer-articles-heading">
      <h2 id="analyzer-articles-heading">{t.heading}</h2>
      <ul className="link-list">
        {ARTICLE_SLUGS.map((slug) => (
          <li key={slug}>
            <Link href={localePath(locale, `/articles/${slug}`)}>{t.items[slug]}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
