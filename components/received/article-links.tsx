import Link from "next/link";
import { receivedMessages } from "@/lib/i18n/messages/received";
import { localePath, type Locale } from "@/lib/i18n/locales";

const ARTICLE_SLUGS = ["received-headers", "starttls", "implicit-tls", "since-2006"] as const;

export function ReceivedArticleLinks({ locale }: { locale: Locale }) {
  const t = receivedMessages[locale].articles;
  return (
    <nav className="received-articles" aria-labelledby="received-articles-heading">
      <h2 id="received-articles-heading">{t.heading}</h2>
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
