import { describe, expect, it } from "vitest";
import { renderArticleBody } from "@/lib/articles/render";

const terms = new Map([
  ["tls", { term: "TLS", definition: "The protocol that encrypts the connection." }],
  ["mta", { term: "MTA", definition: "A server that relays mail." }],
]);
const render = (md: string) => renderArticleBody(md, { terms, glossaryHref: (key) => `/en/glossary#${key}` });

describe("the glossary remark plugin", () => {
  it("turns [[key]] into a link to the glossary described by an attached tooltip", () => {
    const { html, problems } = render("Mail is protected by [[tls]] here.");
    expect(problems).toEqual([]);
    expect(html).toBe(
      '<p>Mail is protected by <span class="glossary-term"><a href="/en/glossary#tls" class="glossary-term__link" aria-describedby="term-tls-1" data-term="tls">TLS</a>' +
        '<span id="term-tls-1" role="tooltip" class="glossary-term__tip">The protocol that encrypts the connection.</span></span> here.</p>',
    );
  });

  it("shows the custom text of [[key|text]] and gives every occurrence its own id", () => {
    const { html } = render("Two [[mta|relays]] and [[tls|Transport Layer Security]], then [[mta]] again.");
    expect(html).toContain('aria-describedby="term-mta-1" data-term="mta">relays</a>');
    expect(html).toContain('data-term="tls">Transport Layer Security</a>');
    expect(html).toContain('aria-describedby="term-mta-3" data-term="mta">MTA</a>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("leaves plain text inside headings and links, so no definition leaks into ids or nested links", () => {
    const { html, toc } = render("## Why [[tls]] matters\n\nSee [the [[mta|relay]] page](/en/articles/starttls).");
    expect(html).toContain('<h2 id="why-tls-matters">Why TLS matters</h2>');
    expect(html).toContain('<a href="/en/articles/starttls">the relay page</a>');
    expect(html).not.toContain("tooltip");
    expect(toc).toEqual([{ id: "why-tls-matters", text: "Why TLS matters", children: [] }]);
  });

  it("works in tables and lists, and ignores code", () => {
    const { html } = render("| a |\n| --- |\n| [[tls]] |\n\n- [[mta]]\n\n`[[tls]]`");
    expect(html.match(/role="tooltip"/g)).toHaveLength(2);
    expect(html).toContain("<code>[[tls]]</code>");
  });

  it("reports an unknown key with its line and keeps the text", () => {
    const { html, problems } = render("Fine.\n\nUses [[nope|a thing]].");
    expect(problems).toEqual([
      { line: 3, message: 'unknown glossary key "nope" in [[nope|a thing]]', rule: "glossary-key" },
    ]);
    expect(html).toContain("<p>Uses a thing.</p>");
  });
});
