// Usage: tsx scripts/check-weight.ts [--reuse] [--port N] [--base URL] [--json file]
// What one page of every type costs a first visit, in both languages, read from a production
// build: the JavaScript it loads (gzip level 9, without the `noModule` polyfill), split into Next's
// bootstrap and the rest, the HTML (raw and gzip), its inline RSC payload and the links that
// prefetch. Fails when a page loads more than 150 kB of JavaScript or more than 20 kB beyond the
// bootstrap, or when the 20-row catalogue's HTML exceeds 60 kB raw (kB = 1000 bytes).
// Without --base it builds into .next-weight (--reuse keeps an existing build) and serves it on
// a database of its own, migrated and seeded from data/, like e2e/serve.sh.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile, mkdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { parseArgs } from "node:util";
import { LOCALES } from "@/lib/i18n/locales";
import { budgetFailures, gzipSize, kb, loadedScripts, weighPage, type PageWeight } from "@/lib/perf/page-weight";

const DIST_DIR = ".next-weight";
const DATABASE_URL = "file:./.tmp/weight.db";
const CATALOGUE = "catalogue (20 rows)";

const PAGES: Array<{ name: string; path: string; status?: number }> = [
  { name: "home", path: "" },
  { name: CATALOGUE, path: "/providers" },
  { name: "catalogue, filtered", path: "/providers?segment=business&has=smtps&has=imaps&sort=name&s=gmail" },
  { name: "service", path: "/providers/gmail" },
  { name: "compare (2)", path: "/compare?s=gmail&s=xserver" },
  { name: "clients", path: "/clients" },
  { name: "calendar", path: "/calendar" },
  { name: "article", path: "/articles/smtp-auth" },
  { name: "glossary", path: "/glossary" },
  { name: "about", path: "/about" },
  { name: "licence", path: "/licence" },
  { name: "received analyzer", path: "/tools/received" },
  { name: "check", path: "/tools/check" },
  { name: "404", path: "/no-such-page", status: 404 },
];

const { values: args } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    port: { type: "string" },
    base: { type: "string" },
    json: { type: "string" },
  },
});

function run(command: string, argv: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")} exited with ${code}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

// `next build` adds its dist dir's types to tsconfig.json's include; that change is not ours.
async function build(env: Record<string, string>): Promise<void> {
  const tsconfig = await readFile("tsconfig.json", "utf8");
  try {
    await rm(DIST_DIR, { recursive: true, force: true });
    await run("npx", ["next", "build"], { ...env, NEXT_DIST_DIR: DIST_DIR });
  } finally {
    if ((await readFile("tsconfig.json", "utf8")) !== tsconfig) await writeFile("tsconfig.json", tsconfig);
  }
}

async function waitFor(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function startServer(): Promise<{ base: string; stop: () => void }> {
  const env = { DATABASE_URL };
  await mkdir(".tmp", { recursive: true });
  await rm(".tmp/weight.db", { force: true });
  await run("npx", ["tsx", "prisma/migrate.ts", "deploy"], env);
  await run("npx", ["tsx", "prisma/seed.ts"], env);
  if (!args.reuse || !existsSync(`${DIST_DIR}/BUILD_ID`)) await build(env);
  const port = args.port ? Number(args.port) : await freePort();
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NEXT_DIST_DIR: DIST_DIR },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  // npx starts next as a child: stop the whole process group
  const stop = () => {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/ja`, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

// The bootstrap chunks as the build names them, to check the payload-based split against.
async function manifestRuntime(): Promise<string[] | null> {
  if (args.base || !existsSync(`${DIST_DIR}/build-manifest.json`)) return null;
  const manifest = JSON.parse(await readFile(`${DIST_DIR}/build-manifest.json`, "utf8")) as {
    rootMainFiles?: string[];
  };
  return (manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`);
}

async function measure(base: string): Promise<PageWeight[]> {
  const gzipped = new Map<string, number>();
  const weights: Array<ReturnType<typeof weighPage>> = [];
  for (const locale of LOCALES) {
    for (const page of PAGES) {
      const path = `/${locale}${page.path}`;
      const res = await fetch(base + path, { redirect: "manual" });
      const expected = page.status ?? 200;
      if (res.status !== expected) throw new Error(`${path}: HTTP ${res.status}, expected ${expected}`);
      const html = await res.text();
      for (const src of loadedScripts(html)) {
        if (gzipped.has(src)) continue;
        const js = await fetch(new URL(src, base));
        if (!js.ok) throw new Error(`${src}: HTTP ${js.status}`);
        gzipped.set(src, gzipSize(new Uint8Array(await js.arrayBuffer())));
      }
      weights.push(weighPage({ name: page.name, path, status: res.status, html }, gzipped));
    }
  }
  const fromManifest = await manifestRuntime();
  if (fromManifest) {
    const expected = new Set(fromManifest);
    for (const w of weights) {
      const runtime = w.runtime.map((s) => new URL(s, base).pathname);
      if (runtime.length !== expected.size || runtime.some((s) => !expected.has(s)))
        console.warn(`${w.path}: bootstrap chunks ${runtime.join(" ")} differ from the build manifest's`);
    }
  }
  return weights;
}

function printTable(weights: PageWeight[]): void {
  const header = [
    "page",
    "path",
    "first-load JS",
    "runtime",
    "page JS",
    "HTML",
    "HTML gzip",
    "RSC inline",
    "links",
    "prefetch",
  ];
  const rows = weights.map((w) => [
    w.name,
    w.path,
    kb(w.firstLoadJs),
    kb(w.runtimeJs),
    kb(w.pageJs),
    kb(w.htmlBytes),
    kb(w.htmlGzip),
    kb(w.payloadBytes),
    String(w.links),
    `${w.prefetching} (${w.prefetchUrls} URLs)`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(
    "JS: gzip level 9 of every <script src> the HTML loads, noModule excluded; runtime: the chunks the RSC payload does not name (Next's bootstrap);\n" +
      "HTML: raw bytes of the response; prefetch: <Link>s without prefetch={false} (and their distinct targets); kB = 1000 bytes.",
  );
}

async function main(): Promise<number> {
  const server = args.base ? { base: args.base.replace(/\/+$/, ""), stop: () => {} } : await startServer();
  let weights: PageWeight[];
  try {
    weights = await measure(server.base);
  } finally {
    server.stop();
  }
  printTable(weights);
  if (args.json) await writeFile(args.json, JSON.stringify(weights, null, 2));
  const failures = budgetFailures(weights, CATALOGUE);
  for (const f of failures) console.error(`over budget: ${f}`);
  if (failures.length === 0) console.log("Every page is within budget.");
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
