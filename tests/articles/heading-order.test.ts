import { describe, expect, it } from "vitest";
import { checkHeadingOrder } from "@/lib/articles/heading-order";
import { renderArticleBody } from "@/lib/articles/render";

const depths = (...d: number[]) => checkHeadingOrder(d.map((depth) => ({ depth })));

describe("heading order", () => {
  it("accepts bodies that start at ## and go one level deeper at a time", () => {
    expect(depths(2, 3, 4, 2, 3, 3, 2)).toEqual([]);
    expect(depths(2, 3, 4, 2)).toEqual([]);
    expect(depths()).toEqual([]);
  });

  it("rejects a level-1 heading: the title is the page's h1", () => {
    expect(depths(1, 2)).toHaveLength(1);
    expect(depths(1, 2)[0]?.message).toContain("level-1 headings are not allowed");
  });

  it("rejects skipped levels, including a body that starts at ###", () => {
    expect(depths(3)).toHaveLength(1);
    expect(depths(3)[0]?.message).toContain("the body's first heading must be ##");
    expect(depths(2, 4)[0]?.message).toContain("skips a level");
    expect(depths(2, 3, 2, 4)).toHaveLength(1);
  });

  it("reports the heading and its line from Markdown", () => {
    const { problems } = renderArticleBody("## A\n\ntext\n\n#### Too deep\n", {
      terms: new Map(),
      glossaryHref: (k) => k,
    });
    expect(problems).toEqual([
      {
        line: 5,
        rule: "heading-order",
        message: '"#### Too deep" skips a level: it follows a level-2 heading, expected at most level 3',
      },
    ]);
  });
});
