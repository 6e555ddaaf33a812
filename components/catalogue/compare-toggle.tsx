import Link from "next/link";
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";

export type CompareControl = {
  selected: readonly string[];
  // the catalogue URL with this service added or removed, every filter kept
  hrefFor: (slug: string) => string;
  full: boolean;
};

type CompareToggleProps = { locale: Locale; slug: string; name: string; compare: CompareControl };

// A real link, so adding works without JavaScript. With JavaScript, `replace` keeps a tick out of
// the history (Back leaves the catalogue instead of un-ticking) and `scroll={false}` keeps the
// place in the list; the element survives the re-render, so focus stays on it.
export function CompareToggle({ locale, slug, name, compare }: CompareToggleProps) {
  const t = catalogueMessages[locale].compare;
  const selected = compare.selected.includes(slug);
  if (!selected && compare.full) {
    return (
      <span className="compare-toggle compare-toggle--disabled" data-compare-toggle="disabled">
        <span className="compare-toggle__box" aria-hidden="true" />
        <span className="sr-only">{format(t.full, { name })}</span>
      </span>
    );
  }
  return (
    <Link
      href={compare.hrefFor(slug)}
      replace
      scroll={false}
      prefetch={false}
      className={selected ? "compare-toggle compare-toggle--on" : "compare-toggle"}
      data-compare-toggle={selected ? "on" : "off"}
    >
      <span className="compare-toggle__box" aria-hidden="true">
        {selected ? "✓" : null}
      </span>
      <span className="sr-only">{format(selected ? t.remove : t.add, { name })}</span>
    </Link>
  );
}
