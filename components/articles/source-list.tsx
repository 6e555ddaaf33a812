import type { ArticleSource } from "@/lib/schemas/article";

export function SourceList({ sources, heading }: { sources: ArticleSource[]; heading: string }) {
  return (
    <section className="article-sources" aria-labelledby="article-sources-heading">
      <h2 id="article-sources-heading">{heading}</h2>
      <ol>
        {sources.map((s, i) => (
          <li key={`${i}-${s.url}`}>
            <a href={s.url} rel="noopener noreferrer external">
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
