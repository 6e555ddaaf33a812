import type { ElementContent } from "hast";
import type { Parent, PhrasingContent, Root, Text } from "mdast";
import { SKIP, visitParents } from "unist-util-visit-parents";
import type { VFile } from "vfile";

// [[key]] or [[key|shown text]]; the key is a glossary key (lower-case slug).
export const GLOSSARY_MARKER = /\[\[([^\]|]+?)(?:\|([^\]]+?))?\]\]/g;

export type GlossaryTerm = { term: string; definition: string };

export type RemarkGlossaryOptions = {
  terms: ReadonlyMap<string, GlossaryTerm>;
  // Where the term links to: the glossary entry, e.g. "/ja/glossary#tls".
  href: (key: string) => string;
};

export type GlossaryTermNode = {
  type: "glossaryTerm";
  data: { hName: "span"; hProperties: { className: string[] }; hChildren: ElementContent[] };
};

declare module "mdast" {
  interface PhrasingContentMap {
    glossaryTerm: GlossaryTermNode;
  }
}

// Inside a link a second link would be invalid HTML, and inside a heading the definition would
// leak into the heading's text, its id and the table of contents: there the term is plain text.
const PLAIN_TEXT_PARENTS = new Set(["link", "linkReference", "heading"]);

function termNode(key: string, shown: string, definition: string, href: string, id: string): GlossaryTermNode {
  return {
    type: "glossaryTerm",
    data: {
      hName: "span",
      hProperties: { className: ["glossary-term"] },
      hChildren: [
        {
          type: "element",
          tagName: "a",
          properties: { href, className: ["glossary-term__link"], ariaDescribedBy: [id], dataTerm: key },
          children: [{ type: "text", value: shown }],
        },
        {
          type: "element",
          tagName: "span",
          properties: { id, role: "tooltip", className: ["glossary-term__tip"] },
          children: [{ type: "text", value: definition }],
        },
      ],
    },
  };
}

// Turns glossary markers into a link to the glossary entry with its short definition attached
// (aria-describedby + role="tooltip"), so the definition is there without JavaScript. An unknown
// key is reported as a message on the file and left as its shown text.
export function remarkGlossary(options: RemarkGlossaryOptions) {
  return (tree: Root, file: VFile) => {
    let count = 0;
    visitParents(tree, "text", (node: Text, ancestors) => {
      if (!node.value.includes("[[")) return;
      const parent = ancestors.at(-1) as Parent | undefined;
      if (!parent) return;
      const plain = ancestors.some((a) => PLAIN_TEXT_PARENTS.has(a.type));
      const replacement: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(GLOSSARY_MARKER)) {
        const [whole, rawKey = "", rawShown] = match;
        const key = rawKey.trim();
        const entry = options.terms.get(key);
        const shown = rawShown?.trim() || entry?.term || key;
        if (match.index > last) replacement.push({ type: "text", value: node.value.slice(last, match.index) });
        if (!entry) {
          file.message(`unknown glossary key "${key}" in ${whole}`, {
            place: node.position,
            ruleId: "glossary-key",
            source: "remark-glossary",
          });
          replacement.push({ type: "text", value: shown });
        } else if (plain) {
          replacement.push({ type: "text", value: shown });
        } else {
          count += 1;
          replacement.push(termNode(key, shown, entry.definition, options.href(key), `term-${key}-${count}`));
        }
        last = match.index + whole.length;
      }
      if (replacement.length === 0) return;
      if (last < node.value.length) replacement.push({ type: "text", value: node.value.slice(last) });
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, ...(replacement as Parent["children"]));
      return [SKIP, index + replacement.length];
    });
  };
}
