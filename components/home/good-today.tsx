import Link from "next/link";
import { homeMessages } from "@/lib/i18n/messages/home";
import { localePath, type Locale } from "@/lib/i18n/locales";

export function GoodToday({ locale }: { locale: Locale }) {
  const t = homeMessages[locale].goodToday;
  return (
    <section className="good-today" aria-labelledby="good-today-title">
      <h2 id="good-today-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ol className="good-today__list">
        {t.items.map((item) => (
          <li key={item.text} data-article={item.article}>
            <span className="good-today__text">{item.text}</span>{" "}
            <Link prefetch={false} className="good-today__more" href={localePath(locale, `/articles/${item.article}`)}>
              {t.more}
              <span className="sr-only">: {item.text}</span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
