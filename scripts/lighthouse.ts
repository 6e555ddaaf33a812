// Lighthouse (mobile: its default config, emulated phone with simulated throttling) on the pages
// issue 11 holds to 100 in performance, accessibility, best practices and SEO, through Debian's
// chromium. Lighthouse 12, since 13 needs Node 22.
//
//   npm run lighthouse -- [--base http://host:port] [--lang ja|en|ja,en] [--runs n] [--json out.json]
//                         [--pages home,catalogue,service,article,received] [--service slug]
//                         [--article slug] [--port n] [--rebuild]
//
// Without --base it serves the site itself: a production build in .next-lighthouse (built when
// missing or with --rebuild) on a freshly migrated and seeded database in .tmp/lighthouse.db, as
// e2e/serve.sh does for the browser tests, on --port (default 3620; chromium's debugging port is
// the next one). Prints the four scores per page and every audit that costs points (plus the
// few the issue names even when they cost none); exits 1 when any score is under 100. Full
// reports go to .tmp/lighthouse/<page>.json.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { CHROMIUM_LAUNCH_OPTIONS } from "@/e2e/chromium";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST_DIR = ".next-lighthouse";
const DATABASE_URL = "file:./.tmp/lighthouse.db";
const REPORT_DIR = path.join(ROOT, ".tmp", "lighthouse");
const CHROMIUM = CHROMIUM_LAUNCH_OPTIONS.executablePath ?? "/usr/bin/chromium";
// The browser tests' flags (no network of its own), headless as Lighthouse wants it.
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_LAUNCH_OPTIONS.args];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
// The heaviest article: the most tables and two inline SVG diagrams.
const DEFAULT_ARTICLE = "starttls";
// Audits the issue asks about by name; Lighthouse weighs the first two at zero, so a category can
// score 100 while they fail.
const WATCHED = ["bf-cache", "label-content-name-mismatch", "errors-in-console"];
// Audits whose score says nothing about the page (a filmstrip, a list of requests).
const SCORED_MODES = new Set(["binary", "numeric", "metricSavings"]);

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    lang: { type: "string", default: "ja" },
    runs: { type: "string", default: "1" },
    json: { type: "string" },
    service: { type: "string" },
    article: { type: "string", default: DEFAULT_ARTICLE },
    port: { type: "string", default: "3620" },
    pages: { type: "string", default: "home,catalogue,service,article,received" },
    rebuild: { type: "boolean", default: false },
  },
});
const locales = values.lang.split(",").map((l) => l.trim());
if (locales.some((l) => l !== "ja" && l !== "en")) throw new Error(`--lang takes ja, en or ja,en, not ${values.lang}`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a positive whole number, not ${values.runs}`);
const PAGES = ["home", "catalogue", "service", "article", "received"];
const chosenPages = values.pages.split(",").map((p) => p.trim());
if (chosenPages.some((p) => !PAGES.includes(p))) throw new Error(`--pages takes some of ${PAGES.join(",")}`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65534)
  throw new Error(`--port takes a port number, not ${values.port}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${base}/robots.txt`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not answer within 60 s`);
}

// Serves the site as `npm start` would, on a database of its own so dev.db is never touched.
async function startServer(): Promise<{ base: string; stop: () => void }> {
  const env = { ...process.env, DATABASE_URL, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
  await mkdir(path.join(ROOT, ".tmp"), { recursive: true });
  await rm(path.join(ROOT, ".tmp", "lighthouse.db"), { force: true });
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  await run(tsx, ["prisma/migrate.ts", "deploy"], env);
  await run(tsx, ["prisma/seed.ts"], env);
  if (values.rebuild || !existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
    // next build adds the dist dir's types to tsconfig.json's include; that line must not be committed.
    const tsconfig = await readFile(path.join(ROOT, "tsconfig.json"), "utf8");
    try {
      await run(next, ["build"], env);
    } finally {
      if ((await readFile(path.join(ROOT, "tsconfig.json"), "utf8")) !== tsconfig) {
        await writeFile(path.join(ROOT, "tsconfig.json"), tsconfig);
      }
    }
  }
  // Its own process group, so stopping it also stops any worker it started.
  // localhost, not 127.0.0.1: on a bare IP Next proxies the catalogue's cache rewrites over HTTP (README).
  const server = spawn(next, ["start", "-p", String(port), "-H", "localhost"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  const base = `http://localhost:${port}`;
  try {
    await waitForServer(base, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

// The first editor's pick on the home page: a real service with evidence, whatever the data says.
async function findServiceSlug(base: string, locale: string): Promise<string> {
  const html = await (await fetch(`${base}/${locale}`)).text();
  const slug = /data-pick="([^"]+)"/.exec(html)?.[1];
  if (slug === undefined) throw new Error(`no editor's pick on ${base}/${locale}; pass --service <slug>`);
  return slug;
}

type Failing = {
  id: string;
  title: string;
  category: Category;
  weight: number;
  score: number;
  displayValue?: string;
  items: string[];
};
type PageSummary = {
  name: string;
  url: string;
  scores: Record<Category, number | null>;
  failing: Failing[];
  // Lighthouse's CPU benchmark: under about 1000 the machine is too busy for a fair performance score.
  benchmarkIndex: number;
  runtimeError?: string;
  warnings: string[];
};

// A line or three from an audit's details, enough to find the element, request or reason.
function describeItems(audit: Result["audits"][string]): string[] {
  const details = audit.details;
  if (details === undefined || !("items" in details) || !Array.isArray(details.items)) return [];
  const lines: string[] = [];
  for (const item of details.items.slice(0, 4) as Record<string, unknown>[]) {
    const parts: string[] = [];
    const node = item.node as { snippet?: string; selector?: string } | undefined;
    if (node?.selector) parts.push(node.selector);
    if (node?.snippet) parts.push(node.snippet);
    for (const key of ["url", "source", "description", "reason", "failureReason", "explanation"]) {
      const value = item[key];
      if (typeof value === "string" && value !== "") parts.push(value);
      else if (value !== null && typeof value === "object" && "url" in value && typeof value.url === "string") {
        parts.push(value.url);
      }
    }
    // bf-cache groups its reasons as sub-items.
    const subItems = item.subItems as { items?: Record<string, unknown>[] } | undefined;
    for (const sub of subItems?.items ?? []) {
      if (typeof sub.reason === "string") parts.push(sub.reason);
    }
    if (typeof item.wastedBytes === "number") parts.push(`${Math.round(item.wastedBytes / 1024)} KiB`);
    const line = parts
      .join(" · ")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\s+/g, " ");
    if (line !== "") lines.push(line.length > 200 ? `${line.slice(0, 197)}…` : line);
  }
  return lines;
}

function summarize(name: string, lhr: Result): PageSummary {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, score === null || score === undefined ? null : Math.round(score * 100)];
    }),
  ) as Record<Category, number | null>;
  const failing: Failing[] = [];
  for (const category of CATEGORIES) {
    const refs = lhr.categories[category]?.auditRefs ?? [];
    for (const ref of refs) {
      const audit = lhr.audits[ref.id];
      if (audit === undefined || audit.score === null || audit.score >= 1) continue;
      if (!SCORED_MODES.has(audit.scoreDisplayMode)) continue;
      if (scores[category] === 100 && !WATCHED.includes(ref.id)) continue;
      failing.push({
        id: ref.id,
        title: audit.title,
        category,
        weight: ref.weight,
        score: audit.score,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
        items: describeItems(audit),
      });
    }
  }
  failing.sort((a, b) => b.weight - a.weight || a.score - b.score);
  return {
    name,
    url: lhr.finalDisplayedUrl,
    scores,
    failing,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    ...(lhr.runtimeError ? { runtimeError: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
    warnings: lhr.runWarnings,
  };
}

// Simulated throttling still measures real CPU time, so a busy machine moves the performance
// score; with --runs n the run with the median performance score stands for the page.
function median(results: Result[]): Result {
  const sorted = [...results].sort(
    (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
  );
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - s.length));

function printReport(pages: PageSummary[]): void {
  const nameWidth = Math.max(...pages.map((p) => p.name.length), 4);
  console.log(`\n${pad("page", nameWidth)}  perf  a11y  best   seo   cpu benchmark`);
  for (const page of pages) {
    const cells = CATEGORIES.map((c) => String(page.scores[c] ?? "–").padStart(4));
    console.log(`${pad(page.name, nameWidth)}  ${cells.join("  ")}  ${String(page.benchmarkIndex).padStart(6)}`);
  }
  for (const page of pages) {
    if (page.failing.length === 0 && page.runtimeError === undefined) continue;
    console.log(`\n${page.name}  ${page.url}`);
    if (page.runtimeError) console.log(`  runtime error: ${page.runtimeError}`);
    for (const warning of page.warnings) console.log(`  warning: ${warning}`);
    for (const f of page.failing) {
      const weight = f.weight === 0 ? "weight 0" : `weight ${Math.round(f.weight * 100) / 100}`;
      const value = f.displayValue ? `  ${f.displayValue}` : "";
      console.log(`  [${f.category}] ${f.id} (${f.title}) score ${Math.round(f.score * 100) / 100}, ${weight}${value}`);
      // Weightless diagnostics get two lines: they point at causes, the weighted audits are the score.
      for (const item of f.items.slice(0, f.weight === 0 ? 2 : undefined)) console.log(`      ${item}`);
    }
  }
}

const server = values.base === undefined ? await startServer() : undefined;
const base = (values.base ?? server!.base).replace(/\/+$/, "");
let chrome: chromeLauncher.LaunchedChrome | undefined;
const summaries: PageSummary[] = [];
let lighthouseVersion = "";
try {
  await mkdir(REPORT_DIR, { recursive: true });
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROME_FLAGS,
    port: port + 1,
    logLevel: "silent",
  });
  for (const locale of locales) {
    const service = values.service ?? (await findServiceSlug(base, locale));
    const paths: Record<string, string> = {
      home: `/${locale}`,
      catalogue: `/${locale}/providers`,
      service: `/${locale}/providers/${service}`,
      article: `/${locale}/articles/${values.article}`,
      received: `/${locale}/tools/received`,
    };
    for (const page of chosenPages) {
      const pathname = paths[page]!;
      const name = `${locale}-${page}`;
      // A first request outside the measurement: a fresh server's first render of a route pays for
      // loading its code, which no visitor after the first one sees.
      const warmUp = await fetch(`${base}${pathname}`);
      if (warmUp.status !== 200) throw new Error(`${base}${pathname} answered ${warmUp.status}`);
      await warmUp.arrayBuffer();
      const results: Result[] = [];
      for (let i = 0; i < runs; i++) {
        process.stderr.write(`${name}${runs > 1 ? ` (${i + 1}/${runs})` : ""}: ${base}${pathname}\n`);
        const result = await lighthouse(`${base}${pathname}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
        });
        if (result === undefined) throw new Error(`Lighthouse returned nothing for ${pathname}`);
        results.push(result.lhr);
      }
      const lhr = median(results);
      lighthouseVersion = lhr.lighthouseVersion;
      await writeFile(path.join(REPORT_DIR, `${name}.json`), JSON.stringify(lhr));
      summaries.push(summarize(name, lhr));
    }
  }
} finally {
  chrome?.kill();
  server?.stop();
}

printReport(summaries);
if (values.json !== undefined) {
  await writeFile(
    values.json,
    JSON.stringify({ base, lighthouseVersion, runs, date: new Date().toISOString(), pages: summaries }, null, 2) + "\n",
  );
}
const perfect = summaries.every((p) => CATEGORIES.every((c) => p.scores[c] === 100));
process.exitCode = perfect ? 0 : 1;
