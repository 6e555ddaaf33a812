import type { EndpointProbeResult, ProbeFailure } from "@/lib/probe/types";

// The public check reports a closed port (refused at once) and a silent one (no answer before the
// timeout) the same way, so it cannot be used to map which ports of someone else's host are
// closed and which are filtered. The CLI (npm run probe) keeps the detail for the people who run it.

// One code for every way a server can fail to say anything at all.
export const NO_ANSWER: ProbeFailure = {
  step: "connect",
  code: "no-answer",
  message: "no connection: the port is closed or did not answer",
};

// The kernel saying we have no route is about our network, not the port: classify.ts needs it.
const OUR_NETWORK_CODES = new Set(["ENETUNREACH", "ENETDOWN"]);
// Failures after the connection was open but before the server sent a byte: it went quiet, or
// hung up. A server that did speak (a greeting, a TLS alert, clear text on a TLS port) is
// reported as it is.
const WENT_QUIET = new Set(["timeout", "closed", "ECONNRESET", "EPIPE"]);

function heardNothing(r: EndpointProbeResult): boolean {
  return r.greeting === null && r.tls === null && !r.plaintextInsteadOfTls;
}

function isUnanswered(r: EndpointProbeResult): boolean {
  const f = r.failure;
  if (!f || !heardNothing(r)) return false;
  if (f.step === "connect") return !OUR_NETWORK_CODES.has(f.code);
  return (f.step === "greeting" || f.step === "handshake") && WENT_QUIET.has(f.code);
}

export type Unanswered = {
  result: EndpointProbeResult;
  // a refusal comes back at once: how long after the probe started a silent port would have
  // timed out, which the caller waits for so that the check takes as long either way
  waitUntilMs: number | null;
};

// Rewrites an unanswered endpoint so nothing tells the two cases apart: one failure code and
// message, no address (a silent port was connected to, a closed one was not), and no timings
// beyond the name lookup (a refusal takes milliseconds, a timeout the whole timeout).
export function foldUnanswered(r: EndpointProbeResult, timeoutMs: number): Unanswered {
  if (!isUnanswered(r)) return { result: r, waitUntilMs: null };
  const resolveMs = r.timings.resolveMs ?? 0;
  const fast = r.failure?.code !== "timeout";
  return {
    result: {
      ...r,
      address: null,
      failure: NO_ANSWER,
      timings: {
        resolveMs: r.timings.resolveMs,
        connectMs: null,
        greetingMs: null,
        handshakeMs: null,
        totalMs: resolveMs,
      },
      transcript: [],
    },
    waitUntilMs: fast ? resolveMs + timeoutMs : null,
  };
}
