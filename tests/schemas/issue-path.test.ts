import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatIssuePath } from "@/lib/schemas/issue-path";

describe("formatIssuePath", () => {
  it("writes keys with dots and indexes in brackets, as the field reads in the file", () => {
    expect(formatIssuePath(["services", 0, "claims", 1, "value"], "(record)")).toBe("services[0].claims[1].value");
    expect(formatIssuePath([2, "key"], "(file)")).toBe("[2].key");
  });

  it("names the empty path as the caller calls the whole value", () => {
    expect(formatIssuePath([], "(front matter)")).toBe("(front matter)");
  });

  it("reads the paths zod reports", () => {
    const result = z.object({ list: z.array(z.object({ n: z.number() })) }).safeParse({ list: [{ n: 1 }, { n: "x" }] });
    expect(result.error?.issues.map((i) => formatIssuePath(i.path, ""))).toEqual(["list[1].n"]);
  });
});
