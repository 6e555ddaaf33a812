import { describe, expect, it } from "vitest";
import {
  budgetFailures,
  countLinks,
  flightRows,
  inlinePayload,
  loadedScripts,
  weighPage,
  type PageWeight,
} from "@/lib/perf/page-weight";

const push = (text: string) => `<script>self.__next_f.push(${JSON.stringify([1, text])})</script>`;
const FLIGHT = [
  `2:I[100,["/_next/static/chunks/page.js"],"default"]`,
  `3:T6,a\nb:cd`,
  `4:["$","div",null,{"children":[["$","$L2",null,{"href":"/ja/a","children":"A"}],["$","$L2",null,{"href":"/ja/b","prefetch":false}],["$","a",null,{"href":"/ja/c"}],"$3"]}]`,
].join("\n");
const HTML = [
  "<html><head>",
  '<script src="/_next/static/chunks/runtime.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
  '<script src="/_next/static/chunks/page.js" async=""></script>',
  '<script src="/_next/static/chunks/page.js" async=""></script>',
  "</head><body>",
  '<a href="/ja/a">A</a><a href="/ja/b">B</a><a href="/ja/c">C</a><a name="x">no href</a>',
  push(FLIGHT),
  "</body></html>",
].join("");

describe("page weight", () => {
  it("lists the scripts a module browser loads, once each, without the noModule polyfill", () => {
    expect(loadedScripts(HTML)).toEqual(["/_next/static/chunks/runtime.js", "/_next/static/chunks/page.js"]);
  });

  it("reads the inline flight text, including a text row that holds a newline", () => {
    const { text, bytes } = inlinePayload(HTML);
    expect(text).toBe(FLIGHT);
    expect(bytes).toBe(Buffer.byteLength(`self.__next_f.push(${JSON.stringify([1, FLIGHT])})`));
    const rows = flightRows(text);
    expect(rows.map((r) => [r.id, r.tag])).toEqual([
      ["2", "I"],
      ["3", "T"],
      ["4", ""],
    ]);
    expect(rows[1]?.value).toBe("a\nb:cd");
  });

  it("counts <Link>s that prefetch: client elements with an href, unless prefetch is false", () => {
    expect(countLinks(HTML, inlinePayload(HTML).text)).toEqual({ links: 3, prefetching: 1, prefetchUrls: 1 });
  });

  it("splits the scripts into the bootstrap (not named by the payload) and the page's own, and sums them", () => {
    const sizes = new Map([
      ["/_next/static/chunks/runtime.js", 1000],
      ["/_next/static/chunks/page.js", 300],
    ]);
    const w = weighPage({ name: "x", path: "/ja/x", status: 200, html: HTML }, sizes);
    expect([w.firstLoadJs, w.runtimeJs, w.pageJs]).toEqual([1300, 1000, 300]);
    expect(w.runtime).toEqual(["/_next/static/chunks/runtime.js"]);
    expect(w.htmlBytes).toBe(Buffer.byteLength(HTML));
  });

  it("fails a page over each budget, and the catalogue's HTML over 60 kB", () => {
    const base: PageWeight = {
      name: "home",
      path: "/ja",
      status: 200,
      firstLoadJs: 140_000,
      runtimeJs: 130_000,
      pageJs: 10_000,
      htmlBytes: 70_000,
      htmlGzip: 10_000,
      payloadBytes: 40_000,
      links: 0,
      prefetching: 0,
      prefetchUrls: 0,
    };
    expect(budgetFailures([base], "catalogue")).toEqual([]);
    expect(budgetFailures([{ ...base, name: "catalogue" }], "catalogue")).toHaveLength(1);
    expect(budgetFailures([{ ...base, firstLoadJs: 151_000, pageJs: 21_000 }], "catalogue")).toHaveLength(2);
  });
});
