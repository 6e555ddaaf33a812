import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import type { SupportValue } from "@/lib/schemas/data";

type SupportMarkProps = { value: SupportValue; locale: Locale; showLabel?: boolean };

// The symbol alone is decoration; the text label is what screen readers (and the legend) give.
export function SupportMark({ value, locale, showLabel = false }: SupportMarkProps) {
  const { mark, label } = catalogueMessages[locale].support[value];
  return (
    <span className={`support support--${value}`} data-support={value}>
      <span aria-hidden="true" className="support__mark">
        {mark}
      </span>
      <span className={showLabel ? "support__label" : "sr-only"}>{label}</span>
    </span>
  );
}
