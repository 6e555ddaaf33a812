import { createHash } from "node:crypto";
import { CALENDAR_ENTRIES } from "@/lib/calendar/data";
import { calendarFeed } from "@/lib/calendar/feed";
import { CALENDAR_CONTENT_TYPE } from "@/lib/calendar/paths";
import { isLocale } from "@/lib/i18n/locales";
import { siteUrl } from "@/lib/seo/metadata";

// /ja/calendar.ics and /en/calendar.ics. Per request only because SITE_URL (the events' links)
// is read when the server starts; the entries themselves are fixed at build. The security
// headers come from next.config.ts, as for every route the proxy does not match.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const body = calendarFeed(CALENDAR_ENTRIES, locale, siteUrl());
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  const headers = {
    "Content-Type": `${CALENDAR_CONTENT_TYPE}; charset=utf-8`,
    "Content-Disposition": `attachment; filename="mail-security-calendar-${locale}.ics"`,
    ETag: etag,
    "Cache-Control": "public, max-age=3600",
  };
  const match = request.headers.get("if-none-match");
  if (match !== null && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers });
}
