import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { CompareLink } from "@/components/catalogue/compare-link";

export type CompareControl = {
  selected: readonly string[];
  // the catalogue URL with this service added or removed, every filter kept
  hrefFor: (slug: string) => string;
  full: boolean;
};

type CompareToggleProps = { locale: Locale; slug: string; name: string; compare: CompareControl };

// A service's add/remove control: a link (CompareLink), or, once four are picked, a box that says
// why it cannot be ticked. The box and its tick are drawn by CSS.
export function CompareToggle({ locale, slug, name, compare }: CompareToggleProps) {
  const t = catalogueMessages[locale].compare;
  const selected = compare.selected.includes(slug);
  if (!selected && compare.full) {
    return (
      <span data-compare-toggle="disabled">
        <span className="sr-only">{format(t.full, { name })}</span>
      </span>
    );
  }
  return (
    <CompareLink
      href={compare.hrefFor(slug)}
      label={format(selected ? t.remove : t.add, { name })}
      {...(selected ? { on: true } : {})}
    />
  );
}
