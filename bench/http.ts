// npm run bench:http: the catalogue as a visitor meets it, over HTTP on the production build, at
// the scale the issue designs for. One run measures, one target after another with the same
// load: a bare node:http server sending the catalogue page's bytes from memory (the floor), a
// prerendered page of the site (/ja/glossary, the bar), the filtered catalogue page and the API.
// Exits 1 when the bars are missed.
//
//   npm run bench:http -- [--services 10000] [--duration 15] [--connections 32] [--port 3210]
//                         [--reuse-build | --rebuild] [--json figures.json]
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { z } from "zod";
import {
  cleanUp,
  ensureBuild,
  get,
  makeTempDir,
  prepareDatabase,
  readLog,
  ROOT,
  startServer,
  step,
  waitForServer,
  type Response,
} from "./harness";

const DIST_DIR = ".next-bench";

const TARGETS = {
  bare: { label: "bare node:http (catalogue bytes)", path: "/" },
  glossary: { label: "/ja/glossary (prerendered)", path: "/ja/glossary" },
  catalogue: { label: "catalogue page", path: "/ja/providers?has=pop3s&has=smtps" },
  api: { label: "API", path: "/api/providers?has=pop3s&has=smtps" },
} as const;
type TargetKey = keyof typeof TARGETS;

// The bars, against the prerendered page on the same server.
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
    json: z.string().min(1).optional(),
  })
  .refine((o) => !(o["reuse-build"] && o.rebuild), "--reuse-build and --rebuild exclude each other");
type Options = z.infer<typeof optionsSchema>;

const USAGE =
  "Usage: npm run bench:http -- [--services N] [--duration S] [--connections C] [--port P] " +
  "[--reuse-build | --rebuild] [--json FILE]\n  The bare server listens on P+1.";

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
  const tempDir = makeTempDir("msc-bench-http-");
  const databaseFile = path.join(tempDir, "bench.db");
  const databaseUrl = `file:${databaseFile}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env.NEXT_DIST_DIR;
  const loadBefore = loadAverage();
  console.log(
    `Load average (1/5/15 min) at start: ${loadBefore}; ${options.services} services, ` +
      `${options.connections} connections, ${options.duration} s per target.`,
  );

  await step("Migrating, seeding the reviewed data, adding synthetic services", () =>
    prepareDatabase(env, options.services),
  );
  const build = await ensureBuild(DIST_DIR, { reuseBuild: options["reuse-build"], rebuild: options.rebuild }, env);

  const nextLog = path.join(tempDir, "next.log");
  const next = startServer(
    path.join(ROOT, "node_modules/.bin/next"),
    // localhost, not 127.0.0.1: Next spells a loopback rewrite target "localhost", and with
    // -H 127.0.0.1 it would proxy the catalogue's rewrite over HTTP instead of serving it in-process.
    ["start", "-H", "localhost", "-p", String(options.port)],
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
