import { Resolver } from "node:dns/promises";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import type { AutoconfigOutcome, MxRecord } from "./types";

// The autoconfig lookup's I/O: one HTTP fetch of a config document and one DNS MX query, each
// turned into an outcome for the attempt record instead of an exception. Only the caller's own
// cancellation is thrown, so a visitor who went away stops the whole lookup.

// A clientConfig is a few kilobytes; anything much larger is not one.
export const MAX_RESPONSE_BYTES = 512 * 1024;

export type NetworkFailure = { ok: false; outcome: Exclude<AutoconfigOutcome, "found">; detail: string };

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  return typeof code === "string" ? code : undefined;
}

function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown }).name === "TimeoutError";
}

function describeError(error: unknown): string {
  const code = errorCode(error);
  return code ? `${code}: ${(error as Error).message}` : (error as Error).message;
}

// AbortSignal.timeout() aborts with a DOMException named TimeoutError, which isTimeout() reads.
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("aborted");
}

// Settles with the promise, or rejects as soon as the signal aborts, for functions (an injected
// resolver) that may not listen to a signal themselves.
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener("abort", onAbort), resolve(v)),
      (e: unknown) => (
        signal.removeEventListener("abort", onAbort),
        reject(e instanceof Error ? e : new Error(String(e)))
      ),
    );
  });
}

// One step's limits: its own deadline combined with the caller's cancellation (signal), that
// deadline for messages (timeoutMs), and the caller's cancellation alone (cancel), which is
// rethrown rather than recorded.
export type StepLimits = { signal: AbortSignal; timeoutMs: number; cancel?: AbortSignal };

export async function fetchConfigDocument(
  url: string,
  fetchImpl: typeof globalThis.fetch,
  step: StepLimits,
): Promise<{ ok: true; xml: string } | NetworkFailure> {
  try {
    const response = await fetchImpl(url, {
      signal: step.signal,
      headers: { accept: "application/xml, text/xml;q=0.9, */*;q=0.1" },
    });
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return { ok: false, outcome: "not-found", detail: `HTTP ${response.status}` };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, outcome: "error", detail: `HTTP ${response.status}` };
    }
    const body = await readLimitedBody(response, MAX_RESPONSE_BYTES);
    if (!body.ok) {
      const detail =
        body.reason === "too-large"
          ? `larger than ${MAX_RESPONSE_BYTES} bytes`
          : "the Content-Length header is not a valid length";
      return { ok: false, outcome: "invalid", detail };
    }
    return { ok: true, xml: new TextDecoder().decode(body.bytes) };
  } catch (error) {
    if (step.cancel?.aborted) throw step.cancel.reason;
    if (isTimeout(error)) {
      return { ok: false, outcome: "timeout", detail: `no complete answer within ${step.timeoutMs} ms` };
    }
    if (errorCode(error) === "ENOTFOUND") {
      // Most domains have no autoconfig host at all: that is "not there", not a failure.
      return { ok: false, outcome: "not-found", detail: `${new URL(url).hostname} does not resolve` };
    }
    return { ok: false, outcome: "error", detail: describeError(error) };
  }
}

export type ResolveMx = (domain: string, signal: AbortSignal) => Promise<MxRecord[]>;

export function systemResolveMx(timeoutMs: number): ResolveMx {
  return async (domain, signal) => {
    const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
    const cancel = () => resolver.cancel();
    signal.addEventListener("abort", cancel, { once: true });
    try {
      return await resolver.resolveMx(domain);
    } finally {
      signal.removeEventListener("abort", cancel);
    }
  };
}

export async function queryMx(
  domain: string,
  resolveMx: ResolveMx,
  step: StepLimits,
): Promise<{ ok: true; records: MxRecord[] } | NetworkFailure> {
  try {
    return { ok: true, records: await raceAbort(resolveMx(domain, step.signal), step.signal) };
  } catch (error) {
    if (step.cancel?.aborted) throw step.cancel.reason;
    const code = errorCode(error);
    if (isTimeout(error) || code === "ETIMEOUT" || code === "ECANCELLED") {
      return { ok: false, outcome: "timeout", detail: `no answer within ${step.timeoutMs} ms` };
    }
    if (code === "ENODATA" || code === "ENOTFOUND") return { ok: false, outcome: "not-found", detail: code };
    return { ok: false, outcome: "error", detail: describeError(error) };
  }
}
