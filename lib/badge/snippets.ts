import { badgePath } from "@/lib/badge/badge";
import type { Locale } from "@/lib/i18n/locales";

// What the service page offers to copy: the badge as a link to the page it summarises, because an
// <img> cannot carry the link itself. origin is SITE_URL without its trailing slash, or null when
// none is configured (the snippets then hold paths, which the page says).
export type BadgeSnippets = { html: string; markdown: string };

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// CommonMark: a backslash escapes any ASCII punctuation; an unmatched bracket would end the alt text.
const escapeMarkdown = (text: string) => text.replace(/[\\[\]]/g, (ch) => `\\${ch}`);

export function badgeSnippets(origin: string | null, locale: Locale, slug: string, alt: string): BadgeSnippets {
  const base = origin ?? "";
  const page = `${base}/${locale}/providers/${slug}`;
  const light = `${base}${badgePath(locale, slug, "light")}`;
  const dark = `${base}${badgePath(locale, slug, "dark")}`;
  // <picture> picks the dark badge where the reader's page is dark (GitHub honours it too).
  const html = [
    `<a href="${escapeHtml(page)}">`,
    `  <picture>`,
    `    <source media="(prefers-color-scheme: dark)" srcset="${escapeHtml(dark)}">`,
    `    <img src="${escapeHtml(light)}" alt="${escapeHtml(alt)}">`,
    `  </picture>`,
    `</a>`,
  ].join("\n");
  const markdown = `[![${escapeMarkdown(alt)}](${light})](${page})`;
  return { html, markdown };
}
