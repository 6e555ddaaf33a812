import Link from "next/link";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

type PaginationProps = { locale: Locale; page: number; pageCount: number; hrefFor: (page: number) => string };

// A window of pages around the current one, plus the first and last.
export function pageWindow(page: number, pageCount: number, radius = 2): number[] {
  const pages = new Set([1, pageCount]);
  for (let p = Math.max(1, page - radius); p <= Math.min(pageCount, page + radius); p++) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}

export function Pagination({ locale, page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const t = catalogueMessages[locale].pagination;
  const pages = pageWindow(page, pageCount);
  return (
    <nav aria-label={t.label} className="pagination">
      <p className="pagination__status">{format(t.page, { page, count: pageCount })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev">
              {t.previous}
            </Link>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <li key={p}>
            {i > 0 && p - (pages[i - 1] ?? p) > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className="pagination__current">
                {p}
              </span>
            ) : (
              <Link href={hrefFor(p)} aria-label={format(t.goTo, { page: p })}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              {t.next}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
