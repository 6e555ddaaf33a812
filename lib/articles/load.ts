import { readdir } from "node:fs/promises";
import path from "node:path";
import { ArticleValidationError, type ArticleIssue } from "@/lib/articles/front-matter";
import { buildArticleLibrary, type ArticleLibrary } from "@/lib/articles/library";
import { propertyFileSchema, type PropertyRecord } from "@/lib/schemas/data";
import { formatIssuePath } from "@/lib/schemas/issue-path";
import { readTextFile } from "@/lib/sources/read-text";

export const DEFAULT_DATA_DIR = path.join(process.cwd(), "data");

// Names in messages are relative to the project, e.g. data/articles/starttls.ja.md.
function displayName(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

// Size-limited, strict UTF-8 (lib/sources/read-text.ts), like every data file.
async function readText(file: string, issues: ArticleIssue[]): Promise<string | undefined> {
  try {
    const read = await readTextFile(file);
    if (read.ok) return read.text;
    issues.push({ file: displayName(file), message: read.message });
    return undefined;
  } catch (error) {
    issues.push({ file: displayName(file), message: `cannot read: ${(error as Error).message}` });
    return undefined;
  }
}

async function readJson(file: string, issues: ArticleIssue[]): Promise<unknown> {
  const text = await readText(file, issues);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    issues.push({ file: displayName(file), message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

async function readProperties(file: string, issues: ArticleIssue[]): Promise<PropertyRecord[]> {
  const json = await readJson(file, issues);
  if (json === undefined) return [];
  const parsed = propertyFileSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.push({ file: displayName(file), message: `${formatIssuePath(issue.path, "(file)")}: ${issue.message}` });
    return [];
  }
  return parsed.data;
}

// Reads data/articles/*.md, data/glossary.json and data/properties.json, checks them together
// and renders every article. Throws ArticleValidationError listing every problem.
export async function loadArticleLibrary(dataDir: string = DEFAULT_DATA_DIR): Promise<ArticleLibrary> {
  const issues: ArticleIssue[] = [];
  const articleDir = path.join(dataDir, "articles");
  let names: string[] = [];
  try {
    names = (await readdir(articleDir)).filter((n) => n.endsWith(".md") && n !== "FORMAT.md" && !n.startsWith("."));
  } catch (error) {
    issues.push({ file: displayName(articleDir), message: `cannot read: ${(error as Error).message}` });
  }
  const propertiesFile = path.join(dataDir, "properties.json");
  const glossaryFile = path.join(dataDir, "glossary.json");
  const [texts, glossaryJson, properties] = await Promise.all([
    Promise.all(
      names
        .sort()
        .map(async (n) => ({ file: path.join(articleDir, n), text: await readText(path.join(articleDir, n), issues) })),
    ),
    readJson(glossaryFile, issues),
    readProperties(propertiesFile, issues),
  ]);
  if (issues.length > 0) throw new ArticleValidationError(issues);

  const result = buildArticleLibrary({
    files: texts.map((t) => ({ file: displayName(t.file), text: t.text ?? "" })),
    glossary: { file: displayName(glossaryFile), json: glossaryJson },
    properties: { file: displayName(propertiesFile), records: properties },
  });
  if (!result.library) throw new ArticleValidationError(result.issues);
  return result.library;
}
