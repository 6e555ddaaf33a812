import { readHop, type ReadHop } from "./hop";
import type { ReceivedAnalysis, ReceivedHop, Verdict } from "./types";
import { findHeaderFields } from "./unfold";

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
  // Slices, not unfolded copies: the tokenizer takes line breaks as whitespace, so the fields
  // are read as written and a megabyte of headers is not duplicated in the result.
  const values = findHeaderFields(text, "received").map((f) => text.slice(f.start, f.end).trim());

  // Each relay prepends its field, so the bottom one is the oldest: hop 1.
  const hops: ReceivedHop[] = [];
  let previousMs: number | null = null;
  for (let i = values.length - 1; i >= 0; i--) {
    const { hop, epochMs } = readSafely(values[i] ?? "");
    hop.hop = hops.length + 1;
    hop.delaySeconds = previousMs !== null && epochMs !== null ? Math.round((epochMs - previousMs) / 1000) : null;
    hops.push(hop);
    previousMs = epochMs;
  }

  return { verdict: verdictFor(hops), firstPlainHop: firstPlainHop(hops), hops };
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
