import type { Metadata } from "next";
import { ReceivedArticleLinks } from "@/components/received/article-links";
import { ReceivedForm } from "@/components/received/received-form";
import { receivedMessages } from "@/lib/i18n/messages/received";
import { MAX_PASTE_BYTES } from "@/lib/received/form";
import { SAMPLE_IDS } from "@/lib/received/samples";
import { pageMetadata } from "@/lib/seo/metadata";
import { analyzeHeaders } from "./actions";
import "../../../received.css";
import { getLocale } from "@/lib/i18n/page-locale";

// Rendered per request and never cached: with JavaScript off, the page the form posts to carries
// the visitor's pasted headers, which must not land in any shared cache.
export const dynamic = "force-dynamic";

// The form's strings: everything but what only this page shows.
function formText({
  title: _t,
  description: _d,
  lead: _l,
  privacy: _p,
  howTo: _h,
  articles: _a,
  ...text
}: (typeof receivedMessages)["ja"]) {
  return text;
}

type ReceivedPageProps = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: ReceivedPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = receivedMessages[locale];
  return pageMetadata({ locale, path: "/tools/received", title: t.title, description: t.description });
}

export default async function ReceivedPage({ params }: ReceivedPageProps) {
  const locale = await getLocale(params);
  const t = receivedMessages[locale];
  return (
    <div className="page received-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="received-privacy" data-testid="received-privacy">
        {t.privacy}
      </p>
      <p className="hint">{t.howTo}</p>
      <ReceivedForm
        locale={locale}
        text={formText(t)}
        action={analyzeHeaders}
        samples={SAMPLE_IDS.map((id) => ({ id, name: t.samples.names[id] }))}
        maxLength={MAX_PASTE_BYTES}
      />
      <ReceivedArticleLinks locale={locale} />
    </div>
  );
}
