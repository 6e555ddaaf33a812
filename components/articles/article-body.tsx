import { addScrollRegions } from "@/components/articles/scroll-regions";

// The HTML comes from reviewed Markdown in data/articles, rendered and checked at build time
// (lib/articles); the raw HTML it may contain is the writers' inline SVG figures.
export function ArticleBody({ html, tableLabel }: { html: string; tableLabel: string }) {
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: addScrollRegions(html, tableLabel) }} />;
}
