import { describe, expect, it } from "vitest";
import { tokenizeReceived } from "@/lib/received";

describe("tokenizeReceived", () => {
  it("splits words and nested comments and finds the last top-level semicolon", () => {
    const { tokens, dateText } = tokenizeReceived(
      "from a (b [192.0.2.1]) (using TLSv1.3 with cipher X (256/256 bits)) by c; Tue, 14 Feb 2006",
    );
    expect(tokens).toEqual([
      { kind: "word", text: "from" },
      { kind: "word", text: "a" },
      { kind: "comment", text: "b [192.0.2.1]" },
      { kind: "comment", text: "using TLSv1.3 with cipher X (256/256 bits)" },
      { kind: "word", text: "by" },
      { kind: "word", text: "c" },
    ]);
    expect(dateText).toBe(" Tue, 14 Feb 2006");
  });

  it("honours escaped parentheses in comments and quoted strings in words", () => {
    const { tokens, dateText } = tokenizeReceived('from a (x \\) y) for <"odd; (name)"@example.com>; date');
    expect(tokens).toEqual([
      { kind: "word", text: "from" },
      { kind: "word", text: "a" },
      { kind: "comment", text: "x \\) y" },
      { kind: "word", text: "for" },
      { kind: "word", text: '<"odd; (name)"@example.com>' },
    ]);
    expect(dateText).toBe(" date");
  });

  it("ignores semicolons inside comments and runs an unclosed comment to the end", () => {
    expect(tokenizeReceived("by a (x; y); date").dateText).toBe(" date");
    const unclosed = tokenizeReceived("by a (never closed; date");
    expect(unclosed.dateText).toBeNull();
    expect(unclosed.tokens.at(-1)).toEqual({ kind: "comment", text: "never closed; date" });
  });

  it("handles deep nesting without recursion", () => {
    const deep = `${"(".repeat(100_000)}x${")".repeat(100_000)}; date`;
    const { tokens, dateText } = tokenizeReceived(deep);
    expect(tokens).toHaveLength(1);
    expect(dateText).toBe(" date");
  });
});
