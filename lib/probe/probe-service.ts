import { performance } from "node:perf_hooks";
import { REGISTERED_MAIL_PORTS } from "@/lib/mail";
import { probeEndpoint } from "./probe-endpoint";
import type { EndpointProbeResult, ProbeOptions, ProbeProtocol, ProbeSecurity, ProbeTarget } from "./types";

// What a port speaks; "service" elsewhere in the app means a catalogue service (a provider's
// mail offering), hence the longer name.
type PortService = { protocol: ProbeProtocol; security: ProbeSecurity };

// The registered mail ports (lib/mail), in its order. Documented but unregistered ports (2525)
// are not probed by default; `--ports 2525=submission` names them.
export const STANDARD_PORTS: ReadonlyMap<number, PortService> = new Map(
  REGISTERED_MAIL_PORTS.map((p) => [p.port, { protocol: p.protocol, security: p.security }]),
);

const SERVICE_NAMES: ReadonlyMap<string, PortService> = new Map(
  REGISTERED_MAIL_PORTS.flatMap((p) =>
    p.serviceName === null ? [] : [[p.serviceName, { protocol: p.protocol, security: p.security }] as const],
  ),
);
export const SERVICE_NAME_LIST = [...SERVICE_NAMES.keys()].join(", ");

export class PortSpecError extends Error {}

// "465" (a standard port) or "2465=smtps" (any port, with the service it speaks).
export function parsePortSpec(spec: string): { port: number } & PortService {
  const [portText = "", name] = spec.trim().split("=");
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PortSpecError(`not a port: ${spec}`);
  const service = name === undefined ? STANDARD_PORTS.get(port) : SERVICE_NAMES.get(name.toLowerCase());
  if (!service) {
    throw new PortSpecError(
      name === undefined
        ? `port ${port} is not a standard mail port; say what it speaks, e.g. ${port}=smtps (${SERVICE_NAME_LIST})`
        : `unknown service "${name}" (use ${SERVICE_NAME_LIST})`,
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
