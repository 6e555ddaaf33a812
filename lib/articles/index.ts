import { loadArticleLibrary } from "@/lib/articles/load";
import type { ArticleLibrary } from "@/lib/articles/library";
import { getEnv } from "@/lib/env";

export { ArticleValidationError } from "@/lib/articles/front-matter";
export {
  articlesFor,
  findArticle,
  glossaryHref,
  relatedArticles,
  type Article,
  type ArticleLibrary,
} from "@/lib/articles/library";
export type { TocEntry } from "@/lib/articles/render";

// Read and rendered once per process: every article page, the list, the glossary and the
// sitemap share it, and the files only change with a new build. The dev server re-reads them
// on every request so a writer sees an edit at once.
let cached: Promise<ArticleLibrary> | undefined;

export function getArticleLibrary(): Promise<ArticleLibrary> {
  if (getEnv().NODE_ENV === "development") return loadArticleLibrary();
  cached ??= loadArticleLibrary().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
