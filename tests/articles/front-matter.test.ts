import { describe, expect, it } from "vitest";
import { parseArticleFile } from "@/lib/articles/front-matter";
import { articleFrontmatterSchema, glossarySchema } from "@/lib/schemas/article";
import { articleText, GLOSSARY } from "./fixtures";

const GOOD = {
  slug: "starttls",
  locale: "ja",
  title: "STARTTLS とは",
  description: "平文の接続を途中から暗号化する仕組みです。",
  lastReviewed: "2026-11-27",
  order: 5,
  properties: ["submission-starttls", "smtp-starttls"],
  sources: [{ title: "RFC 3207", url: "https://www.rfc-editor.org/rfc/rfc3207" }],
};

function messages(value: unknown): string[] {
  const result = articleFrontmatterSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("articleFrontmatterSchema", () => {
  it("accepts a complete front matter and defaults properties to []", () => {
    expect(articleFrontmatterSchema.parse(GOOD)).toEqual(GOOD);
    const { properties: _omitted, ...rest } = GOOD;
    expect(articleFrontmatterSchema.parse(rest).properties).toEqual([]);
  });

  it("keeps a YAML date (Date object) as its ISO day", () => {
    expect(
      articleFrontmatterSchema.parse({ ...GOOD, lastReviewed: new Date("2026-11-27T00:00:00Z") }).lastReviewed,
    ).toBe("2026-11-27");
  });

  it.each([
    ["a description over 200 characters", { description: "あ".repeat(201) }, "description"],
    ["an impossible date", { lastReviewed: "2026-02-30" }, "lastReviewed"],
    ["a date that is not ISO", { lastReviewed: "27/11/2026" }, "lastReviewed"],
    ["a date in the future", { lastReviewed: "2099-12-31" }, "lastReviewed"],
    ["an unknown locale", { locale: "fr" }, "locale"],
    ["a slug with capitals", { slug: "StartTLS" }, "slug"],
    ["no sources", { sources: [] }, "sources"],
    ["a source without a URL", { sources: [{ title: "RFC 3207" }] }, "sources.0.url"],
    ["a source with a non-http URL", { sources: [{ title: "x", url: "ftp://example.com/x" }] }, "sources.0.url"],
    ["a fractional order", { order: 1.5 }, "order"],
    ["a misspelt field", { lastReveiwed: "2026-11-27" }, ""],
  ])("rejects %s", (_name, change, path) => {
    const problems = messages({ ...GOOD, ...change });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith(`${path}:`))).toBe(true);
  });
});

describe("glossarySchema", () => {
  it("accepts the fixture and rejects a duplicate key or a missing definition", () => {
    expect(glossarySchema.safeParse(GLOSSARY).success).toBe(true);
    const duplicate = glossarySchema.safeParse([...GLOSSARY, ...GLOSSARY]);
    expect(duplicate.error?.issues[0]?.message).toContain('duplicate glossary key "tls"');
    const entry = GLOSSARY[0]!;
    expect(glossarySchema.safeParse([{ ...entry, en: { term: "TLS" } }]).success).toBe(false);
  });
});

describe("parseArticleFile", () => {
  it("splits the front matter from the body and counts the lines it takes", () => {
    const { article, issues } = parseArticleFile("data/articles/implicit-tls.ja.md", articleText());
    expect(issues).toEqual([]);
    expect(article?.frontmatter.title).toBe("暗黙的 TLS");
    expect(article?.body.trimStart().startsWith("## Intro")).toBe(true);
    expect(article?.bodyLineOffset).toBe(12);
  });

  it("names the file when slug or locale disagree with the file name", () => {
    const { issues } = parseArticleFile("data/articles/starttls.en.md", articleText());
    expect(issues.map((i) => i.message)).toEqual([
      'front matter slug "implicit-tls" does not match the file name (expected "starttls")',
      'front matter locale "ja" does not match the file name (expected "en")',
    ]);
    expect(issues.every((i) => i.file === "data/articles/starttls.en.md")).toBe(true);
  });

  it("reports missing front matter, bad YAML and bad file names", () => {
    expect(parseArticleFile("data/articles/x.ja.md", "## No front matter\n").issues[0]?.message).toContain(
      "missing front matter",
    );
    expect(parseArticleFile("data/articles/x.ja.md", "---\ntitle: [unclosed\n---\n").issues[0]?.message).toContain(
      "not valid YAML",
    );
    expect(parseArticleFile("data/articles/x.fr.md", articleText()).issues[0]?.message).toContain("<slug>.<locale>.md");
  });
});
