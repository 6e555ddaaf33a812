import type { TocEntry } from "@/lib/articles";

type TableOfContentsProps = { entries: TocEntry[]; label: string };

function TocList({ entries }: { entries: TocEntry[] }) {
  return (
    <ol>
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={`#${entry.id}`}>{entry.text}</a>
          {entry.children.length > 0 ? <TocList entries={entry.children} /> : null}
        </li>
      ))}
    </ol>
  );
}

export function TableOfContents({ entries, label }: TableOfContentsProps) {
  if (entries.length === 0) return null;
  return (
    <nav className="article-toc" aria-labelledby="article-toc-heading">
      <h2 id="article-toc-heading" className="article-toc__title">
        {label}
      </h2>
      <TocList entries={entries} />
    </nav>
  );
}
