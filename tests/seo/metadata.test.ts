import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
});

// The environment is parsed once per module instance, so each test loads a fresh one after
// setting SITE_URL.
async function metadataWithSiteUrl(siteUrl: string | undefined) {
  vi.stubEnv("SITE_URL", siteUrl);
  vi.resetModules();
  return import("@/lib/seo/metadata");
}

describe("SITE_URL", () => {
  it("has no default, drops a trailing slash and rejects anything but http(s)", () => {
    expect(parseEnv({}).SITE_URL).toBeUndefined();
    expect(parseEnv({ SITE_URL: "" }).SITE_URL).toBeUndefined();
    expect(parseEnv({ SITE_URL: "https://mail.example.jp/" }).SITE_URL).toBe("https://mail.example.jp");
    expect(() => parseEnv({ SITE_URL: "mail.example.jp" })).toThrow(/SITE_URL must be an http\(s\) URL/);
    expect(() => parseEnv({ SITE_URL: "ftp://mail.example.jp" })).toThrow(/SITE_URL/);
  });
});

describe("pageMetadata", () => {
  it("gives the canonical URL, both languages with x-default = Japanese, and Open Graph", async () => {
    const { pageMetadata } = await metadataWithSiteUrl("https://mail.example.jp");
    const meta = pageMetadata({
      locale: "en",
      path: "/articles/starttls",
      title: "STARTTLS",
      description: "d",
      type: "article",
      modifiedTime: "2026-11-27",
    });
    expect(meta.title).toBe("STARTTLS");
    expect(meta.alternates).toEqual({
      canonical: "https://mail.example.jp/en/articles/starttls",
      languages: {
        ja: "https://mail.example.jp/ja/articles/starttls",
        en: "https://mail.example.jp/en/articles/starttls",
        "x-default": "https://mail.example.jp/ja/articles/starttls",
      },
      types: {
        "application/atom+xml": [{ url: "/feeds/en/changes.atom", title: "Mail Security Compass: recent changes" }],
        "application/feed+json": [{ url: "/feeds/en/changes.json", title: "Mail Security Compass: recent changes" }],
      },
    });
    expect(meta.openGraph).toMatchObject({
      type: "article",
      url: "https://mail.example.jp/en/articles/starttls",
      locale: "en_US",
      alternateLocale: ["ja_JP"],
      siteName: "Mail Security Compass",
      modifiedTime: "2026-11-27",
    });
  });

  it("leaves the home page's title to the layout and maps / to /ja and /en", async () => {
    const { languageAlternates, pageMetadata } = await metadataWithSiteUrl("https://mail.example.jp");
    const meta = pageMetadata({ locale: "ja", path: "/", description: "d" });
    expect(meta.title).toBeUndefined();
    expect(meta.openGraph).toMatchObject({ type: "website", title: "メールセキュリティ・コンパス", locale: "ja_JP" });
    expect(languageAlternates("https://mail.example.jp", "/")).toEqual({
      ja: "https://mail.example.jp/ja",
      en: "https://mail.example.jp/en",
      "x-default": "https://mail.example.jp/ja",
    });
  });

  it("without SITE_URL gives no canonical, no language alternates and no og:url, and never localhost", async () => {
    const { pageMetadata, siteUrl } = await metadataWithSiteUrl(undefined);
    expect(siteUrl()).toBeUndefined();
    const meta = pageMetadata({ locale: "en", path: "/glossary", title: "Glossary", description: "d" });
    // only the feeds, as paths (Next resolves them against metadataBase, which is unset too)
    expect(Object.keys(meta.alternates ?? {})).toEqual(["types"]);
    expect(meta.openGraph).not.toHaveProperty("url");
    expect(meta.openGraph).toMatchObject({ title: "Glossary", locale: "en_US" });
    expect(JSON.stringify(meta)).not.toMatch(/localhost|https?:/);
  });

  it("links a service page's own change feed first, then the catalogue's", async () => {
    const { pageMetadata } = await metadataWithSiteUrl(undefined);
    const meta = pageMetadata({
      locale: "ja",
      path: "/providers/gmail",
      title: "Gmail",
      description: "d",
      feedOf: { slug: "gmail", name: "Gmail" },
    });
    expect(meta.alternates?.types?.["application/atom+xml"]).toEqual([
      { url: "/feeds/ja/providers/gmail.atom", title: "Gmail の変更履歴 | メールセキュリティ・コンパス" },
      { url: "/feeds/ja/changes.atom", title: "メールセキュリティ・コンパス: 最近の変更" },
    ]);
  });
});
