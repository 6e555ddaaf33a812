// What the HTTP scripts share (bench:http, test:fuzz, test:load): child processes that die with the
// script, a production build in a dist folder of the script's own, a seeded database of its own,
// and the site served by server.ts as npm start serves it.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

// Every child runs in a process group of its own (npm → sh → tsx → node, next start → its
// workers), so one signal to the group ends all of it, on success, on error and on Ctrl-C.
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

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

export function cleanUp(): void {
  killChildren();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers.`);
    cleanUp();
    process.exit(130);
  });
}

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function startChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, detached: true, ...options });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startChild(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
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

// Builds into distDir unless a build is there (and --rebuild was not asked for); says when a
// reused build is older than the code. Returns the commit the build was made from.
export async function ensureBuild(
  distDir: string,
  options: { reuseBuild: boolean; rebuild: boolean },
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  // which commit the build was made from, so a reused build that no longer matches the code says so
  const buildSource = path.join(ROOT, distDir, "bench-source.txt");
  const stamp = sourceStamp();
  const haveBuild = existsSync(buildId);
  if (options.reuseBuild && !haveBuild) throw new Error(`--reuse-build: there is no build in ${distDir}.`);
  if (haveBuild && !options.rebuild) {
    const built = existsSync(buildSource) ? readFileSync(buildSource, "utf8").trim() : "unknown";
    console.log(`Reusing the build in ${distDir} (made from ${built}); --rebuild makes a new one.`);
    if (built !== stamp) console.log(`   WARNING: the code is now ${stamp}; the figures are for the older build.`);
    return built;
  }
  // next build adds its dist folder's type paths to tsconfig.json; the file is put back as it was.
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    await step(`Building into ${distDir}`, () =>
      run(path.join(ROOT, "node_modules/.bin/next"), ["build"], { ...env, NEXT_DIST_DIR: distDir }),
    );
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
  writeFileSync(buildSource, `${stamp}\n`);
  return stamp;
}

// A database of the script's own: migrated, seeded from data/, and with synthetic services when asked.
export async function prepareDatabase(env: NodeJS.ProcessEnv, services = 0): Promise<void> {
  await run("npx", ["tsx", "prisma/migrate.ts", "deploy"], env);
  await run("npx", ["tsx", "prisma/seed.ts"], env);
  if (services > 0)
    await run("npm", ["run", "--silent", "db:fill-synthetic", "--", "--services", String(services)], env);
}

export type Response = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
};

// node:http rather than fetch: fetch asks for gzip, autocannon asks for nothing, and the bytes
// the bare server repeats must be the ones autocannon gets from Next.
export function get(port: number, urlPath: string): Promise<Response> {
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

export function readLog(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8").slice(-4000) : "(no output)";
}

export async function waitForServer(child: ChildProcess, port: number, urlPath: string, log: string): Promise<void> {
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

export function startServer(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const child = startChild(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const out = createWriteStream(log);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

// The site as npm start serves it: server.ts, in one node process (so its pid's memory is the
// server's), on loopback only.
export function startSite(distDir: string, port: number, env: NodeJS.ProcessEnv, log: string): ChildProcess {
  return startServer(
    process.execPath,
    ["--import", "tsx", "server.ts"],
    { ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    log,
  );
}

// The resident memory of one process, in MiB, from /proc (Linux).
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}
