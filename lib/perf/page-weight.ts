import { gzipSync } from "node:zlib";

// What a built page costs a first visit, read from its HTML alone (scripts/check-weight.ts): the
// scripts it loads, the React Server Components payload inlined for hydration, and the links
// whose <Link> prefetches its target.

// The budgets, in kB of 1000 bytes (the unit `next build` prints).
export const BUDGET = {
  firstLoadJs: 150_000,
  pageJs: 20_000,
  catalogueHtml: 60_000,
} as const;

export type ScriptTag = { src: string; noModule: boolean };

const attr = (attrs: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
};
const hasAttr = (attrs: string, name: string): boolean => new RegExp(`\\s${name}(?=[\\s=>/]|$)`, "i").test(attrs);

export function scriptTags(html: string): ScriptTag[] {
  const tags: ScriptTag[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1] ?? "";
    const src = attr(attrs, "src");
    if (src) tags.push({ src: decodeEntities(src), noModule: hasAttr(attrs, "nomodule") });
  }
  return tags;
}

// The scripts a module-capable browser runs: the `noModule` polyfill is for old browsers only.
export function loadedScripts(html: string): string[] {
  return [...new Set(scriptTags(html).flatMap((t) => (t.noModule ? [] : [t.src])))];
}

const decodeEntities = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

// The inline `self.__next_f.push([1, "…"])` scripts: their size as the HTML carries them, and
// the flight text they hold, joined.
export function inlinePayload(html: string): { bytes: number; text: string } {
  let bytes = 0;
  let text = "";
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = m[1] ?? "";
    if (!body.startsWith("self.__next_f.push(")) continue;
    bytes += Buffer.byteLength(body);
    const json = body.slice("self.__next_f.push(".length, body.lastIndexOf(")"));
    const chunk: unknown = JSON.parse(json);
    if (Array.isArray(chunk) && chunk[0] === 1 && typeof chunk[1] === "string") text += chunk[1];
  }
  return { bytes, text };
}

// Rows of the flight text: `id:JSON`, `id:I[…]` (a client module), `id:T<hex byte length>,<text>`.
export type FlightRow = { id: string; tag: string; value: unknown };

export function flightRows(text: string): FlightRow[] {
  const buf = Buffer.from(text);
  const rows: FlightRow[] = [];
  let i = 0;
  while (i < buf.length) {
    // a text row has no newline after it; tolerate one
    if (buf[i] === 0x0a) {
      i++;
      continue;
    }
    const colon = buf.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = buf.toString("utf8", i, colon);
    let j = colon + 1;
    let tag = "";
    while (j < buf.length && buf[j]! >= 0x41 && buf[j]! <= 0x5a) tag += String.fromCharCode(buf[j++]!);
    if (tag === "T") {
      const comma = buf.indexOf(0x2c, j);
      const length = parseInt(buf.toString("utf8", j, comma), 16);
      rows.push({ id, tag, value: buf.toString("utf8", comma + 1, comma + 1 + length) });
      i = comma + 1 + length;
      continue;
    }
    const newline = buf.indexOf(0x0a, j);
    const end = newline < 0 ? buf.length : newline;
    const line = buf.toString("utf8", j, end);
    let value: unknown = line;
    try {
      value = JSON.parse(line);
    } catch {
      // a row this reader does not know; kept as text
    }
    rows.push({ id, tag, value });
    i = end + 1;
  }
  return rows;
}

// Chunks the payload names for its client components: everything else the HTML loads is Next's
// bootstrap (React, React DOM, the router, the Turbopack runtime), the same on every page.
export function referencedChunks(text: string): Set<string> {
  return new Set(text.match(/\/_next\/static\/[^"\\]+\.js/g) ?? []);
}

export type LinkCount = { links: number; prefetching: number; prefetchUrls: number };

// A <Link> reaches the payload as a client element of next/link with an `href` prop; in production it
// prefetches its target when it scrolls into view unless `prefetch={false}`. A plain <a> never
// does. (Links rendered inside a client component are not in the payload and are not counted.)
export function countLinks(html: string, text: string): LinkCount {
  const rows = flightRows(text);
  // next/link's client reference is its default export (named "" or "default" in the row); an
  // app component that takes an href (and renders a Link with its own settings) is not counted
  const clientModules = new Set(
    rows
      .filter((r) => r.tag === "I" && Array.isArray(r.value) && ["", "default"].includes(String(r.value[2])))
      .map((r) => r.id),
  );
  const prefetchUrls = new Set<string>();
  let prefetching = 0;
  const visit = (node: unknown): void => {
    if (!Array.isArray(node)) {
      if (node && typeof node === "object") for (const v of Object.values(node)) visit(v);
      return;
    }
    const [marker, type, , props] = node as unknown[];
    if (
      marker === "$" &&
      typeof type === "string" &&
      type.startsWith("$L") &&
      clientModules.has(type.slice(2)) &&
      props &&
      typeof props === "object" &&
      typeof (props as { href?: unknown }).href === "string"
    ) {
      const { href, prefetch } = props as { href: string; prefetch?: unknown };
      if (prefetch !== false) {
        prefetching++;
        prefetchUrls.add(href);
      }
    }
    for (const child of node) visit(child);
  };
  for (const row of rows) visit(row.value);
  const links = [...html.matchAll(/<a\b[^>]*\shref\s*=/gi)].length;
  return { links, prefetching, prefetchUrls: prefetchUrls.size };
}

export const gzipSize = (data: string | Uint8Array): number => gzipSync(data, { level: 9 }).length;

export type PageWeight = {
  name: string;
  path: string;
  status: number;
  firstLoadJs: number;
  runtimeJs: number;
  pageJs: number;
  htmlBytes: number;
  htmlGzip: number;
  payloadBytes: number;
} & LinkCount;

// Sums a page's scripts, given each script's gzip size; `runtime` are the bootstrap chunks.
export function weighPage(
  page: { name: string; path: string; status: number; html: string },
  gzipped: ReadonlyMap<string, number>,
): PageWeight & { scripts: string[]; runtime: string[] } {
  const scripts = loadedScripts(page.html);
  const payload = inlinePayload(page.html);
  const referenced = referencedChunks(payload.text);
  const size = (src: string): number => {
    const n = gzipped.get(src);
    if (n === undefined) throw new Error(`no size for ${src}`);
    return n;
  };
  const runtime = scripts.filter((s) => !referenced.has(new URL(s, "http://x").pathname));
  const firstLoadJs = scripts.reduce((sum, s) => sum + size(s), 0);
  const runtimeJs = runtime.reduce((sum, s) => sum + size(s), 0);
  return {
    name: page.name,
    path: page.path,
    status: page.status,
    scripts,
    runtime,
    firstLoadJs,
    runtimeJs,
    pageJs: firstLoadJs - runtimeJs,
    htmlBytes: Buffer.byteLength(page.html),
    htmlGzip: gzipSize(page.html),
    payloadBytes: payload.bytes,
    ...countLinks(page.html, payload.text),
  };
}

export function budgetFailures(weights: PageWeight[], catalogueName: string): string[] {
  const failures: string[] = [];
  for (const w of weights) {
    if (w.firstLoadJs > BUDGET.firstLoadJs)
      failures.push(`${w.path}: first-load JS ${kb(w.firstLoadJs)} > ${kb(BUDGET.firstLoadJs)} gzip`);
    if (w.pageJs > BUDGET.pageJs)
      failures.push(`${w.path}: page JS beyond the runtime ${kb(w.pageJs)} > ${kb(BUDGET.pageJs)} gzip`);
    if (w.name === catalogueName && w.htmlBytes > BUDGET.catalogueHtml)
      failures.push(`${w.path}: HTML ${kb(w.htmlBytes)} > ${kb(BUDGET.catalogueHtml)} (raw)`);
  }
  return failures;
}

export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
