import { getEnv } from "@/lib/env";
import { readQueueConfig } from "@/lib/queue/config";
import { QueueNeedsPostgresError } from "@/lib/queue/queue";
import { startWorker } from "@/lib/queue/worker";

// `npm run worker`: takes verification jobs from the PostgreSQL queue until SIGTERM or SIGINT,
// then stops taking new ones and lets the running ones finish (or hands them back). Start as
// many as the load needs, on as many machines: they share the queue and the per-host limits.
function describeError(error: Error): string {
  const code = "code" in error ? ` ${String(error.code)}` : "";
  return `${error.name}${code}: ${error.message}`;
}

async function main(): Promise<number> {
  const config = readQueueConfig();
  let worker;
  try {
    worker = await startWorker(getEnv().DATABASE_URL, config, {
      onDone: (o, ms) =>
        console.log(
          `done ${o.slug}: ${o.endpoints} endpoints, ${o.changed} changed, ${o.verifiedAgain} verified again, ${o.unreachable} unreachable (${Math.round(ms)} ms)`,
        ),
      onRetry: (slug, error) => console.log(`retry ${slug}: ${describeError(error)}`),
      onFailed: (slug, error) => console.error(`failed ${slug ?? "(bad job)"}: ${describeError(error)}`),
    });
  } catch (error) {
    if (error instanceof QueueNeedsPostgresError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const { limits } = config;
  console.log(
    `worker ${process.pid}: ${limits.concurrency} jobs at once, ${limits.perHostConcurrency} per host, ` +
      `${limits.perHostPauseMs} ms pause, job timeout ${config.jobTimeoutSeconds} s`,
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  console.log(`worker ${process.pid}: ${signal}, finishing running jobs`);
  await worker.stop();
  console.log(`worker ${process.pid}: stopped`);
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`worker failed: ${(error as Error).message}`);
    process.exit(1);
  });
