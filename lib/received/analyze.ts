import { readHop, type ReadHop } from "./hop";
import { judgePath } from "./level";
import type { ReceivedAnalysis, ReceivedHop, Verdict } from "./types";
import { forEachHeaderField } from "./unfold";

function unreadableHop(raw: string): ReadHop {
  const hop: ReceivedHop = {
    hop: 1,
    from: null,
    by: null,
    via: null,
    with: null,
    id: null,
    for: null,
    comments: [],
    tls: "unknown",
    tlsEvidence: null,
    tlsVersion: null,
    cipher: null,
    weak: false,
    weakReasons: [],
    clientCertificate: null,
    authenticated: false,
    local: false,
    localReason: null,
    date: null,
    delaySeconds: null,
    raw,
  };
  return { hop, epochMs: null };
}

function readSafely(value: string): ReadHop {
  try {
    return readHop(value);
  } catch {
    // The parser is written not to throw; should it ever, the hop counts as unknown rather than
    // vanishing, so a bug can only weaken the verdict, never turn it into "encrypted".
    return unreadableHop(value);
  }
}

/**
 * Reads the Received fields of pasted message headers and judges whether the message travelled
 * encrypted. Never throws; time is linear in the input length.
 */
export function analyzeReceivedHeaders(raw: string): ReceivedAnalysis {
  const text = typeof raw === "string" ? raw : "";
  // Each field is read as soon as it is found, from a slice of the paste rather than an unfolded
  // copy (the tokenizer takes line breaks as whitespace), so a megabyte of headers is neither
  // duplicated nor held twice while it is read.
  const hops: ReceivedHop[] = [];
  const instants: number[] = [];
  forEachHeaderField(text, "received", (_nameStart, _nameEnd, start, end) => {
    const { hop, epochMs } = readSafely(text.slice(start, end).trim());
    hops.push(hop);
    instants.push(epochMs ?? Number.NaN);
  });

  // Each relay prepends its field, so the bottom one is the oldest: hop 1.
  hops.reverse();
  instants.reverse();
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i] as ReceivedHop;
    const delayMs = i > 0 ? (instants[i] ?? Number.NaN) - (instants[i - 1] ?? Number.NaN) : Number.NaN;
    hop.hop = i + 1;
    hop.delaySeconds = Number.isNaN(delayMs) ? null : Math.round(delayMs / 1000);
  }

  const { level, findings } = judgePath(hops);
  return { verdict: verdictFor(hops), level, findings, firstPlainHop: firstPlainHop(hops), hops };
}

function firstPlainHop(hops: ReceivedHop[]): number | null {
  return hops.find((h) => !h.local && h.tls === "no")?.hop ?? null;
}

function verdictFor(hops: ReceivedHop[]): Verdict {
  if (hops.length === 0) return "none";
  if (firstPlainHop(hops) !== null) return "not-encrypted";
  // Vacuously true when every hop is local: nothing crossed a network in the clear.
  return hops.every((h) => h.local || h.tls === "yes") ? "encrypted" : "unknown";
}
