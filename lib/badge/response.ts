import { badgeFacts, badgeSvg, badgeText, type BadgeTheme } from "@/lib/badge/badge";
import { isLocale } from "@/lib/i18n/locales";
import { contentEtag, etagMatches } from "@/lib/open-data/http";
import { getBadgeInput } from "@/lib/queries/badge";
import { slugSchema } from "@/lib/schemas/data";

// An hour: the badge states a month, and a verification job or an import changes it a few times a
// year; a README viewed all day costs one fetch an hour, and the ETag makes that a 304.
export const BADGE_CACHE_CONTROL = "public, max-age=3600";

// Every answer, 200 and 304. The security headers come from next.config.ts like every route's,
// whose policy lets the file run and load nothing when opened on its own (the badge needs no
// style sheet: presentation attributes only); there too it is allowed to load cross-origin.
const BADGE_HEADERS = { "Cache-Control": BADGE_CACHE_CONTROL };

const notFound = () =>
  new Response("No such service.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// /<locale>/providers/<slug>/badge.svg and badge-dark.svg. The ETag is the bytes' hash: the badge
// depends on the catalogue's version (values, names), on "verified again" days (which leave the
// version as it was) and on today (stale after STALE_AFTER_MONTHS), and the hash sees all three.
export async function badgeResponse(
  request: Request,
  params: Promise<{ locale: string; slug: string }>,
  theme: BadgeTheme,
  now: Date = new Date(),
): Promise<Response> {
  const { locale, slug } = await params;
  if (!isLocale(locale) || !slugSchema.safeParse(slug).success) return notFound();
  const input = await getBadgeInput(slug);
  if (!input) return notFound();
  const name = locale === "en" && input.nameEn ? input.nameEn : input.name;
  const facts = badgeFacts(input.claims, now);
  const svg = badgeSvg(badgeText(facts, locale, name), facts.tone, theme);
  const etag = contentEtag(svg);
  const match = request.headers.get("if-none-match");
  if (match !== null && etagMatches(match, etag))
    return new Response(null, { status: 304, headers: { ...BADGE_HEADERS, ETag: etag } });
  return new Response(svg, {
    headers: { ...BADGE_HEADERS, "Content-Type": "image/svg+xml; charset=utf-8", ETag: etag },
  });
}
