// Probing one service's endpoints at once versus one after another, against the real test
// servers on loopback (smtp-server, and Dovecot when installed). Each mode runs RUNS times,
// alternating, and the median wall time is reported.
import { pathToFileURL } from "node:url";
import { probeEndpoints } from "@/lib/probe/probe-service";
import type { ProbeTarget } from "@/lib/probe/types";
import { isDovecotInstalled, startTestServers } from "../tests/servers";

const RUNS = 5;
const TIMEOUT_MS = 5000;

export type ProbeBenchResult = {
  endpoints: number;
  runs: number;
  concurrentMs: number;
  sequentialMs: number;
  // the sum of the endpoints' own times in the median sequential run
  sumOfEndpointsMs: number;
  failures: number;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runProbeBench({ runs = RUNS }: { runs?: number } = {}): Promise<ProbeBenchResult> {
  const servers = await startTestServers({ dovecot: isDovecotInstalled() });
  try {
    // The local-test-mail service: what a hosting plan typically lists.
    const targets: ProbeTarget[] = [
      { host: "localhost", port: servers.smtp.implicitTls, protocol: "smtp", security: "tls" },
      { host: "localhost", port: servers.smtp.starttls, protocol: "smtp", security: "starttls" },
      { host: "localhost", port: servers.smtp.plainOnly, protocol: "smtp", security: "starttls" },
    ];
    if (servers.dovecot) {
      const d = servers.dovecot;
      targets.push(
        { host: d.strictHost, port: d.pop3s, protocol: "pop3", security: "tls" },
        { host: d.strictHost, port: d.pop3, protocol: "pop3", security: "starttls" },
        { host: d.strictHost, port: d.imaps, protocol: "imap", security: "tls" },
        { host: d.strictHost, port: d.imap, protocol: "imap", security: "starttls" },
      );
    }
    const options = { allowLoopback: true, ca: servers.certs.ca, timeoutMs: TIMEOUT_MS };
    // One untimed round each, so TLS and module warm-up do not land in the first measurement.
    await probeEndpoints(targets, options);
    await probeEndpoints(targets, { ...options, sequential: true });

    const concurrent: number[] = [];
    const sequential: Array<{ wallMs: number; sumMs: number }> = [];
    let failures = 0;
    for (let i = 0; i < runs; i++) {
      const c = await probeEndpoints(targets, options);
      const s = await probeEndpoints(targets, { ...options, sequential: true });
      failures += [...c.results, ...s.results].filter((r) => r.failure).length;
      concurrent.push(c.wallMs);
      sequential.push({ wallMs: s.wallMs, sumMs: s.results.reduce((sum, r) => sum + r.timings.totalMs, 0) });
    }
    const medianSequential = median(sequential.map((s) => s.wallMs));
    return {
      endpoints: targets.length,
      runs,
      concurrentMs: median(concurrent),
      sequentialMs: medianSequential,
      sumOfEndpointsMs: sequential.find((s) => s.wallMs === medianSequential)?.sumMs ?? 0,
      failures,
    };
  } finally {
    await servers.stop();
  }
}

export function formatProbeBench(r: ProbeBenchResult): string {
  return [
    `probe bench: ${r.endpoints} endpoints of one service on loopback, median of ${r.runs} runs`,
    `  concurrent   ${String(r.concurrentMs).padStart(6)} ms wall`,
    `  sequential   ${String(r.sequentialMs).padStart(6)} ms wall (endpoints' own times add up to ${r.sumOfEndpointsMs} ms)`,
    `  speed-up     ${(r.sequentialMs / Math.max(1, r.concurrentMs)).toFixed(1)}x`,
    r.failures > 0 ? `  ! ${r.failures} endpoint probes failed` : "  every endpoint answered",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runProbeBench();
  console.log(formatProbeBench(result));
  process.exitCode = result.failures > 0 ? 1 : 0;
}
