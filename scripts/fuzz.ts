// npm run test:fuzz: generated requests against the production build, served by server.ts as npm
// start serves it, on loopback only. Paths, query strings, methods, headers and bodies, from a
// seeded generator (the same seed sends the same requests): known routes bent out of shape,
// malformed %-escapes, huge query strings, server-action posts with real and made-up action ids
// and bad bodies, and a few raw request lines no HTTP client would write. Passes when no response
// is a 5xx and the server's log holds no stack trace. Bounded by --count and --max-seconds.
//
//   npm run test:fuzz -- [--count 10000] [--max-seconds 900] [--concurrency 8] [--seed 1]
//                        [--port 3736] [--dist-dir .next-fuzz] [--reuse-build | --rebuild]
import { readFileSync, existsSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  cleanUp,
  ensureBuild,
  makeTempDir,
  prepareDatabase,
  ROOT,
  startSite,
  step,
  waitForServer,
} from "../bench/harness";

const optionsSchema = z
  .object({
    count: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    "max-seconds": z.coerce.number().int().min(1).max(7200).default(900),
    concurrency: z.coerce.number().int().min(1).max(64).default(8),
    seed: z.coerce.number().int().default(1),
    port: z.coerce.number().int().min(1024).max(65_535).default(3736),
    "dist-dir": z
      .string()
      .regex(/^\.next[\w-]*$/, "a folder .next-<something> in the project")
      .default(".next-fuzz"),
    "reuse-build": z.boolean().default(false),
    rebuild: z.boolean().default(false),
  })
  .refine((o) => !(o["reuse-build"] && o.rebuild), "--reuse-build and --rebuild exclude each other");
type Options = z.infer<typeof optionsSchema>;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      count: { type: "string" },
      "max-seconds": { type: "string" },
      concurrency: { type: "string" },
      seed: { type: "string" },
      port: { type: "string" },
      "dist-dir": { type: "string" },
      "reuse-build": { type: "boolean" },
      rebuild: { type: "boolean" },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    process.exit(2);
  }
  return parsed.data;
}

// mulberry32: small, seeded, good enough to pick cases
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Gen = ReturnType<typeof generator>;

const ROUTES = [
  "/",
  "/ja",
  "/en",
  "/ja/providers",
  "/en/providers",
  "/ja/providers/sakura-internet",
  "/en/providers/xserver",
  "/ja/compare",
  "/ja/tools/check",
  "/en/tools/check",
  "/ja/tools/received",
  "/en/tools/received",
  "/ja/articles",
  "/ja/glossary",
  "/ja/about",
  "/ja/catalogue-cache/v/k",
  "/api",
  "/api/providers",
  "/api/providers/sakura-internet",
  "/api/received",
  "/api/catalogue-cache/v/k",
  "/robots.txt",
  "/sitemap.xml",
  "/favicon.ico",
  "/.well-known/security.txt",
  "/_next/static/chunks/main.js",
  "/_next/image",
  "/_next/data/x/y.json",
  "/providers",
  "/ja/not-a-page",
] as const;

const BAD_ESCAPES = ["%", "%E0%A4%A", "%zz", "%C0%AF", "%ED%A0%80", "%FF", "%F0%9F%98", "%2", "%%", "%u0041", "%00"];
const GOOD_PIECES = [
  "a",
  "..",
  ".",
  "%2e%2e",
  "%2F",
  "%E3%81%82",
  "~",
  "-",
  "_",
  "index",
  "page",
  "[slug]",
  "%5B",
  "'",
  '"',
];
const PRINTABLE = "!$&'()*+,-.0123456789:;=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~[]|^`{}<>\\";

function randomText(g: Gen, max: number): string {
  let s = "";
  const length = g.int(max);
  for (let i = 0; i < length; i++) s += PRINTABLE[g.int(PRINTABLE.length)];
  return s;
}

function segment(g: Gen): string {
  switch (g.int(4)) {
    case 0:
      return g.pick(BAD_ESCAPES);
    case 1:
      return g.pick(GOOD_PIECES);
    case 2:
      return randomText(g, 12);
    default:
      return `${randomText(g, 4)}${g.pick(BAD_ESCAPES)}${randomText(g, 4)}`;
  }
}

function makePath(g: Gen): string {
  let p: string = g.pick(ROUTES);
  const mutations = g.int(3);
  for (let i = 0; i < mutations; i++) {
    switch (g.int(5)) {
      case 0:
        p = `${p.replace(/\/$/, "")}/${segment(g)}`;
        break;
      case 1:
        p = p.replace(/\/[^/]*$/, `/${segment(g)}`) || "/";
        break;
      case 2:
        p = `${p}${g.pick(["/", "//", "/.", "/..", ".json", ".txt", ";a=b", "%20"])}`;
        break;
      case 3:
        p = p.toUpperCase();
        break;
      default:
        p = `/${g.pick(["ja", "en", "fr", "JA", "api", "_next", "%6a%61"])}${p}`;
    }
  }
  return p.startsWith("/") ? p : `/${p}`;
}

const QUERY_KEYS = ["has", "page", "sort", "q", "lang", "domain", "kind", "order", "per", "_rsc", "ref"];
const QUERY_VALUES = ["pop3s", "imaps", "smtps", "apop", "1", "0", "-1", "99999999999999999999", "ja", "en", "x"];

function makeQuery(g: Gen): string {
  if (g.chance(0.3)) return "";
  if (g.chance(0.03)) {
    // huge: up to the server's header limit and beyond (Node answers 431 past 16 KiB)
    const size = g.pick([2000, 8000, 15_000, 20_000]);
    return `?has=${"pop3s&has=".repeat(Math.ceil(size / 10)).slice(0, size)}`;
  }
  const parts: string[] = [];
  const n = 1 + g.int(5);
  for (let i = 0; i < n; i++) {
    const key = g.chance(0.8) ? g.pick(QUERY_KEYS) : segment(g);
    const value = g.chance(0.6) ? g.pick(QUERY_VALUES) : segment(g);
    parts.push(g.chance(0.1) ? key : `${key}=${value}`);
  }
  return `?${parts.join(g.chance(0.9) ? "&" : ";")}`;
}

const METHODS = [
  "GET",
  "GET",
  "GET",
  "GET",
  "HEAD",
  "POST",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "OPTIONS",
  "TRACE",
  "PROPFIND",
  "FOO",
];

type FuzzRequest = {
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
};

function randomHeaders(g: Gen): Record<string, string> {
  const headers: Record<string, string> = {};
  const options: Array<[string, () => string]> = [
    ["accept", () => g.pick(["text/html", "application/json", "*/*", "text/x-component", randomText(g, 20)])],
    ["accept-language", () => g.pick(["ja", "en-US,en;q=0.9", "fr", "*", ";q=", randomText(g, 30)])],
    ["cookie", () => g.pick(["lang=en", "lang=xx", "lang=", "a=b; lang=ja", randomText(g, 40)])],
    ["rsc", () => g.pick(["1", "0", "x"])],
    ["next-router-prefetch", () => g.pick(["1", "2", "x"])],
    ["next-router-state-tree", () => g.pick(["%5B%5D", "[]", "not json", encodeURIComponent('["",{}]'), "%E0%A4%A"])],
    ["next-url", () => makePath(g)],
    ["if-none-match", () => g.pick(['"abc"', "*", 'W/"x", "y"', randomText(g, 20)])],
    ["if-modified-since", () => g.pick(["yesterday", "Thu, 01 Jan 1970 00:00:00 GMT"])],
    ["range", () => g.pick(["bytes=0-10", "bytes=-1", "bytes=x", "bytes=10-0"])],
    ["x-forwarded-for", () => g.pick(["1.2.3.4", "garbage", "::1, 10.0.0.1", randomText(g, 30)])],
    ["x-forwarded-host", () => g.pick(["evil.example", "localhost:1", randomText(g, 20)])],
    ["x-forwarded-proto", () => g.pick(["https", "http", "gopher"])],
    ["origin", () => g.pick(["http://evil.example", "null", "http://127.0.0.1", "not a url"])],
    ["x-msc-client-address", () => "6.6.6.6"],
    ["x-catalogue-cache", () => randomText(g, 36)],
    [
      "content-type",
      () => g.pick(["text/plain", "application/json", "multipart/form-data; boundary=x", "text/plain; charset=latin1"]),
    ],
  ];
  const n = g.int(5);
  for (let i = 0; i < n; i++) {
    const [name, value] = g.pick(options);
    headers[name] = value();
  }
  return headers;
}

function randomBody(g: Gen): Buffer {
  switch (g.int(7)) {
    case 0:
      return Buffer.from(randomText(g, 200));
    case 1:
      return Buffer.from(
        g.pick(["[]", "{}", '["$K1"]', '{"headers":1}', '{"headers":"Received: from a"}', "null", "[", '"\\ud800"']),
      );
    case 2:
      return Buffer.from(Array.from({ length: g.int(500) }, () => g.int(256)));
    case 3:
      return Buffer.from('--x\r\nContent-Disposition: form-data; name="1_$ACTION_ID_x"\r\n\r\n\r\n--x--\r\n');
    case 4:
      return Buffer.from(`domain=${segment(g)}&locale=${segment(g)}`);
    case 5:
      return Buffer.from(
        `Received: from ${randomText(g, 30)} by mx.example.jp; Thu, 4 Dec 2026 10:00:00 +0900\r\n`.repeat(
          1 + g.int(20),
        ),
      );
    default:
      return Buffer.alloc(0);
  }
}

function actionRequest(g: Gen, actionIds: string[]): FuzzRequest {
  const path = g.pick([
    "/ja/tools/check",
    "/en/tools/check",
    "/ja/tools/received",
    "/ja",
    "/ja/providers",
    "/api/received",
  ]);
  const id =
    g.chance(0.7) && actionIds.length > 0 ? g.pick(actionIds) : g.pick(["x", "0".repeat(42), randomText(g, 42), ""]);
  const headers: Record<string, string> = {
    "next-action": id,
    accept: "text/x-component",
    "content-type": g.pick([
      "text/plain;charset=UTF-8",
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded",
      "application/json",
    ]),
    ...(g.chance(0.5)
      ? {
          "next-router-state-tree": g.pick([
            "%5B%5D",
            "garbage",
            encodeURIComponent('["",{"children":["__PAGE__",{}]},null,null,true]'),
          ]),
        }
      : {}),
  };
  if (g.chance(0.3)) headers.origin = g.pick(["http://127.0.0.1", "http://evil.example", "null"]);
  let body = randomBody(g);
  if (g.chance(0.02)) body = Buffer.alloc(g.pick([4 * 1024 * 1024 + 1, 5 * 1024 * 1024]), 0x61);
  return { category: "action post", method: "POST", path, headers, body };
}

function makeRequest(g: Gen, actionIds: string[]): FuzzRequest {
  const roll = g.next();
  if (roll < 0.2) return actionRequest(g, actionIds);
  const method = g.pick(METHODS);
  const path = `${makePath(g)}${makeQuery(g)}`;
  const headers = randomHeaders(g);
  const body = method === "GET" || method === "HEAD" || g.chance(0.3) ? undefined : randomBody(g);
  const category =
    path.includes("?") && path.length > 1500
      ? "huge query"
      : method === "GET" || method === "HEAD"
        ? "read"
        : "other method";
  return { category, method, path, headers, body };
}

// Requests no well-behaved client sends: broken request lines, bad header syntax, absolute-form
// targets, CONNECT. Written to a socket as they are.
const RAW_REQUESTS = [
  "GET /ja HTTP/1.1\r\nHost: localhost\r\n\r\n",
  "GET /ja\r\n\r\n",
  "GET http://localhost/ja HTTP/1.1\r\nHost: localhost\r\n\r\n",
  "GET * HTTP/1.1\r\nHost: localhost\r\n\r\n",
  "OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n",
  "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\n\r\n",
  "GET /ja HTTP/1.1\r\n\r\n",
  "GET /ja HTTP/1.0\r\n\r\n",
  "GET /ja HTTP/2.0\r\nHost: localhost\r\n\r\n",
  "GET /ja/providers/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\n\r\n",
  "GET /ja/ provi ders HTTP/1.1\r\nHost: localhost\r\n\r\n",
  "GET /ja HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n",
  "GET /ja HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n",
  "POST /ja/tools/check HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nNext-Action: 00\r\n\r\nzz\r\n",
  "POST /api/received HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
  "GET /ja HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
  "GET /ja HTTP/1.1\r\nHost: \u00e9\r\n\r\n",
  "\u0000\u0001\u0002\r\n\r\n",
  `GET /${"a".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
  `GET /ja HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
];

type Outcome = { status: number; error?: string };

function sendRaw(port: number, text: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let data = "";
    const done = (outcome: Outcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(30_000, () => done({ status: 0, error: "timeout" }));
    socket.on("data", (chunk: Buffer) => {
      data += chunk.toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      if (match) done({ status: Number(match[1]) });
    });
    socket.on("error", (e) => done({ status: 0, error: e.message }));
    socket.on("close", () => done({ status: 0, error: "closed without an answer" }));
    socket.write(text, "latin1");
  });
}

function send(agent: Agent, port: number, r: FuzzRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    let req: ReturnType<typeof request>;
    try {
      req = request(
        {
          host: "127.0.0.1",
          port,
          method: r.method,
          path: r.path,
          agent,
          headers: { ...r.headers, ...(r.body ? { "content-length": String(r.body.length) } : {}) },
          timeout: 60_000,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
          res.on("error", (e) => resolve({ status: res.statusCode ?? 0, error: e.message }));
        },
      );
    } catch (e) {
      // a path or header node:http itself refuses to send: nothing reached the server
      resolve({ status: -1, error: (e as Error).message });
      return;
    }
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: 0, error: e.message }));
    req.end(r.body);
  });
}

// A stack frame as Node prints one ("    at fn (file:line:col)"), in our log or Next's, or Next's
// stand-in for frames it hides ("    at ignore-listed frames").
const STACK_FRAME = /^\s+at (.+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)|ignore-listed frames)$/m;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const tempDir = makeTempDir("msc-fuzz-");
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${path.join(tempDir, "fuzz.db")}` };
  delete env.NEXT_DIST_DIR;
  // the check page must never leave loopback: its lookups and probes go to a closed local port
  Object.assign(env, {
    AUTOCONFIG_BASE_URL: "http://127.0.0.1:9",
    CHECK_DNS_SERVER: "127.0.0.1:9",
    CHECK_DNS_TIMEOUT_MS: "200",
    AUTOCONFIG_TIMEOUT_MS: "200",
    PROBE_TIMEOUT_MS: "200",
  });

  await step("Migrating and seeding a database of the fuzz run's own", () => prepareDatabase(env));
  const build = await ensureBuild(
    options["dist-dir"],
    { reuseBuild: options["reuse-build"], rebuild: options.rebuild },
    env,
  );
  const manifestFile = path.join(ROOT, options["dist-dir"], "server/server-reference-manifest.json");
  const actionIds = existsSync(manifestFile)
    ? Object.keys((JSON.parse(readFileSync(manifestFile, "utf8")) as { node?: Record<string, unknown> }).node ?? {})
    : [];

  const log = path.join(tempDir, "server.log");
  const server = startSite(options["dist-dir"], options.port, env, log);
  await step(`Starting server.ts on 127.0.0.1:${options.port}`, () => waitForServer(server, options.port, "/ja", log));
  const logBefore = readFileSync(log, "utf8").length;

  const g = generator(options.seed);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const byStatus = new Map<number, number>();
  const byCategory = new Map<string, Map<string, number>>();
  const failures: string[] = [];
  const clientRefused: string[] = [];
  const unanswered: string[] = [];
  let sent = 0;
  const started = Date.now();
  const deadline = started + options["max-seconds"] * 1000;

  const record = (category: string, label: string, outcome: Outcome) => {
    byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
    const klass =
      outcome.status <= 0
        ? outcome.status === -1
          ? "not sent"
          : "no answer"
        : `${Math.floor(outcome.status / 100)}xx`;
    const counts = byCategory.get(category) ?? new Map<string, number>();
    counts.set(klass, (counts.get(klass) ?? 0) + 1);
    byCategory.set(category, counts);
    if (outcome.status >= 500) failures.push(`${outcome.status} ${label}`);
    if (outcome.status === -1) clientRefused.push(label);
    if (outcome.status === 0) unanswered.push(`${label.slice(0, 100)}: ${outcome.error}`);
  };

  await step(`Sending ${options.count} requests, ${options.concurrency} at a time (seed ${options.seed})`, async () => {
    let next = 0;
    let progressAt = 0;
    const worker = async () => {
      while (next < options.count && Date.now() < deadline) {
        const i = next++;
        if (i % 25 === 0) {
          const raw = RAW_REQUESTS[(i / 25) % RAW_REQUESTS.length]!;
          record("raw", JSON.stringify(raw.slice(0, 80)), await sendRaw(options.port, raw));
        } else {
          const r = makeRequest(g, actionIds);
          const label = `${r.method} ${r.path.slice(0, 120)} ${JSON.stringify(r.headers).slice(0, 160)}${r.body ? ` (${r.body.length} bytes)` : ""}`;
          record(r.category, label, await send(agent, options.port, r));
        }
        sent++;
        if (sent - progressAt >= 1000) {
          progressAt = sent;
          console.log(`   ${sent} sent, ${failures.length} 5xx, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  });
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  // a last request: the server is still up after all that
  const alive = await send(new Agent(), options.port, { category: "", method: "GET", path: "/ja", headers: {} });

  const serverLog = readFileSync(log, "utf8").slice(logBefore);
  const stackLines = serverLog.split("\n").filter((line) => STACK_FRAME.test(line));
  console.log(`\nBuild: ${build}. ${sent} requests in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(1)}/s).`);
  console.log("By status:", Object.fromEntries([...byStatus.entries()].sort((a, b) => a[0] - b[0])));
  console.table(Object.fromEntries([...byCategory.entries()].map(([k, v]) => [k, Object.fromEntries(v)])));
  if (clientRefused.length > 0)
    console.log(`${clientRefused.length} requests node:http itself refused to send (not counted as answers).`);
  // a connection closed before an answer: expected where the server refuses a large body while the
  // client is still sending it (the client sees EPIPE or a reset), listed so anything else shows
  if (unanswered.length > 0) console.log(`No answer read (${unanswered.length}):`);
  for (const u of unanswered.slice(0, 10)) console.log(`   ${u}`);
  console.log(`5xx responses: ${failures.length}`);
  for (const f of failures.slice(0, 20)) console.log(`   ${f}`);
  console.log(`Stack-trace lines in the server log: ${stackLines.length}`);
  if (stackLines.length > 0) console.log(serverLog.slice(0, 3000));
  console.log(`Server still answers /ja: ${alive.status}`);
  const ok =
    failures.length === 0 && stackLines.length === 0 && alive.status === 200 && sent >= Math.min(options.count, 10_000);
  if (sent < options.count)
    console.log(`Stopped at --max-seconds ${options["max-seconds"]}: ${sent} of ${options.count}.`);
  console.log(ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

main()
  .then((code) => {
    cleanUp();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(`\ntest:fuzz failed: ${(error as Error).message}`);
    cleanUp();
    process.exit(1);
  });
