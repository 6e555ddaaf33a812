import path from "node:path";
import { ArticleValidationError } from "@/lib/articles/front-matter";
import { articlesFor } from "@/lib/articles/library";
import { loadArticleLibrary } from "@/lib/articles/load";
import { LOCALES } from "@/lib/i18n/locales";

// Usage: tsx scripts/check-articles.ts [data-dir]   (default: ./data)
// Runs the same checks as `next build`, without building: front matter, translations, glossary
// keys, property keys, heading order and internal links.
async function main(): Promise<number> {
  const dataDir = path.resolve(process.argv[2] ?? "data");
  try {
    const library = await loadArticleLibrary(dataDir);
    const counts = LOCALES.map((l) => `${articlesFor(library, l).length} ${l}`).join(", ");
    console.log(
      `Articles OK: ${counts}; ${library.glossary.length} glossary terms; all ${library.properties.length} properties have an article.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ArticleValidationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
