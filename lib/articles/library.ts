import { parseArticleFile, type ArticleIssue, type ParsedArticleFile } from "@/lib/articles/front-matter";
import { renderArticleBody, type TocEntry } from "@/lib/articles/render";
import type { GlossaryTerm } from "@/lib/articles/remark-glossary";
import { LOCALES, localePath, type Locale } from "@/lib/i18n/locales";
import { glossarySchema, type ArticleFrontmatter, type GlossaryEntry } from "@/lib/schemas/article";
import type { PropertyRecord } from "@/lib/schemas/data";
import { formatIssuePath } from "@/lib/schemas/issue-path";

export type Article = ArticleFrontmatter & {
  file: string;
  html: string;
  toc: TocEntry[];
  // other articles this one links to in its body, in order of first mention
  linkedSlugs: string[];
};

export type ArticleLibrary = {
  // every article in both languages, in reading order
  articles: Article[];
  glossary: GlossaryEntry[];
  properties: PropertyRecord[];
};

export type ArticleLibraryInput = {
  // file: the name used in messages, e.g. data/articles/starttls.ja.md
  files: { file: string; text: string }[];
  glossary: { file: string; json: unknown };
  properties: { file: string; records: PropertyRecord[] };
};

export function glossaryHref(locale: Locale, key: string): string {
  return `${localePath(locale, "/glossary")}#${key}`;
}

export function glossaryTerms(glossary: readonly GlossaryEntry[], locale: Locale): Map<string, GlossaryTerm> {
  return new Map(glossary.map((g) => [g.key, { term: g[locale].term, definition: g[locale].definition }]));
}

const ARTICLE_LINK = /^\/(ja|en)\/articles\/([^/?#]+)\/?(?:[?#].*)?$/;
const GLOSSARY_LINK = /^\/(ja|en)\/glossary\/?(?:#(.*))?$/;
const CATALOGUE_LINK = /^\/(ja|en)\/providers\/?\?(.*)$/;

// Internal links must carry a locale, stay in the article's language and point at something
// that exists; the crawler test catches the rest (service pages, tools) against a running site.
function checkLinks(
  article: ParsedArticleFile,
  links: { url: string; line?: number }[],
  known: KnownKeys,
  issues: ArticleIssue[],
) {
  const at = (line?: number) => (line ? line + article.bodyLineOffset : undefined);
  for (const { url, line } of links) {
    if (!url.startsWith("/") || url.startsWith("//")) continue;
    const locale = url.split(/[/?#]/)[1];
    if (locale !== "ja" && locale !== "en") {
      issues.push({
        file: article.file,
        line: at(line),
        message: `internal link "${url}" must start with /ja/ or /en/`,
      });
      continue;
    }
    if (locale !== article.locale) {
      issues.push({
        file: article.file,
        line: at(line),
        message: `internal link "${url}" leads to the other language; use /${article.locale}/…`,
      });
    }
    const articleLink = ARTICLE_LINK.exec(url);
    if (articleLink?.[2] && !known.slugs.has(articleLink[2])) {
      issues.push({
        file: article.file,
        line: at(line),
        message: `link "${url}": there is no article "${articleLink[2]}"`,
      });
    }
    const glossaryLink = GLOSSARY_LINK.exec(url);
    if (glossaryLink?.[2] && !known.glossary.has(glossaryLink[2])) {
      issues.push({
        file: article.file,
        line: at(line),
        message: `link "${url}": there is no glossary entry "${glossaryLink[2]}"`,
      });
    }
    const catalogueLink = CATALOGUE_LINK.exec(url);
    if (catalogueLink) {
      for (const key of new URLSearchParams(catalogueLink[2]).getAll("has").flatMap((v) => v.split(","))) {
        if (!known.properties.has(key))
          issues.push({ file: article.file, line: at(line), message: `link "${url}": unknown property "${key}"` });
      }
    }
  }
}

type KnownKeys = { slugs: Set<string>; glossary: Set<string>; properties: Set<string> };

function linkedSlugs(links: { url: string }[], self: string): string[] {
  const slugs = links
    .map((l) => ARTICLE_LINK.exec(l.url)?.[2])
    .filter((s): s is string => s !== undefined && s !== self);
  return [...new Set(slugs)];
}

// Checks and renders everything; returns every problem found so one run shows a writer all of
// them. Pure (no fs), so unit tests feed it files from memory.
export function buildArticleLibrary(input: ArticleLibraryInput): { library?: ArticleLibrary; issues: ArticleIssue[] } {
  const issues: ArticleIssue[] = [];

  const glossaryResult = glossarySchema.safeParse(input.glossary.json);
  if (!glossaryResult.success) {
    for (const issue of glossaryResult.error.issues) {
      const [index, ...rest] = issue.path;
      const entry =
        typeof index === "number" && Array.isArray(input.glossary.json)
          ? (input.glossary.json[index] as { key?: unknown } | undefined)
          : undefined;
      const record =
        typeof index === "number"
          ? `entry #${index + 1}${typeof entry?.key === "string" ? ` "${entry.key}"` : ""}`
          : "(file)";
      const field = formatIssuePath(rest, "");
      issues.push({
        file: input.glossary.file,
        message: `${record}${field ? `, field ${field}` : ""}: ${issue.message}`,
      });
    }
  }
  const glossary = glossaryResult.data ?? [];

  const parsed: ParsedArticleFile[] = [];
  for (const { file, text } of input.files) {
    const result = parseArticleFile(file, text);
    issues.push(...result.issues);
    if (result.article) parsed.push(result.article);
  }

  const propertyKeys = new Set(input.properties.records.map((p) => p.key));
  const known: KnownKeys = {
    slugs: new Set(parsed.map((a) => a.slug)),
    glossary: new Set(glossary.map((g) => g.key)),
    properties: propertyKeys,
  };
  const bySlug = new Map<string, Map<Locale, ParsedArticleFile>>();
  for (const a of parsed) {
    const locales = bySlug.get(a.slug) ?? new Map<Locale, ParsedArticleFile>();
    locales.set(a.locale, a);
    bySlug.set(a.slug, locales);
  }

  for (const [slug, locales] of bySlug) {
    for (const locale of LOCALES) {
      if (!locales.has(locale)) {
        const present = [...locales.values()][0];
        issues.push({
          file: present?.file ?? slug,
          message: `the ${locale} translation is missing: add ${slug}.${locale}.md`,
        });
      }
    }
    const ja = locales.get("ja");
    const en = locales.get("en");
    if (ja && en) {
      if (ja.frontmatter.order !== en.frontmatter.order) {
        issues.push({
          file: en.file,
          message: `order ${en.frontmatter.order} differs from the Japanese version's ${ja.frontmatter.order}`,
        });
      }
      if ([...ja.frontmatter.properties].sort().join() !== [...en.frontmatter.properties].sort().join()) {
        issues.push({
          file: en.file,
          message: `properties [${en.frontmatter.properties.join(", ")}] differ from the Japanese version's [${ja.frontmatter.properties.join(", ")}]`,
        });
      }
    }
  }

  const articles: Article[] = [];
  for (const a of parsed) {
    for (const key of a.frontmatter.properties) {
      if (!propertyKeys.has(key))
        issues.push({
          file: a.file,
          message: `front matter properties: unknown property "${key}" (not in ${input.properties.file})`,
        });
    }
    const rendered = renderArticleBody(a.body, {
      terms: glossaryTerms(glossary, a.locale),
      glossaryHref: (key) => glossaryHref(a.locale, key),
    });
    // With an unreadable glossary every term would be "unknown"; its own error says enough.
    const problems = glossaryResult.success
      ? rendered.problems
      : rendered.problems.filter((p) => p.rule !== "glossary-key");
    for (const p of problems)
      issues.push({ file: a.file, line: p.line ? p.line + a.bodyLineOffset : undefined, message: p.message });
    checkLinks(a, rendered.links, known, issues);
    articles.push({
      ...a.frontmatter,
      file: a.file,
      html: rendered.html,
      toc: rendered.toc,
      linkedSlugs: linkedSlugs(rendered.links, a.slug),
    });
  }

  // The catalogue links every property to its explainer; that article must exist and say so.
  for (const p of input.properties.records) {
    if (!p.article) {
      issues.push({ file: input.properties.file, message: `property "${p.key}" has no article` });
      continue;
    }
    const target = bySlug.get(p.article);
    if (!target) {
      issues.push({
        file: input.properties.file,
        message: `property "${p.key}" links to article "${p.article}", which does not exist`,
      });
      continue;
    }
    for (const a of target.values()) {
      if (!a.frontmatter.properties.includes(p.key)) {
        issues.push({
          file: a.file,
          message: `front matter properties must list "${p.key}": ${input.properties.file} names this article as its explainer`,
        });
      }
    }
  }
  glossary.forEach((g, i) => {
    if (g.article && !bySlug.has(g.article)) {
      issues.push({
        file: input.glossary.file,
        message: `entry #${i + 1} "${g.key}", field article: there is no article "${g.article}"`,
      });
    }
  });

  if (issues.length > 0) return { issues };
  articles.sort(
    (x, y) =>
      x.order - y.order || x.slug.localeCompare(y.slug) || LOCALES.indexOf(x.locale) - LOCALES.indexOf(y.locale),
  );
  return { library: { articles, glossary, properties: input.properties.records }, issues };
}

export function articlesFor(library: ArticleLibrary, locale: Locale): Article[] {
  return library.articles.filter((a) => a.locale === locale);
}

export function findArticle(library: ArticleLibrary, locale: Locale, slug: string): Article | undefined {
  return library.articles.find((a) => a.locale === locale && a.slug === slug);
}

// Articles that explain a property this one covers, or that either article links to, in
// reading order; when none, the neighbours in the list.
export function relatedArticles(library: ArticleLibrary, article: Article): Article[] {
  const all = articlesFor(library, article.locale);
  const related = all.filter(
    (a) =>
      a.slug !== article.slug &&
      (a.properties.some((p) => article.properties.includes(p)) ||
        article.linkedSlugs.includes(a.slug) ||
        a.linkedSlugs.includes(article.slug)),
  );
  if (related.length > 0) return related;
  const index = all.findIndex((a) => a.slug === article.slug);
  return [all[index - 1], all[index + 1]].filter((a): a is Article => a !== undefined);
}
