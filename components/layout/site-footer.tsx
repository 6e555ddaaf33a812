import { commonMessages } from "@/lib/i18n/messages/common";
import type { Locale } from "@/lib/i18n/locales";

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = commonMessages[locale];
  return (
    <footer className="site-footer">
      <p>{t.footer.note}</p>
      <p>{t.footer.sourceCode}</p>
    </footer>
  );
}
