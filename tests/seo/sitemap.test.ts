import { describe, expect, it } from "vitest";
import { sitemapXml } from "@/lib/seo/sitemap";

const PAGES = [
  { path: "/", priority: 1 },
  { path: "/articles/starttls", lastModified: { ja: "2026-11-27" } },
];

describe("sitemapXml", () => {
  it("lists each page in both languages with hreflang alternates under SITE_URL", () => {
    const xml = sitemapXml("https://mail.example.jp", PAGES);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      "https://mail.example.jp/ja",
      "https://mail.example.jp/en",
      "https://mail.example.jp/ja/articles/starttls",
      "https://mail.example.jp/en/articles/starttls",
    ]);
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://mail.example.jp/ja"/>');
    // the review date belongs to the language that has it
    expect(xml.match(/<lastmod>2026-11-27<\/lastmod>/g)).toHaveLength(1);
  });

  it("without SITE_URL lists no URL and says what a deployment must set", () => {
    const xml = sitemapXml(undefined, PAGES);
    expect(xml).not.toContain("<loc>");
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toMatch(/<!--[^>]*SITE_URL[^>]*-->/);
    expect(xml).toMatch(/<urlset[^>]*>[\s\S]*<\/urlset>\s*$/);
  });
});
