import { isStale, oldestLastVerified, STALE_AFTER_MONTHS, type VerifiableClaim } from "@/lib/catalogue/freshness";
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { badgeMessages } from "@/lib/i18n/messages/badge";
import { BADGE_FONT_SIZE, textWidth } from "./text-width";

// A service's badge: which of the client ports with TLS its current claims say "yes" to, and the
// day the weakest of those claims was last verified. Pure, so the route, the service page and the
// tests build the same thing.

// In the order the badge lists them: receiving (IMAP, POP3) before sending (implicit TLS, then
// STARTTLS on submission, RFC 8314 §3).
export const BADGE_PROPERTIES = ["imaps", "pop3s", "smtps", "submission-starttls"] as const;
export type BadgeProperty = (typeof BADGE_PROPERTIES)[number];
const PORTS: Record<BadgeProperty, number> = { imaps: 993, pop3s: 995, smtps: 465, "submission-starttls": 587 };
const RECEIVING: readonly BadgeProperty[] = ["imaps", "pop3s"];
const SENDING: readonly BadgeProperty[] = ["smtps", "submission-starttls"];

export const BADGE_THEMES = ["light", "dark"] as const;
export type BadgeTheme = (typeof BADGE_THEMES)[number];

export type BadgeValue = "yes" | "no" | "partial" | "unknown";
export type BadgeClaim = VerifiableClaim & { value: BadgeValue };

// good: mail can be both read and sent over TLS; partial: only one of the two; none: neither
// (the sources say "no" or "partly"); stale: the evidence is too old to colour; unknown: no source
// says anything about these ports.
export type BadgeTone = "good" | "partial" | "none" | "stale" | "unknown";

export type BadgeFacts = {
  values: Record<BadgeProperty, BadgeValue>;
  // the ports whose claim is "yes", in BADGE_PROPERTIES order
  ports: number[];
  // the oldest "last verified" day among the claims that say something (as precise as stored)
  verified: string | null;
  stale: boolean;
  tone: BadgeTone;
};

// claims: the service's current claim per property key (a missing key is "unknown"). A service
// need not offer POP3 to be green: reading over IMAPS and sending over 465 or 587 is the whole job.
export function badgeFacts(claims: Partial<Record<string, BadgeClaim>>, now: Date = new Date()): BadgeFacts {
  const values = Object.fromEntries(BADGE_PROPERTIES.map((key) => [key, claims[key]?.value ?? "unknown"])) as Record<
    BadgeProperty,
    BadgeValue
  >;
  const ports = BADGE_PROPERTIES.filter((key) => values[key] === "yes").map((key) => PORTS[key]);
  const verified = oldestLastVerified(BADGE_PROPERTIES.flatMap((key) => claims[key] ?? []));
  if (verified === null) return { values, ports, verified, stale: false, tone: "unknown" };
  const stale = isStale(verified, now);
  const receives = RECEIVING.some((key) => values[key] === "yes");
  const sends = SENDING.some((key) => values[key] === "yes");
  const tone: BadgeTone = stale ? "stale" : receives && sends ? "good" : receives || sends ? "partial" : "none";
  return { values, ports, verified, stale, tone };
}

type Palette = { labelBg: string; labelText: string; tones: Record<BadgeTone, { bg: string; text: string }> };

// The site's own support colours (app/globals.css): white text on the light ones' dark fills, and
// the dark theme's light fills under near-black text, every pair at least 4.5:1 (WCAG 1.4.3;
// tests/badge/badge.test.ts measures them). Grey means "do not rely on this"; the text says why.
export const BADGE_PALETTES: Record<BadgeTheme, Palette> = {
  light: {
    labelBg: "#1b1f24",
    labelText: "#ffffff",
    tones: {
      good: { bg: "#0f6b2f", text: "#ffffff" },
      partial: { bg: "#8a4b00", text: "#ffffff" },
      none: { bg: "#a4161a", text: "#ffffff" },
      stale: { bg: "#5f6873", text: "#ffffff" },
      unknown: { bg: "#5f6873", text: "#ffffff" },
    },
  },
  dark: {
    labelBg: "#2b333c",
    labelText: "#e6e9ed",
    tones: {
      good: { bg: "#6fd08f", text: "#12161b" },
      partial: { bg: "#f0b46a", text: "#12161b" },
      none: { bg: "#ff8a8a", text: "#12161b" },
      stale: { bg: "#a9b3bd", text: "#12161b" },
      unknown: { bg: "#a9b3bd", text: "#12161b" },
    },
  },
};

// "2026-11-20" → "2026-11": the badge states the month; its accessible name, the whole date.
const month = (day: string) => day.slice(0, 7);

export type BadgeText = { label: string; message: string; summary: string };

export function badgeText(facts: BadgeFacts, locale: Locale, serviceName: string): BadgeText {
  const t = badgeMessages[locale];
  if (facts.verified === null) {
    return { label: t.label, message: t.unknown, summary: format(t.summaryUnknown, { name: serviceName }) };
  }
  const ports = facts.ports.length > 0 ? facts.ports.join("/") : t.noPort;
  const parts = [ports, format(t.verified, { date: month(facts.verified) }), ...(facts.stale ? [t.stale] : [])];
  const list = BADGE_PROPERTIES.map((key) => `${t.ports[key]} ${t.values[facts.values[key]]}`).join(t.listSeparator);
  const summary = format(facts.stale ? t.summaryStale : t.summary, {
    name: serviceName,
    ports: list,
    date: facts.verified,
    months: STALE_AFTER_MONTHS,
  });
  return { label: t.label, message: parts.join(" · "), summary };
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// For text and attribute values alike. Characters XML 1.0 cannot carry at all (controls but tab,
// newline and return, lone surrogates) are dropped: a hand-made name must not make the file invalid.
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!);
}

const HEIGHT = 20;
const PADDING = 6;
const BASELINE = 14;
const FONT_FAMILY = "Verdana,DejaVu Sans,Hiragino Sans,Meiryo,Noto Sans CJK JP,sans-serif";

// Shields.io's flat layout: a label on the left, the message on its colour on the right. No
// <style> and no style attribute (presentation attributes only), so the route's policy can forbid
// every style and script source; textLength fits each text to its measured box.
export function badgeSize(text: Pick<BadgeText, "label" | "message">) {
  const labelText = Math.ceil(textWidth(text.label));
  const messageText = Math.ceil(textWidth(text.message));
  const labelWidth = labelText + 2 * PADDING;
  const messageWidth = messageText + 2 * PADDING;
  return { labelText, messageText, labelWidth, messageWidth, width: labelWidth + messageWidth, height: HEIGHT };
}

export function badgeSvg(text: BadgeText, tone: BadgeTone, theme: BadgeTheme): string {
  const palette = BADGE_PALETTES[theme];
  const colours = palette.tones[tone];
  const { labelText, messageText, labelWidth, messageWidth, width } = badgeSize(text);
  const name = escapeXml(text.summary);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${name}">`,
    `<title>${name}</title>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="3"/></clipPath>`,
    `<g clip-path="url(#r)">`,
    `<rect width="${labelWidth}" height="${HEIGHT}" fill="${palette.labelBg}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${colours.bg}"/>`,
    `</g>`,
    `<g font-family="${FONT_FAMILY}" font-size="${BADGE_FONT_SIZE}" aria-hidden="true">`,
    `<text x="${PADDING}" y="${BASELINE}" fill="${palette.labelText}" textLength="${labelText}" lengthAdjust="spacingAndGlyphs">${escapeXml(text.label)}</text>`,
    `<text x="${labelWidth + PADDING}" y="${BASELINE}" fill="${colours.text}" textLength="${messageText}" lengthAdjust="spacingAndGlyphs">${escapeXml(text.message)}</text>`,
    `</g>`,
    `</svg>`,
    "",
  ].join("\n");
}

// The badge's path beside the service page it summarises: /ja/providers/<slug>/badge.svg. The dark
// one is a file of its own rather than a query, so every cache keys it by path alone.
export function badgePath(locale: Locale, slug: string, theme: BadgeTheme): string {
  return `/${locale}/providers/${slug}/${theme === "dark" ? "badge-dark.svg" : "badge.svg"}`;
}
