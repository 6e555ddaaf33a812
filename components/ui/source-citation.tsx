import { formatPartialDate, type Locale } from "@/lib/i18n/locales";
import type { SourceInfo } from "@/lib/queries/catalogue";

export function sourceTitle(source: SourceInfo, locale: Locale): string {
  return locale === "en" && source.titleEn ? source.titleEn : source.title;
}

export function SourceCitation({ source, asOf, locale }: { source: SourceInfo; asOf: string; locale: Locale }) {
  const title = sourceTitle(source, locale);
  return (
    <span className="citation">
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer external">
          {title}
        </a>
      ) : (
        <cite>{title}</cite>
      )}
      {", "}
      <time dateTime={asOf}>{formatPartialDate(locale, asOf)}</time>
    </span>
  );
}
