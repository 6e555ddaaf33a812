import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { createPrismaClient } from "@/lib/db";
import { readProbeConfig } from "@/lib/probe/config";
import {
  PortSpecError,
  probeEndpoints,
  SERVICE_NAME_LIST,
  STANDARD_PORTS,
  targetsForHost,
} from "@/lib/probe/probe-service";
import { PROBE_PORT_LIST } from "@/lib/probe/port-guard";
import { findingsFromResults } from "@/lib/probe/properties";
import { describeTarget, formatEndpoint, formatFindings } from "@/lib/probe/report";
import { getServiceTargets, isoDay, PROBE_SOURCE, storeProbeFindings, UnknownServiceError } from "@/lib/probe/store";
import type { EndpointProbeResult, ProbeOptions, ProbeStep, ProbeTarget } from "@/lib/probe/types";

const USAGE = `Usage: npm run probe -- <host | service-slug> [--sequential] [--timeout ms] [--ports 465,587,2525=submission] [--no-store]

  host           probe the standard mail ports (${[...STANDARD_PORTS.keys()].join(" ")}) on it
  service-slug   probe the service's recorded endpoints and store the result as evidence
  --ports        only these ports; a non-standard one names its service: 2525=submission
                 (${SERVICE_NAME_LIST}). Only mail ports (${PROBE_PORT_LIST}) are probed,
                 except on this machine with PROBE_ALLOW_LOOPBACK=1
  --sequential   one endpoint after another instead of all at once
  --timeout      per connect, read and TLS handshake (default PROBE_TIMEOUT_MS or 8000)
  --no-store     print only, even for a service

Loopback addresses are refused unless PROBE_ALLOW_LOOPBACK=1; private ranges always are.
No password is ever sent: only EHLO/CAPA/CAPABILITY, STARTTLS/STLS and QUIT/LOGOUT.`;

const STEP_ORDER: ProbeStep[] = ["resolve", "connect", "handshake", "greeting", "capabilities", "starttls", "quit"];

// A host name has a dot (or is an address); a slug never does. "localhost" is both, and is
// taken as a host unless a service has that slug.
function looksLikeHost(arg: string): boolean {
  return /[.:]/.test(arg) || arg === "localhost";
}

function progressReporter(targets: ProbeTarget[]): Pick<ProbeOptions, "onStep" | "onResult"> & { stop: () => void } {
  if (!process.stderr.isTTY) {
    return {
      onResult: (r) => process.stderr.write(`${r.failure ? "failed" : "done  "} ${describeTarget(r)}\n`),
      stop: () => {},
    };
  }
  const multibar = new cliProgress.MultiBar(
    {
      format: " {bar} {endpoint}  {status}",
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
      barsize: 14,
    },
    cliProgress.Presets.shades_classic,
  );
  const key = (t: ProbeTarget) => `${t.host}|${t.port}|${t.protocol}|${t.security}`;
  const bars = new Map(
    targets.map((t) => [
      key(t),
      multibar.create(STEP_ORDER.length, 0, {
        endpoint: `${t.protocol.toUpperCase()} ${t.host}:${t.port}`,
        status: "waiting",
      }),
    ]),
  );
  return {
    onStep: (t, step) => bars.get(key(t))?.update(STEP_ORDER.indexOf(step), { status: step }),
    onResult: (r: EndpointProbeResult) =>
      bars
        .get(key(r.target))
        ?.update(STEP_ORDER.length, { status: r.failure ? `failed at ${r.failure.step} (${r.failure.code})` : "done" }),
    stop: () => multibar.stop(),
  };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sequential: { type: "boolean", default: false },
        timeout: { type: "string" },
        ports: { type: "string", multiple: true },
        "no-store": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const subject = positionals[0];
  if (values.help || !subject || positionals.length > 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const config = readProbeConfig();
  const timeoutMs = values.timeout === undefined ? config.timeoutMs : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) {
    console.error(`--timeout must be a whole number of milliseconds between 100 and 60000, not "${values.timeout}"`);
    return 2;
  }
  const portSpecs = (values.ports ?? []).flatMap((p) => p.split(",")).filter(Boolean);

  const db = createPrismaClient();
  try {
    let targets: ProbeTarget[];
    let service: { serviceId: number; slug: string } | null = null;
    const asService =
      !looksLikeHost(subject) ||
      (subject === "localhost" && (await db.service.count({ where: { slug: subject } })) > 0);
    if (asService) {
      try {
        const found = await getServiceTargets(db, subject);
        service = found;
        targets = found.targets;
      } catch (error) {
        if (error instanceof UnknownServiceError) {
          console.error(`${error.message}. To probe a host, give its full name (with a dot), e.g. mail.example.jp.`);
          return 1;
        }
        throw error;
      }
      if (targets.length === 0) {
        console.error(
          `${subject} has no recorded mail server endpoints, and its host names and ports cannot be guessed. ` +
            `Add endpoints to its record in data/companies.json (or probe a host by name).`,
        );
        return 1;
      }
      if (portSpecs.length > 0) {
        const wanted = new Set(portSpecs.map((p) => Number(p.split("=")[0])));
        targets = targets.filter((t) => wanted.has(t.port));
      }
    } else {
      try {
        targets = targetsForHost(subject, portSpecs);
      } catch (error) {
        if (error instanceof PortSpecError) {
          console.error(error.message);
          return 2;
        }
        throw error;
      }
    }

    const progress = progressReporter(targets);
    const run = await probeEndpoints(targets, {
      timeoutMs,
      allowLoopback: config.allowLoopback,
      sequential: values.sequential,
      onStep: progress.onStep,
      onResult: progress.onResult,
    });
    progress.stop();

    const probedAt = new Date();
    const findings = findingsFromResults(run.results, probedAt);
    console.log(
      `\nProbe of ${subject}: ${targets.length} endpoint(s), ${run.sequential ? "one by one" : "concurrently"}, ${run.wallMs} ms\n`,
    );
    console.log(run.results.map(formatEndpoint).join("\n\n"));
    console.log(`\nFindings:\n${formatFindings(findings)}`);
    if (
      !config.allowLoopback &&
      run.results.some(
        (r) =>
          (r.failure?.code === "refused-address" && r.failure.message.includes("loopback")) ||
          r.failure?.code === "refused-port",
      )
    ) {
      console.log(
        "\nLoopback and ports other than the mail ports are refused by default; set PROBE_ALLOW_LOOPBACK=1 to probe servers on this machine, on any port.",
      );
    }

    if (service && !values["no-store"]) {
      const asOf = isoDay(probedAt);
      const { stored, skipped } = await storeProbeFindings(db, service.serviceId, findings, asOf);
      console.log(`\nStored ${stored} claim(s) for ${service.slug} from source "${PROBE_SOURCE.key}", dated ${asOf}.`);
      if (skipped.length > 0) console.log(`Not stored (property not in the database): ${skipped.join(", ")}`);
    } else if (service) {
      console.log("\nNot stored (--no-store).");
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
