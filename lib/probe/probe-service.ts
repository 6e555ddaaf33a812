import { performance } from "node:perf_hooks";
import { probeEndpoint } from "./probe-endpoint";
import type { EndpointProbeResult, ProbeOptions, ProbeProtocol, ProbeSecurity, ProbeTarget } from "./types";

type Service = { protocol: ProbeProtocol; security: ProbeSecurity };

// The well-known mail ports (RFC 8314 for implicit TLS, RFC 6409 for submission).
export const STANDARD_PORTS: ReadonlyMap<number, Service> = new Map([
  [465, { protocol: "smtp", security: "tls" }],
  [587, { protocol: "smtp", security: "starttls" }],
  [25, { protocol: "smtp", security: "starttls" }],
  [995, { protocol: "pop3", security: "tls" }],
  [110, { protocol: "pop3", security: "starttls" }],
  [993, { protocol: "imap", security: "tls" }],
  [143, { protocol: "imap", security: "starttls" }],
]);

const SERVICE_NAMES: Record<string, Service> = {
  smtps: { protocol: "smtp", security: "tls" },
  submission: { protocol: "smtp", security: "starttls" },
  smtp: { protocol: "smtp", security: "starttls" },
  pop3s: { protocol: "pop3", security: "tls" },
  pop3: { protocol: "pop3", security: "starttls" },
  imaps: { protocol: "imap", security: "tls" },
  imap: { protocol: "imap", security: "starttls" },
};

export class PortSpecError extends Error {}

// "465" (a standard port) or "2465=smtps" (any port, with the service it speaks).
export function parsePortSpec(spec: string): { port: number } & Service {
  const [portText = "", name] = spec.trim().split("=");
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PortSpecError(`not a port: ${spec}`);
  const service = name === undefined ? STANDARD_PORTS.get(port) : SERVICE_NAMES[name.toLowerCase()];
  if (!service) {
    throw new PortSpecError(
      name === undefined
        ? `port ${port} is not a standard mail port; say what it speaks, e.g. ${port}=smtps (${Object.keys(SERVICE_NAMES).join(", ")})`
        : `unknown service "${name}" (use ${Object.keys(SERVICE_NAMES).join(", ")})`,
    );
  }
  return { port, ...service };
}

export function targetsForHost(host: string, portSpecs?: string[]): ProbeTarget[] {
  const specs =
    portSpecs && portSpecs.length > 0
      ? portSpecs.map(parsePortSpec)
      : [...STANDARD_PORTS].map(([port, s]) => ({ port, ...s }));
  return specs.map((s) => ({ host, ...s }));
}

// A catalogue endpoint's "none" is probed like STARTTLS: the probe then reports whether the
// upgrade is offered after all.
export function targetForEndpoint(e: {
  host: string;
  port: number;
  protocol: string;
  security: string;
}): ProbeTarget | null {
  if (e.protocol !== "smtp" && e.protocol !== "pop3" && e.protocol !== "imap") return null;
  return { host: e.host, port: e.port, protocol: e.protocol, security: e.security === "tls" ? "tls" : "starttls" };
}

export type ProbeRun = { results: EndpointProbeResult[]; wallMs: number; sequential: boolean };

// Endpoints are independent, so by default they are probed at once; the wall time is then
// about the slowest endpoint instead of the sum. Results keep the order of the targets.
export async function probeEndpoints(targets: ProbeTarget[], options: ProbeOptions = {}): Promise<ProbeRun> {
  const started = performance.now();
  const run = async (target: ProbeTarget) => {
    const result = await probeEndpoint(target, options);
    options.onResult?.(result);
    return result;
  };
  let results: EndpointProbeResult[];
  if (options.sequential) {
    results = [];
    for (const target of targets) results.push(await run(target));
  } else {
    results = await Promise.all(targets.map(run));
  }
  return { results, wallMs: Math.round(performance.now() - started), sequential: Boolean(options.sequential) };
}
