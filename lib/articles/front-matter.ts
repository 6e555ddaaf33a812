import { parseDocument } from "yaml";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { articleFrontmatterSchema, type ArticleFrontmatter } from "@/lib/schemas/article";
import { formatIssuePath } from "@/lib/schemas/issue-path";

export type ArticleIssue = { file: string; line?: number; message: string };

export class ArticleValidationError extends Error {
  constructor(readonly issues: ArticleIssue[]) {
    super(
      `Invalid articles (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  ${i.file}${i.line ? `:${i.line}` : ""}: ${i.message}`).join("\n"),
    );
    this.name = "ArticleValidationError";
  }
}

export const ARTICLE_FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]+)\.md$/;

export type ParsedArticleFile = {
  file: string;
  slug: string;
  locale: Locale;
  frontmatter: ArticleFrontmatter;
  body: string;
  // lines taken by the front matter block, added to body line numbers in messages
  bodyLineOffset: number;
};

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

// Splits and checks one article file. `file` is the name shown in messages
// (data/articles/<slug>.<locale>.md); the slug and locale must agree with it.
export function parseArticleFile(file: string, text: string): { article?: ParsedArticleFile; issues: ArticleIssue[] } {
  const issues: ArticleIssue[] = [];
  const baseName = file.split(/[\\/]/).at(-1) ?? file;
  const name = ARTICLE_FILE_NAME.exec(baseName);
  const nameSlug = name?.[1];
  const nameLocale = name?.[2];
  if (!nameSlug || !isLocale(nameLocale)) {
    issues.push({ file, message: `file name must be <slug>.<locale>.md with locale ja or en` });
    return { issues };
  }

  const source = text.replace(/^\uFEFF/, "");
  const block = FRONT_MATTER.exec(source);
  if (!block) {
    issues.push({
      file,
      line: 1,
      message: "missing front matter: the file must start with a --- line, the YAML fields and a closing --- line",
    });
    return { issues };
  }
  const yamlText = block[1] ?? "";
  const doc = parseDocument(yamlText, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      issues.push({
        file,
        line: error.linePos ? error.linePos[0].line + 1 : undefined,
        message: `front matter is not valid YAML: ${error.message.split("\n")[0]}`,
      });
    }
    return { issues };
  }
  const parsed = articleFrontmatterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ file, message: `front matter ${formatIssuePath(issue.path, "(front matter)")}: ${issue.message}` });
    return { issues };
  }
  const frontmatter = parsed.data;
  if (frontmatter.slug !== nameSlug) {
    issues.push({
      file,
      message: `front matter slug "${frontmatter.slug}" does not match the file name (expected "${nameSlug}")`,
    });
  }
  if (frontmatter.locale !== nameLocale) {
    issues.push({
      file,
      message: `front matter locale "${frontmatter.locale}" does not match the file name (expected "${nameLocale}")`,
    });
  }
  if (issues.length > 0) return { issues };

  const bodyLineOffset = block[0].split("\n").length - (block[0].endsWith("\n") ? 1 : 0);
  return {
    article: {
      file,
      slug: nameSlug,
      locale: nameLocale,
      frontmatter,
      body: source.slice(block[0].length),
      bodyLineOffset,
    },
    issues,
  };
}
