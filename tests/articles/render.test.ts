import { describe, expect, it } from "vitest";
import { renderArticleBody } from "@/lib/articles/render";

const terms = new Map([["tls", { term: "TLS", definition: "The protocol that encrypts the connection." }]]);
const render = (md: string) => renderArticleBody(md, { terms, glossaryHref: (key) => `/en/glossary#${key}` });

describe("rendering", () => {
  it("keeps inline SVG figures and builds a nested table of contents from ## and ###", () => {
    const md = [
      "## One",
      "",
      '<figure>\n<svg viewBox="0 0 10 10" role="img" aria-labelledby="x-title"><title id="x-title">A box</title><rect width="10" height="10"/></svg>\n<figcaption>Cap</figcaption>\n</figure>',
      "",
      "### One point one",
      "",
      "#### Deep",
      "",
      "## Two",
    ].join("\n");
    const { html, toc } = render(md);
    expect(html).toContain(
      '<svg viewBox="0 0 10 10" role="img" aria-labelledby="x-title"><title id="x-title">A box</title>',
    );
    expect(toc).toEqual([
      { id: "one", text: "One", children: [{ id: "one-point-one", text: "One point one", children: [] }] },
      { id: "two", text: "Two", children: [] },
    ]);
  });

  it("marks links to other sites as external", () => {
    expect(render("[RFC](https://www.rfc-editor.org/rfc/rfc8314)").html).toContain(
      'rel="noopener noreferrer external"',
    );
  });
});

describe("tables", () => {
  it("turns an empty corner header into a plain cell", () => {
    const { html } = render("| | A |\n| --- | --- |\n| x | y |");
    expect(html).toContain("<tr>\n<td></td>\n<th>A</th>");
  });
});

describe("code blocks", () => {
  it("can be focused, so a sideways-scrolling block works from the keyboard", () => {
    expect(render("```\nReceived: from a by b\n```").html).toBe(
      '<pre tabindex="0"><code>Received: from a by b\n</code></pre>',
    );
  });
});
