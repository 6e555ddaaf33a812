import type { Locale } from "@/lib/i18n/locales";

// Both languages must have the same keys; the Japanese text defines the shape.
export function defineMessages<T>(messages: { ja: T; en: NoInfer<T> }): Record<Locale, T> {
  return messages;
}
