import { describe, expect, it } from "vitest";
import { addScrollRegions } from "@/components/articles/scroll-regions";

const TABLE =
  "<table><thead><tr><th>Protocol</th><th>Port &amp; <code>cmd</code></th></tr></thead>" +
  "<tbody><tr><td>SMTP</td><td>RFC 3207</td></tr></tbody></table>";

describe("addScrollRegions", () => {
  it("puts each table in a focusable region named by its column headings", () => {
    const html = addScrollRegions(`<p>a</p>${TABLE}<p>b</p>${TABLE}`, "Table: {columns}");
    const regions = html.match(
      /<div class="table-scroll article-table" tabindex="0" role="region" aria-label="([^"]*)">/g,
    );
    expect(regions).toHaveLength(2);
    expect(html).toContain('aria-label="Table: Protocol / Port &amp; cmd"');
    expect(html).toMatch(/<\/table><\/div><p>b<\/p>/);
  });

  it("keeps RFC numbers in one piece inside tables only", () => {
    const html = addScrollRegions(`<p>RFC 3207</p>${TABLE}`, "{columns}");
    expect(html).toContain("<p>RFC 3207</p>");
    expect(html).toContain("<td>RFC\u00a03207</td>");
  });

  it("makes figures focusable so a diagram wider than a phone can be scrolled by keyboard", () => {
    const html = addScrollRegions("<figure><svg></svg><figcaption>c</figcaption></figure>", "{columns}");
    expect(html).toBe('<figure class="article-figure" tabindex="0"><svg></svg><figcaption>c</figcaption></figure>');
  });

  it("escapes a heading that would end the attribute", () => {
    const html = addScrollRegions('<table><thead><tr><th>a "b" &lt;c&gt;</th></tr></thead></table>', "{columns}");
    expect(html).toContain('aria-label="a &quot;b&quot; &lt;c>"');
  });
});
