import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import type { SupportValue } from "@/lib/schemas/data";

type SupportMarkProps = { value: SupportValue; locale: Locale; showLabel?: boolean; warnings?: string[] };

const WARNING_KEYS = ["password-without-tls", "only-unencrypted-settings"] as const;
type WarningKey = (typeof WARNING_KEYS)[number];
const isWarningKey = (w: string): w is WarningKey => (WARNING_KEYS as readonly string[]).includes(w);

// The symbol alone is decoration; the text label is what screen readers (and the legend) give.
// A warning (the only listed setting sends the password in clear) turns a "yes" amber and is
// spelled out, so a ○ never reads as "safe" when it is not.
export function SupportMark({ value, locale, showLabel = false, warnings = [] }: SupportMarkProps) {
  const t = catalogueMessages[locale];
  const { mark, label } = t.support[value];
  const shown = warnings.filter(isWarningKey);
  const warningText = shown.map((w) => t.warnings[w]).join(" / ");
  return (
    <span
      className={`support support--${value}${shown.length > 0 ? " support--warning" : ""}`}
      data-support={value}
      data-warning={shown.length > 0 ? shown.join(" ") : undefined}
      title={warningText || undefined}
    >
      <span aria-hidden="true" className="support__mark">
        {mark}
        {shown.length > 0 ? "⚠" : null}
      </span>
      <span className={showLabel ? "support__label" : "sr-only"}>{label}</span>
      {shown.length > 0 ? (
        <span className={showLabel ? "support__warning" : "sr-only"}>
          {locale === "ja" ? `（${warningText}）` : ` (${warningText})`}
        </span>
      ) : null}
    </span>
  );
}
