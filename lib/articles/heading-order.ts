import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

export type HeadingRef = { depth: number; text?: string; line?: number };
export type HeadingProblem = { line?: number; message: string };

// The page's h1 is the title from the front matter, so the body starts at ## and may only go
// one level deeper at a time (## → ### → ####); going back up any number of levels is fine.
export function checkHeadingOrder(headings: readonly HeadingRef[]): HeadingProblem[] {
  const problems: HeadingProblem[] = [];
  let previous = 1;
  for (const h of headings) {
    const label = `${"#".repeat(h.depth)}${h.text ? ` ${h.text}` : ""}`;
    if (h.depth === 1) {
      problems.push({
        line: h.line,
        message: `"${label}": level-1 headings are not allowed; the title is the h1, start the body at ##`,
      });
    } else if (h.depth > previous + 1 && previous === 1) {
      problems.push({
        line: h.line,
        message: `"${label}" skips a level: the body's first heading must be ## (the title is the h1)`,
      });
    } else if (h.depth > previous + 1) {
      problems.push({
        line: h.line,
        message: `"${label}" skips a level: it follows a level-${previous} heading, expected at most level ${previous + 1}`,
      });
    }
    previous = h.depth;
  }
  return problems;
}

// Reports each problem as a message on the file, with its line, so the loader can name it.
export function remarkHeadingOrder() {
  return (tree: Root, file: VFile) => {
    const headings: HeadingRef[] = [];
    visit(tree, "heading", (node: Heading) => {
      headings.push({ depth: node.depth, text: toString(node).trim(), line: node.position?.start.line });
    });
    for (const problem of checkHeadingOrder(headings)) {
      file.message(problem.message, {
        place: problem.line ? { line: problem.line, column: 1 } : undefined,
        ruleId: "heading-order",
        source: "remark-heading-order",
      });
    }
  };
}
