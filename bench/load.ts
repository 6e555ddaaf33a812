// npm run test:load: the production build behind server.ts (as npm start serves it) holds 100
// connections for 60 s on each of the catalogue page, the JSON API and the Received-header
// analyzer, one after another, with no errors, timeouts or non-2xx answers; the server's resident
// memory (RSS) is reported before, after each target and after a pause at the end. Exits 1 on any
// error. Loopback only; a database and (by default) a build of its own.
//
//   npm run test:load -- [--connections 100] [--duration 60] [--services 0] [--port 3737]
//                        [--dist-dir .next-load] [--reuse-build | --rebuild] [--json figures.json]
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { z } from "zod";
import { SAMPLES } from "@/lib/received/samples";
import {
  cleanUp,
  ensureBuild,
  get,
  makeTempDir,
  prepareDatabase,
  readLog,
  rssMiB,
  startSite,
  step,
  waitForServer,
} from "./harness";

const optionsSchema = z
  .object({
    connections: z.coerce.number().int().min(1).max(1000).default(100),
    duration: z.coerce.number().int().min(1).max(3600).default(60),
    services: z.coerce.number().int().min(0).max(100_000).default(0),
    port: z.coerce.number().int().min(1024).max(65_535).default(3737),
    "dist-dir": z
      .string()
      .regex(/^\.next[\w-]*$/, "a folder .next-<something> in the project")
      .default(".next-load"),
    "reuse-build": z.boolean().default(false),
    rebuild: z.boolean().default(false),
    json: z.string().min(1).optional(),
  })
  .refine((o) => !(o["reuse-build"] && o.rebuild), "--reuse-build and --rebuild exclude each other");
type Options = z.infer<typeof optionsSchema>;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      connections: { type: "string" },
      duration: { type: "string" },
      services: { type: "string" },
      port: { type: "string" },
      "dist-dir": { type: "string" },
      "reuse-build": { type: "boolean" },
      rebuild: { type: "boolean" },
      json: { type: "string" },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    process.exit(2);
  }
  return parsed.data;
}

// A real-looking header block: the Japanese ISP sample with the rest of a message's header around it.
const RECEIVED_BODY = SAMPLES["jp-isp"];

const TARGETS = [
  { key: "catalogue", label: "catalogue /ja/providers?has=pop3s", method: "GET", path: "/ja/providers?has=pop3s" },
  { key: "api", label: "API /api/providers", method: "GET", path: "/api/providers" },
  {
    key: "received",
    label: "analyzer POST /api/received",
    method: "POST",
    path: "/api/received",
    headers: { "content-type": "text/plain; charset=utf-8" },
    body: RECEIVED_BODY,
  },
] as const;

type Figures = {
  target: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssAfterMiB: number;
};

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const tempDir = makeTempDir("msc-load-");
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${path.join(tempDir, "load.db")}` };
  delete env.NEXT_DIST_DIR;

  await step("Migrating and seeding a database of the load run's own", () => prepareDatabase(env, options.services));
  const build = await ensureBuild(
    options["dist-dir"],
    { reuseBuild: options["reuse-build"], rebuild: options.rebuild },
    env,
  );
  const log = path.join(tempDir, "server.log");
  const server = startSite(options["dist-dir"], options.port, env, log);
  await step(`Starting server.ts on 127.0.0.1:${options.port}`, () => waitForServer(server, options.port, "/ja", log));
  const pid = server.pid!;

  // one request each first, so the figures are for a warm server and a bad answer shows at once
  for (const t of TARGETS) {
    const r =
      t.method === "GET"
        ? await get(options.port, t.path)
        : await fetch(`http://127.0.0.1:${options.port}${t.path}`, {
            method: t.method,
            headers: t.headers,
            body: t.body,
          }).then((res) => ({ status: res.status }));
    if (r.status !== 200) throw new Error(`${t.label} answered ${r.status}; the server said:\n${readLog(log)}`);
  }
  const rssBefore = rssMiB(pid);
  console.log(`\nServer RSS before the load: ${rssBefore} MiB`);

  const results: Figures[] = [];
  await step(`${options.connections} connections for ${options.duration} s on each target`, async () => {
    for (const t of TARGETS) {
      console.log(`   ${t.label}`);
      const r = await autocannon({
        url: `http://127.0.0.1:${options.port}${t.path}`,
        method: t.method,
        headers: "headers" in t ? t.headers : undefined,
        body: "body" in t ? t.body : undefined,
        connections: options.connections,
        duration: options.duration,
        timeout: 30,
      });
      results.push({
        target: t.label,
        requests: r.requests.total,
        requestsPerSecond: Math.round(r.requests.average * 10) / 10,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        rssAfterMiB: rssMiB(pid),
      });
    }
  });
  // what stays once the load is gone: queued work finished, garbage collectable
  await new Promise((r) => setTimeout(r, 10_000));
  const rssAfter = rssMiB(pid);
  const alive = await get(options.port, "/ja");

  console.log(`\nBuild ${build}; ${options.connections} connections, ${options.duration} s per target:`);
  console.table(
    results.map((f) => ({
      target: f.target,
      requests: f.requests,
      "req/s": f.requestsPerSecond,
      "p50 ms": f.p50Ms,
      "p99 ms": f.p99Ms,
      errors: f.errors,
      timeouts: f.timeouts,
      "non-2xx": f.non2xx,
      "RSS after (MiB)": f.rssAfterMiB,
    })),
  );
  console.log(`Server RSS: ${rssBefore} MiB before, ${rssAfter} MiB 10 s after the load.`);
  const failed = results.filter((f) => f.errors + f.timeouts + f.non2xx > 0 || f.requests === 0);
  const ok = failed.length === 0 && alive.status === 200;
  console.log(`Server still answers /ja: ${alive.status}`);
  console.log(
    `Load average (1/5/15 min) at the end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")} on ${cpus().length} cores`,
  );
  if (failed.length > 0) console.log(`The server's log (last lines):\n${readLog(log)}`);
  console.log(
    ok ? "PASS: no errors" : `FAIL: ${failed.map((f) => f.target).join(", ") || "the server stopped answering"}`,
  );
  if (options.json) {
    writeFileSync(
      path.resolve(options.json),
      `${JSON.stringify({ date: new Date().toISOString(), build, options, rssBefore, rssAfter, results, ok }, null, 2)}\n`,
    );
  }
  return ok ? 0 : 1;
}

main()
  .then((code) => {
    cleanUp();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(`\ntest:load failed: ${(error as Error).message}`);
    cleanUp();
    process.exit(1);
  });
