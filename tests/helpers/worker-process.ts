import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

// `npm run worker` as a child process (node + tsx, without npm in between, so the pid is the
// worker's own and a signal reaches it), with its output kept line by line and timed.
export type WorkerProcess = {
  child: ChildProcess;
  lines: Array<{ at: number; text: string }>;
  ready: Promise<void>;
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
};

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: WorkerProcess["lines"] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const parts = (rest + chunk.toString("utf8")).split("\n");
      rest = parts.pop() ?? "";
      for (const text of parts) {
        lines.push({ at: Date.now(), text });
        if (/jobs at once/.test(text)) markReady();
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  return {
    child,
    lines,
    ready: Promise.race([
      ready,
      exited.then((code) => {
        throw new Error(`worker exited (${code}) before it was ready:\n${lines.map((l) => l.text).join("\n")}`);
      }),
    ]),
    exited,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
