import { format } from "@/lib/i18n/format";

const TAGS = /<[^>]*>/g;

function decodeText(html: string): string {
  return html
    .replace(TAGS, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

// On a phone an article's table or diagram can be wider than the column; it then scrolls inside
// its own box, never the page. A scrolling box must be reachable by keyboard (WCAG 2.1.1), so
// each gets tabindex="0" and a name: a table is named by its column headings, a figure by its
// caption (implicitly). The HTML is the article renderer's own output (lib/articles), whose
// <table> and <figure> tags carry no attributes, so plain string rewriting is exact.
export function addScrollRegions(html: string, tableLabel: string): string {
  const tables = html.replace(/<table>([\s\S]*?)<\/table>/g, (table, inner: string) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(inner)?.[1] ?? "";
    const columns = [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)]
      .map((m) => decodeText(m[1] ?? ""))
      .filter((c) => c !== "")
      .join(" / ");
    const label = escapeAttribute(format(tableLabel, { columns }));
    // "RFC 3207" is one token: a no-break space keeps a narrow column from splitting it.
    const kept = table.replace(/\bRFC (\d{3,5})\b/g, "RFC\u00a0$1");
    return `<div class="table-scroll article-table" tabindex="0" role="region" aria-label="${label}">${kept}</div>`;
  });
  return tables.replace(/<figure>/g, '<figure class="article-figure" tabindex="0">');
}
