// npm run bench:http: the catalogue as a visitor meets it, over HTTP on the production build, at
// the scale the issue designs for. One run measures, one target after another with the same
// load: a bare node:http server sending the catalogue page's bytes from memory (the floor), a
// prerendered page of the site (/ja/glossary, the bar), the filtered catalogue page and the API.
// Exits 1 when the issue's bars are missed.
//
//   npm run bench:http -- [--services 10000] [--duration 15] [--connections 32] [--port 3210]
//                         [--reuse-build | --rebuild] [--json figures.json]
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST_DIR = ".next-bench";
const BUILD_ID = path.join(ROOT, DIST_DIR, "BUILD_ID");
// which commit the build in DIST_DIR was made from, so a reused build that no longer matches the
// code says so
const BUILD_SOURCE = path.join(ROOT, DIST_DIR, "bench-source.txt");

const TARGETS = {
  bare: { label: "bare node:http (catalogue bytes)", path: "/" },
  glossary: { label: "/ja/glossary (prerendered)", path: "/ja/glossary" },
  catalogue: { label: "catalogue page", path: "/ja/providers?has=pop3s&has=smtps" },
  api: { label: "API", path: "/api/providers?has=pop3s&has=smtps" },
} as const;
type TargetKey = keyof typeof TARGETS;

// The issue's bars, against the prerendered page on the same server.
const MIN_THROUGHPUT_RATIO = 0.5;
const MAX_P975_RATIO = 3;

const optionsSchema = z
  .object({
    services: z.coerce.number().int().positive().default(10_000),
    duration: z.coerce.number().int().positive().default(15),
    connections: z.coerce.number().int().positive().default(32),
    port: z.coerce.number().int().min(1024).max(65_534).default(3210),
    "reuse-build": z.boolean().default(false),
    rebuild: z.boolean().default(false),
    analyze: z.boolean().default(false),
    json: z.string().min(1).optional(),
  })
  .refine((o) => !(o["reuse-build"] && o.rebuild), "--reuse-build and --rebuild exclude each other");
type Options = z.infer<typeof optionsSchema>;

const USAGE =
  "Usage: npm run bench:http -- [--services N] [--duration S] [--connections C] [--port P] " +
  "[--reuse-build | --rebuild] [--analyze] [--json FILE]\n  The bare server listens on P+1. --analyze runs " +
  "SQLite's ANALYZE on the filled database (nothing in the app does yet), to see what planner statistics change.";

function parseOptions(argv: string[]): Options {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        services: { type: "string" },
        duration: { type: "string" },
        connections: { type: "string" },
        port: { type: "string" },
        "reuse-build": { type: "boolean" },
        rebuild: { type: "boolean" },
        analyze: { type: "boolean" },
        json: { type: "string" },
      },
    });
    const parsed = optionsSchema.safeParse(values);
    if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
    return parsed.data;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

// Every child runs in a process group of its own (npm → sh → tsx → node, next start → its
// workers), so one signal to the group ends all of it, on success, on error and on Ctrl-C.
const children = new Set<ChildProcess>();
let tempDir: string | undefined;

function killChildren(): void {
  for (const child of children) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  children.clear();
}

function cleanUp(): void {
  killChildren();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers.`);
    cleanUp();
    process.exit(130);
  });
}

function startChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, detached: true, ...options });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startChild(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  console.log(`\n── ${what}`);
  const started = performance.now();
  const result = await work();
  console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

function sourceStamp(): string {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  try {
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    return `${git("rev-parse", "HEAD")}${dirty ? " (with uncommitted changes)" : ""}`;
  } catch {
    return "unknown";
  }
}

async function ensureBuild(options: Options, env: NodeJS.ProcessEnv): Promise<string> {
  const stamp = sourceStamp();
  const haveBuild = existsSync(BUILD_ID);
  if (options["reuse-build"] && !haveBuild) throw new Error(`--reuse-build: there is no build in ${DIST_DIR}.`);
  if (haveBuild && !options.rebuild) {
    const built = existsSync(BUILD_SOURCE) ? readFileSync(BUILD_SOURCE, "utf8").trim() : "unknown";
    console.log(`Reusing the build in ${DIST_DIR} (made from ${built}); --rebuild makes a new one.`);
    if (built !== stamp) console.log(`   WARNING: the code is now ${stamp}; the figures are for the older build.`);
    return built;
  }
  // next build adds its dist folder's type paths to tsconfig.json; the file is put back as it was.
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    await step(`Building into ${DIST_DIR}`, () =>
      run(path.join(ROOT, "node_modules/.bin/next"), ["build"], { ...env, NEXT_DIST_DIR: DIST_DIR }),
    );
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
  writeFileSync(BUILD_SOURCE, `${stamp}\n`);
  return stamp;
}

type Response = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; ms: number };

// node:http rather than fetch: fetch asks for gzip, autocannon asks for nothing, and the bytes
// the bare server repeats must be the ones autocannon gets from Next.
function get(port: number, urlPath: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: "127.0.0.1", port, path: urlPath, timeout: 180_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${urlPath} timed out`)));
    req.on("error", reject);
    req.end();
  });
}

async function waitForServer(child: ChildProcess, port: number, urlPath: string, log: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The server on port ${port} exited before answering; its output:\n${readLog(log)}`);
    try {
      if ((await get(port, urlPath)).status > 0) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server on port ${port} did not answer within 120 s; its output:\n${readLog(log)}`);
}

function readLog(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8").slice(-4000) : "(no output)";
}

function startServer(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const child = startChild(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const out = createWriteStream(log);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

type Warm = { status: number; cache: string; contentType: string; bytes: number; lastMs: number };

// A few sequential requests so every target is measured warm (compiled, cached, connections
// pooled); the last response's headers are what the table reports. A target that takes seconds
// a request is warm after one: more would only make the run longer.
async function warmUp(port: number, urlPath: string, times = 5): Promise<{ warm: Warm; last: Response }> {
  let last: Response | undefined;
  for (let i = 0; i < times && !(last && last.ms > 5000); i++) last = await get(port, urlPath);
  const header = (name: string) => String(last!.headers[name] ?? "—");
  return {
    last: last!,
    warm: {
      status: last!.status,
      cache: header("x-nextjs-cache"),
      contentType: header("content-type"),
      bytes: last!.body.length,
      lastMs: Math.round(last!.ms),
    },
  };
}

// autocannon stops sending when its time is up, but Next still renders what was queued: a slow
// target would eat into the next one's measurement. Waits until the prerendered page answers
// about as fast as it did warm.
async function settle(port: number, warmMs: number): Promise<void> {
  const started = Date.now();
  let ms = Infinity;
  while (Date.now() - started < 300_000) {
    await new Promise((r) => setTimeout(r, 500));
    ms = (await get(port, TARGETS.glossary.path)).ms;
    if (ms <= Math.max(250, 3 * warmMs)) break;
  }
  const waited = (Date.now() - started) / 1000;
  if (waited > 2)
    console.log(
      `   (waited ${waited.toFixed(0)} s for the server to finish queued requests; last ${Math.round(ms)} ms)`,
    );
}

type Figures = {
  target: TargetKey;
  url: string;
  requestsPerSecond: number;
  p50Ms: number;
  p975Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

async function measure(target: TargetKey, url: string, options: Options): Promise<Figures> {
  console.log(`   ${TARGETS[target].label}: ${url}`);
  const r = await autocannon({ url, connections: options.connections, duration: options.duration });
  return {
    target,
    url,
    requestsPerSecond: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p975Ms: r.latency.p97_5,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1e-9)) * 100) / 100;

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const barePort = options.port + 1;
  tempDir = mkdtempSync(path.join(tmpdir(), "msc-bench-http-"));
  const databaseFile = path.join(tempDir, "bench.db");
  const databaseUrl = `file:${databaseFile}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env.NEXT_DIST_DIR;
  const loadBefore = loadAverage();
  console.log(
    `Load average (1/5/15 min) at start: ${loadBefore}; ${options.services} services, ` +
      `${options.connections} connections, ${options.duration} s per target.`,
  );

  await step("Migrating, seeding the reviewed data, adding synthetic services", async () => {
    await run("npx", ["tsx", "prisma/migrate.ts", "deploy"], env);
    await run("npx", ["tsx", "prisma/seed.ts"], env);
    await run("npm", ["run", "--silent", "db:fill-synthetic", "--", "--services", String(options.services)], env);
    if (options.analyze) {
      const db = new Database(databaseFile);
      db.exec("ANALYZE");
      db.close();
      console.log("Ran ANALYZE (--analyze): the query planner has statistics the app's own writers do not make.");
    }
  });
  const build = await ensureBuild(options, env);

  const nextLog = path.join(tempDir, "next.log");
  const next = startServer(
    path.join(ROOT, "node_modules/.bin/next"),
    ["start", "-H", "127.0.0.1", "-p", String(options.port)],
    { ...env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production" },
    nextLog,
  );
  await step(`Starting next start on 127.0.0.1:${options.port}`, () =>
    waitForServer(next, options.port, TARGETS.glossary.path, nextLog),
  );

  const warm = {} as Record<TargetKey, Warm>;
  let catalogueBody: Response | undefined;
  await step("Warming up (5 sequential requests each)", async () => {
    for (const target of ["glossary", "catalogue", "api"] as const) {
      const { warm: w, last } = await warmUp(options.port, TARGETS[target].path);
      warm[target] = w;
      if (target === "catalogue") catalogueBody = last;
      console.log(
        `   ${TARGETS[target].path}: ${w.status}, x-nextjs-cache ${w.cache}, ${w.contentType}, ` +
          `${w.bytes.toLocaleString("en")} bytes, last request ${w.lastMs} ms`,
      );
      if (w.status !== 200) throw new Error(`${TARGETS[target].path} answered ${w.status}; see ${readLog(nextLog)}`);
    }
  });

  const bodyFile = path.join(tempDir, "catalogue.html");
  writeFileSync(bodyFile, catalogueBody!.body);
  const bareLog = path.join(tempDir, "bare.log");
  const bare = startServer(
    process.execPath,
    ["--import", "tsx", "bench/bare-server.ts", String(barePort), bodyFile, warm.catalogue.contentType],
    process.env,
    bareLog,
  );
  await step(`Starting the bare server on 127.0.0.1:${barePort}`, async () => {
    await waitForServer(bare, barePort, "/", bareLog);
    const { warm: w, last } = await warmUp(barePort, "/");
    if (!last.body.equals(catalogueBody!.body)) throw new Error("The bare server does not send the catalogue's bytes.");
    warm.bare = w;
  });

  const results = {} as Record<TargetKey, Figures>;
  await step(`Measuring with autocannon, one target after another`, async () => {
    for (const target of ["bare", "glossary", "catalogue", "api"] as const) {
      const port = target === "bare" ? barePort : options.port;
      results[target] = await measure(target, `http://127.0.0.1:${port}${TARGETS[target].path}`, options);
      if (target !== "bare") await settle(options.port, warm.glossary.lastMs);
    }
  });
  const loadAfter = loadAverage();

  console.log(
    `\nResults (${options.connections} connections, ${options.duration} s each, ${options.services} services):`,
  );
  console.table(
    Object.values(results).map((f) => ({
      target: TARGETS[f.target].label,
      "req/s": f.requestsPerSecond,
      "p50 ms": f.p50Ms,
      "p97.5 ms": f.p975Ms,
      "p99 ms": f.p99Ms,
      errors: f.errors,
      timeouts: f.timeouts,
      "non-2xx": f.non2xx,
      "x-nextjs-cache": warm[f.target].cache,
      bytes: warm[f.target].bytes,
    })),
  );

  const { bare: b, glossary: g, catalogue: c, api: a } = results;
  const ratios = {
    catalogueVsGlossaryThroughput: ratio(c.requestsPerSecond, g.requestsPerSecond),
    catalogueVsGlossaryP975: ratio(c.p975Ms, g.p975Ms),
    apiVsGlossaryThroughput: ratio(a.requestsPerSecond, g.requestsPerSecond),
    apiVsGlossaryP975: ratio(a.p975Ms, g.p975Ms),
    glossaryVsBareThroughput: ratio(g.requestsPerSecond, b.requestsPerSecond),
    glossaryVsBareP975: ratio(g.p975Ms, b.p975Ms),
    catalogueVsBareThroughput: ratio(c.requestsPerSecond, b.requestsPerSecond),
    catalogueVsBareP975: ratio(c.p975Ms, b.p975Ms),
    apiVsBareThroughput: ratio(a.requestsPerSecond, b.requestsPerSecond),
    apiVsBareP975: ratio(a.p975Ms, b.p975Ms),
  };
  console.log("Ratios (throughput: higher is better; p97.5: lower is better):");
  console.log(
    `   catalogue / glossary: ${ratios.catalogueVsGlossaryThroughput}× req/s, ${ratios.catalogueVsGlossaryP975}× p97.5`,
  );
  console.log(`   API / glossary:       ${ratios.apiVsGlossaryThroughput}× req/s, ${ratios.apiVsGlossaryP975}× p97.5`);
  console.log(
    `   glossary / bare:      ${ratios.glossaryVsBareThroughput}× req/s, ${ratios.glossaryVsBareP975}× p97.5`,
  );
  console.log(
    `   catalogue / bare:     ${ratios.catalogueVsBareThroughput}× req/s, ${ratios.catalogueVsBareP975}× p97.5`,
  );
  console.log(`   API / bare:           ${ratios.apiVsBareThroughput}× req/s, ${ratios.apiVsBareP975}× p97.5`);

  const failures = (f: Figures) => f.errors + f.non2xx;
  const bars: Array<{ bar: string; met: boolean }> = [
    { bar: "/ja/glossary is a cache hit (x-nextjs-cache: HIT)", met: warm.glossary.cache === "HIT" },
    ...(["catalogue", "api"] as const).flatMap((t) => {
      const f = results[t];
      return [
        {
          bar: `${TARGETS[t].label}: req/s ≥ ${MIN_THROUGHPUT_RATIO}× glossary`,
          met: f.requestsPerSecond >= MIN_THROUGHPUT_RATIO * g.requestsPerSecond,
        },
        {
          bar: `${TARGETS[t].label}: p97.5 ≤ ${MAX_P975_RATIO}× glossary`,
          met: f.requests > 0 && f.p975Ms <= MAX_P975_RATIO * g.p975Ms,
        },
        { bar: `${TARGETS[t].label}: answered, with no errors or non-2xx`, met: f.requests > 0 && failures(f) === 0 },
      ];
    }),
    { bar: "glossary measured without errors (else the bars mean nothing)", met: failures(g) === 0 },
  ];
  console.log("The issue's bars:");
  for (const { bar, met } of bars) console.log(`   ${met ? "✓" : "✗"} ${bar}`);
  const ok = bars.every((b) => b.met);
  console.log(
    `Load average at start ${loadBefore}, at end ${loadAfter} (2 cores; a loaded machine lowers every figure).`,
  );
  console.log(ok ? "All bars met." : "Some bar missed (✗ above).");

  if (options.json) {
    const figures = {
      date: new Date().toISOString(),
      build,
      options: { ...options, json: undefined },
      loadAverage: { start: loadBefore, end: loadAfter },
      warmUp: warm,
      results,
      ratios,
      bars,
      ok,
    };
    writeFileSync(path.resolve(options.json), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`Figures written to ${options.json}.`);
  }
  return ok ? 0 : 1;
}

main()
  .then((code) => {
    cleanUp();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(`\nbench:http failed: ${(error as Error).message}`);
    cleanUp();
    process.exit(1);
  });
