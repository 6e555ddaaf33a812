import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { AutoconfigResult } from "@/lib/autoconfig/types";
import type { IspdbProvider } from "@/lib/ispdb/types";
import { toEndpointEvidence } from "@/lib/probe/evidence";
import { probeEndpoints } from "@/lib/probe/probe-service";
import { transportOutcome } from "@/lib/probe/properties";
import { DEFAULT_TIMEOUT_MS, type EndpointProbeResult, type ProbeOptions, type ProbeTarget } from "@/lib/probe/types";
import type { Identified } from "@/lib/catalogue/identify";
import { classifyDns, classifyServers } from "./classify";
import type { CheckDns, DomainDns } from "./dns";
import { isCheckableDomain } from "@/lib/mx/check-domain";
import type { DomainTransportReport } from "@/lib/mx/types";
import type { CheckedServer, CheckReport, StoredReport } from "./types";
import { foldUnanswered } from "./unanswered";
import { computeVerdict } from "./verdict";

// A settings file lists a handful of servers; more than this is not worth a visitor's wait
// (and would make one form post open many connections).
export const MAX_CHECKED_SERVERS = 8;
// Real settings name few hosts (Thunderbird's ISPDB, 131 files: 40 name one, 32 two, 57 three,
// 2 four); a longer list is one aimed at other people's machines, so the rest are skipped.
export const MAX_CHECKED_HOSTS = 4;

type Planned = { target: ProbeTarget; direction: CheckedServer["direction"]; declared: CheckedServer["declared"] };

export function plannedServers(config: IspdbProvider, domain: string): { planned: Planned[]; skipped: number } {
  const listed = [
    ...config.incoming.map((s) => ({ ...s, direction: "incoming" as const })),
    ...config.outgoing.map((s) => ({ ...s, direction: "outgoing" as const })),
  ];
  const seen = new Set<string>();
  const hosts = new Set<string>();
  const planned: Planned[] = [];
  for (const s of listed) {
    if (s.type !== "imap" && s.type !== "pop3" && s.type !== "smtp") continue;
    // %EMAILDOMAIN% is the looked-up domain; other placeholders depend on the user and are skipped.
    const host = s.hostname.replace(/%EMAILDOMAIN%/g, domain).toLowerCase();
    if (host.includes("%")) continue;
    // A "plain" server is probed as STARTTLS: the question is whether it offers the upgrade.
    const target: ProbeTarget = {
      host,
      port: s.port,
      protocol: s.type,
      security: s.socketType === "SSL" ? "tls" : "starttls",
    };
    const key = `${s.type}|${host}|${s.port}|${target.security}`;
    if (seen.has(key) || planned.length >= MAX_CHECKED_SERVERS) continue;
    if (!hosts.has(host) && hosts.size >= MAX_CHECKED_HOSTS) continue;
    seen.add(key);
    hosts.add(host);
    planned.push({ target, direction: s.direction, declared: s.socketType });
  }
  return { planned, skipped: listed.length - planned.length };
}

export type RunCheckDeps = {
  // finds the settings; dns is the check's own answer about the domain, for the MX step
  lookup: (
    domain: string,
    dns?: DomainDns,
  ) => Promise<Pick<AutoconfigResult, "domain" | "answeredBy" | "guessed" | "config"> & { mxHosts?: string[] }>;
  probe: ProbeOptions;
  // names the catalogued provider from the domain's MX hosts (the lookup's, when it asked DNS)
  identify?: (domain: string, knownMxHosts: string[]) => Promise<Identified[]>;
  // asks whether the domain exists before anything is fetched; without it the check assumes so
  dns?: CheckDns;
  // the mail domain's own incoming transport (lib/mx/check-domain.ts); run beside the probes
  transport?: (domain: string) => Promise<DomainTransportReport>;
};

// Probes as the public page may report it: a closed port and a silent one look the same
// (unanswered.ts), in what is shown and in how long the check takes.
async function probeForVisitors(targets: ProbeTarget[], options: ProbeOptions): Promise<EndpointProbeResult[]> {
  const started = performance.now();
  const run = await probeEndpoints(targets, { ...options, sequential: false });
  const folded = run.results.map((r) => foldUnanswered(r, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  const waitUntil = Math.max(0, ...folded.map((f) => f.waitUntilMs ?? 0));
  const left = started + waitUntil - performance.now();
  if (left > 0) await sleep(left);
  return folded.map((f) => f.result);
}

function finish(started: number, report: Omit<StoredReport, "ms">): CheckReport {
  return { ...report, verdict: computeVerdict(report.servers), ms: Math.round(performance.now() - started) };
}

export async function runMailCheck(domain: string, deps: RunCheckDeps): Promise<CheckReport> {
  const started = performance.now();
  const dns = deps.dns ? await deps.dns.inspect(domain) : undefined;
  const early = dns ? classifyDns(dns) : "continue";
  const dnsError = dns?.domain.kind === "failed" ? dns.domain.code : null;
  // Nothing to look for on a domain that does not exist, nor with our own resolver down: the
  // settings fetches would only fail the same way, more slowly.
  if (early === "no-such-domain" || early === "network-failed") {
    return finish(started, {
      domain,
      outcome: early,
      answeredBy: "none",
      guessed: false,
      mxHosts: [],
      dnsError,
      servers: [],
      skipped: 0,
      providers: [],
    });
  }
  // Started before the settings lookup and awaited with the probes, so it adds no wait of its
  // own; like naming the provider, its failure must not fail the check.
  const transport =
    deps.transport && isCheckableDomain(domain)
      ? deps.transport(domain).catch((error: unknown) => {
          console.error(`mail-domain check of ${domain} failed`, error);
          return undefined;
        })
      : Promise.resolve(undefined);
  const found = await deps.lookup(domain, dns?.domain);
  const { planned, skipped } = plannedServers(found.config, found.domain);
  const mxHosts = dns?.domain.kind === "exists" ? dns.domain.mxHosts : (found.mxHosts ?? []);
  // Naming the provider is a courtesy: a DNS failure there must not fail the check itself.
  const [results, providers, mailDomain] = await Promise.all([
    probeForVisitors(
      planned.map((p) => p.target),
      deps.probe,
    ),
    deps.identify ? deps.identify(found.domain, mxHosts).catch(() => []) : Promise.resolve([]),
    transport,
  ]);
  const probed: CheckedServer[] = results.map((r, i) => ({
    ...toEndpointEvidence(r, transportOutcome(r)),
    direction: planned[i]!.direction,
    declared: planned[i]!.declared,
  }));
  // A guessed name that does not resolve is not a server that failed: it was never there.
  const servers = found.guessed
    ? probed.filter((s) => !(s.failure?.step === "resolve" && s.failure.code === "unresolvable"))
    : probed;
  return finish(started, {
    domain: found.domain,
    outcome: classifyServers({ guessed: found.guessed, dnsFailed: early === "dns-failed", servers }),
    answeredBy: found.answeredBy,
    guessed: found.guessed,
    mxHosts,
    dnsError,
    servers,
    skipped,
    providers,
    ...(mailDomain ? { mailDomain } : {}),
  });
}
