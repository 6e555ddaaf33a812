import type { DnsCheck } from "./dns";
import type { CheckedServer, CheckOutcome } from "./types";

// How a check ends, decided from what was seen, in the order a person would ask: does the
// domain exist, did it publish settings, could its servers be reached. Pure, so every path is
// unit-tested without a network.

// Before any settings are looked for: "continue" unless DNS already settles it. A failed domain
// lookup only counts against the domain when the control lookup shows our resolver works.
export function classifyDns(dns: DnsCheck): "continue" | "no-such-domain" | "network-failed" | "dns-failed" {
  if (dns.domain.kind === "exists") return "continue";
  if (!dns.controlOk) return "network-failed";
  return dns.domain.kind === "nxdomain" ? "no-such-domain" : "dns-failed";
}

// Steps at which a probe had not yet heard the server speak: the name, the connection, the
// greeting. A failure later (a broken handshake) still means the server was there.
const NOT_REACHED_STEPS = new Set(["resolve", "connect", "greeting"]);

export function isUnreachable(s: Pick<CheckedServer, "failure">): boolean {
  return s.failure !== null && NOT_REACHED_STEPS.has(s.failure.step);
}

// The network is ours to blame only when the kernel says we have no route at all.
const OUR_NETWORK_CODES = new Set(["ENETUNREACH", "ENETDOWN"]);

export function classifyServers({
  guessed,
  dnsFailed,
  servers,
}: {
  guessed: boolean;
  // the domain's DNS gave no answer (our resolver worked)
  dnsFailed: boolean;
  servers: Array<Pick<CheckedServer, "failure">>;
}): CheckOutcome {
  // A guess is never "found": with nothing published the headline says so, whatever answered.
  if (guessed) return dnsFailed ? "dns-failed" : "no-settings";
  if (servers.length === 0) return "checked";
  if (servers.every(isUnreachable)) {
    return servers.every((s) => OUR_NETWORK_CODES.has(s.failure?.code ?? "")) ? "network-failed" : "unreachable";
  }
  return "checked";
}
