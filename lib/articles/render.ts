import type { Element, Root as HastRoot } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { toString as hastToString } from "hast-util-to-string";
import type { Link, Root as MdastRoot } from "mdast";
import rehypeRaw from "rehype-raw";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { remarkHeadingOrder } from "@/lib/articles/heading-order";
import { remarkGlossary, type GlossaryTerm } from "@/lib/articles/remark-glossary";

export type TocEntry = { id: string; text: string; children: TocEntry[] };
export type BodyLink = { url: string; line?: number };
export type RenderProblem = { line?: number; message: string; rule?: string };

export type RenderedBody = {
  html: string;
  // ## entries with their ### entries nested
  toc: TocEntry[];
  // every Markdown link target in the body, for the cross-file link check
  links: BodyLink[];
  problems: RenderProblem[];
};

export type RenderOptions = {
  terms: ReadonlyMap<string, GlossaryTerm>;
  glossaryHref: (key: string) => string;
};

type ArticleFileData = { toc?: TocEntry[]; links?: BodyLink[] };

function remarkCollectLinks() {
  return (tree: MdastRoot, file: VFile) => {
    const links: BodyLink[] = [];
    visit(tree, "link", (node: Link) => {
      links.push({ url: node.url, line: node.position?.start.line });
    });
    (file.data as ArticleFileData).links = links;
  };
}

// Runs after rehype-slug, so every heading already has the id the table of contents links to.
function rehypeCollectToc() {
  return (tree: HastRoot, file: VFile) => {
    const toc: TocEntry[] = [];
    visit(tree, "element", (node: Element) => {
      const rank = headingRank(node);
      if (rank !== 2 && rank !== 3) return;
      const id = typeof node.properties.id === "string" ? node.properties.id : "";
      const entry: TocEntry = { id, text: hastToString(node).trim(), children: [] };
      const parent = toc.at(-1);
      if (rank === 3 && parent) parent.children.push(entry);
      else toc.push(entry);
    });
    (file.data as ArticleFileData).toc = toc;
  };
}

// Sources and other sites open as ordinary links but tell the browser they lead elsewhere.
function rehypeExternalLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a") return;
      const href = node.properties.href;
      if (typeof href === "string" && /^https?:\/\//.test(href))
        node.properties.rel = ["noopener", "noreferrer", "external"];
    });
  };
}

// A comparison table's top-left corner is often left empty in Markdown (| | A | B |); an empty
// header cell labels nothing, so it becomes a plain cell.
function rehypeEmptyCornerCells() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "th" && hastToString(node).trim() === "") node.tagName = "td";
    });
  };
}

// Code blocks (Received: headers, SMTP sessions) keep their lines and scroll sideways on a
// phone; a scrolling box must be reachable by keyboard to be scrolled without a pointer.
function rehypeFocusableCode() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "pre") node.properties.tabIndex = 0;
    });
  };
}

export function renderArticleBody(markdown: string, options: RenderOptions): RenderedBody {
  const file = new VFile({ value: markdown });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkHeadingOrder)
    .use(remarkCollectLinks)
    .use(remarkGlossary, { terms: options.terms, href: options.glossaryHref })
    // The figures are inline SVG written as raw HTML in reviewed files: kept, then parsed by
    // rehype-raw into real elements so the slug and link passes see them too.
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSlug)
    .use(rehypeCollectToc)
    .use(rehypeExternalLinks)
    .use(rehypeEmptyCornerCells)
    .use(rehypeFocusableCode)
    .use(rehypeStringify);
  const tree = processor.runSync(processor.parse(file), file);
  const html = processor.stringify(tree, file);
  const data = file.data as ArticleFileData;
  return {
    html,
    toc: data.toc ?? [],
    links: data.links ?? [],
    problems: file.messages.map((m) => ({ line: m.line ?? undefined, message: m.reason, rule: m.ruleId ?? undefined })),
  };
}
