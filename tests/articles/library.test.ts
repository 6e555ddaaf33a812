import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArticleLibrary, type ArticleLibraryInput } from "@/lib/articles/library";
import { loadArticleLibrary } from "@/lib/articles/load";
import { loadCatalogueData } from "@/lib/seed/load-data";
import { REPO_ROOT } from "../helpers/temp-db";
import { articleText, GLOSSARY, input, PROPERTIES } from "./fixtures";

function issuesOf(value: ArticleLibraryInput): string[] {
  const { library, issues } = buildArticleLibrary(value);
  if (issues.length === 0) expect(library).toBeDefined();
  return issues.map((i) => `${i.file}${i.line ? `:${i.line}` : ""}: ${i.message}`);
}

describe("buildArticleLibrary", () => {
  it("accepts a complete set and renders both languages", () => {
    const { library, issues } = buildArticleLibrary(input());
    expect(issues).toEqual([]);
    expect(library?.articles.map((a) => `${a.slug}.${a.locale}`)).toEqual(["implicit-tls.ja", "implicit-tls.en"]);
    expect(library?.articles.find((a) => a.locale === "ja")?.html).toContain('href="/ja/glossary#tls"');
  });

  it("detects a missing translation", () => {
    const [ja] = input().files;
    expect(issuesOf(input({ files: [ja!] }))).toEqual([
      "data/articles/implicit-tls.ja.md: the en translation is missing: add implicit-tls.en.md",
    ]);
  });

  it("detects an unknown glossary key, naming file and line", () => {
    const files = input().files.map((f) =>
      f.file.endsWith(".en.md") ? { ...f, text: f.text.replace("[[tls]]", "[[tsl]]") } : f,
    );
    expect(issuesOf(input({ files }))).toEqual([
      'data/articles/implicit-tls.en.md:16: unknown glossary key "tsl" in [[tsl]]',
    ]);
  });

  it("detects a heading that skips a level, with its line in the file", () => {
    const files = input().files.map((f) => (f.file.endsWith(".ja.md") ? { ...f, text: `${f.text}\n#### Deep\n` } : f));
    expect(issuesOf(input({ files }))).toEqual([
      'data/articles/implicit-tls.ja.md:18: "#### Deep" skips a level: it follows a level-2 heading, expected at most level 3',
    ]);
  });

  it("detects an unknown property key in front matter", () => {
    const files = input().files.map((f) => ({
      ...f,
      text: f.text.replace("properties: [smtps]", "properties: [smtps, smtp-ssl]"),
    }));
    expect(issuesOf(input({ files }))).toContain(
      'data/articles/implicit-tls.ja.md: front matter properties: unknown property "smtp-ssl" (not in data/properties.json)',
    );
  });

  it("detects a property whose article is missing or does not list it", () => {
    const moved = [{ ...PROPERTIES[0]!, article: "smtps-explained" }];
    expect(issuesOf(input({ properties: { file: "data/properties.json", records: moved } }))).toEqual([
      'data/properties.json: property "smtps" links to article "smtps-explained", which does not exist',
    ]);
    const files = input().files.map((f) => ({ ...f, text: f.text.replace("properties: [smtps]", "properties: []") }));
    expect(issuesOf(input({ files }))).toEqual([
      'data/articles/implicit-tls.ja.md: front matter properties must list "smtps": data/properties.json names this article as its explainer',
      'data/articles/implicit-tls.en.md: front matter properties must list "smtps": data/properties.json names this article as its explainer',
    ]);
  });

  it("detects internal links to missing articles, glossary entries or the other language", () => {
    const body =
      "## Links\n\n[a](/ja/articles/nope) [b](/ja/glossary#nope) [c](/en/articles/implicit-tls) [d](/articles/implicit-tls) [e](/ja/providers?has=nope)\n";
    const files = [{ file: "data/articles/implicit-tls.ja.md", text: articleText({}, body) }, input().files[1]!];
    expect(issuesOf(input({ files }))).toEqual([
      'data/articles/implicit-tls.ja.md:16: link "/ja/articles/nope": there is no article "nope"',
      'data/articles/implicit-tls.ja.md:16: link "/ja/glossary#nope": there is no glossary entry "nope"',
      'data/articles/implicit-tls.ja.md:16: internal link "/en/articles/implicit-tls" leads to the other language; use /ja/…',
      'data/articles/implicit-tls.ja.md:16: internal link "/articles/implicit-tls" must start with /ja/ or /en/',
      'data/articles/implicit-tls.ja.md:16: link "/ja/providers?has=nope": unknown property "nope"',
    ]);
  });

  it("reports a broken glossary file once instead of every term as unknown", () => {
    const broken = [{ ...GLOSSARY[0]!, en: { term: "TLS" } }];
    expect(issuesOf(input({ glossary: { file: "data/glossary.json", json: broken } }))).toEqual([
      'data/glossary.json: entry #1 "tls", field en.definition: Invalid input: expected string, received undefined',
    ]);
  });
});

describe("the real articles in data/", () => {
  it("load without problems, in both languages", async () => {
    const library = await loadArticleLibrary(path.join(REPO_ROOT, "data"));
    const slugs = (locale: string) => library.articles.filter((a) => a.locale === locale).map((a) => a.slug);
    expect(slugs("ja")).toEqual(slugs("en"));
    for (const a of library.articles) {
      expect(a.toc.length, a.file).toBeGreaterThan(0);
      expect(a.html, a.file).toMatch(/<figure>[\s\S]*<svg[^>]*role="img"/);
    }
  });

  it("explain every catalogue property: its article exists and lists it", async () => {
    const [library, catalogue] = await Promise.all([
      loadArticleLibrary(path.join(REPO_ROOT, "data")),
      loadCatalogueData(path.join(REPO_ROOT, "data")),
    ]);
    expect(catalogue.properties.length).toBeGreaterThan(0);
    for (const property of catalogue.properties) {
      expect(property.article, `${property.key} has no article`).toBeDefined();
      for (const locale of ["ja", "en"] as const) {
        const article = library.articles.find((a) => a.slug === property.article && a.locale === locale);
        expect(article, `${property.key} → ${property.article}.${locale}.md`).toBeDefined();
        expect(article?.properties, `${article?.file} should list ${property.key}`).toContain(property.key);
      }
    }
  });
});
