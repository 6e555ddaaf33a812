import { z } from "zod";
import { analyzeReceivedHeaders } from "./analyze";
import { isWeakFinding } from "./level";
import { capHopText, MAX_FINDING_HOPS, MAX_PASTE_BYTES, MAX_SHOWN_HOPS } from "./limits";
import { SAMPLE_IDS, SAMPLES, type SampleId } from "./samples";
import type { Finding, ReceivedAnalysis, ReceivedHop } from "./types";

// The caps are shared with POST /api/received (lib/received/limits.ts).
export { MAX_FINDING_HOPS, MAX_PASTE_BYTES, MAX_SHOWN_HOPS };

export const RECEIVED_FORM_ERRORS = ["empty", "too-large", "invalid"] as const;
export type ReceivedFormError = (typeof RECEIVED_FORM_ERRORS)[number];

/** What the page shows of a hop: the parsed fields, without the raw text and comments. */
export type ReceivedHopRow = Pick<
  ReceivedHop,
  | "hop"
  | "from"
  | "by"
  | "with"
  | "tls"
  | "tlsEvidence"
  | "tlsVersion"
  | "cipher"
  | "weak"
  | "weakReasons"
  | "clientCertificate"
  | "authenticated"
  | "local"
  | "localReason"
  | "date"
  | "delaySeconds"
>;
// At most MAX_SHOWN_HOPS hops go to the page: a megabyte of invented Received lines would
// otherwise become a table of tens of thousands of rows, and the state (which React posts back
// with the next submission) tens of megabytes.

/** A finding as the page shows it: the first hops it concerns, and how many there are in all. */
export type ReceivedFindingRow = Finding & { count: number; weak: boolean };

export type ReceivedResult = Pick<ReceivedAnalysis, "verdict" | "level" | "firstPlainHop"> & {
  findings: ReceivedFindingRow[];
  /** every hop in the header; `hops` holds the oldest MAX_SHOWN_HOPS of them */
  hopCount: number;
  hops: ReceivedHopRow[];
  /** the hop the verdict names, even when it lies beyond the shown ones */
  firstPlain: Pick<ReceivedHopRow, "hop" | "from" | "by"> | null;
};

// The analyzer page's server action returns this. It is plain data: it crosses to the browser
// and, with JavaScript off, is rendered into the page the form posted to. React also sends it
// back with the next submission, so it is kept small: `input` (the text for the textarea) is
// only echoed when the browser does not already have it (JavaScript off, or a sample) and is
// null otherwise. Nothing here is stored anywhere.
export type ReceivedState =
  | { status: "idle" }
  | { status: "error"; error: ReceivedFormError; input: string | null; bytes: number | null }
  | { status: "done"; input: string | null; sample: SampleId | null; result: ReceivedResult };

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  // Each UTF-16 unit is 1 to 3 bytes of UTF-8, so most pastes are decided without encoding.
  if (text.length > MAX_PASTE_BYTES) return encoder.encode(text).byteLength;
  if (text.length * 3 <= MAX_PASTE_BYTES) {
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
    if (ascii) return text.length;
  }
  return encoder.encode(text).byteLength;
}

// Browsers send a textarea's line breaks as CRLF; counting them as LF keeps the limit equal to
// what the visitor pasted (and to the textarea's maxlength).
const pasteSchema = z
  .string({ error: "invalid" })
  .transform((text) => text.replace(/\r\n?/g, "\n"))
  .refine((text) => text.trim() !== "", { error: "empty", abort: true })
  .refine((text) => utf8Length(text) <= MAX_PASTE_BYTES, { error: "too-large" });

export const receivedFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("paste"), headers: pasteSchema }),
    z.object({ intent: z.literal("sample"), sample: z.enum(SAMPLE_IDS, { error: "invalid" }) }),
  ],
  { error: "invalid" },
);

export type ReceivedFormInput =
  | { ok: true; text: string; sample: SampleId | null; enhanced: boolean }
  | { ok: false; error: ReceivedFormError; input: string; bytes: number | null; enhanced: boolean };

function field(formData: FormData, name: string): FormDataEntryValue | undefined {
  return formData.get(name) ?? undefined;
}

/**
 * Reads the analyzer form. The "Analyze" button posts intent=paste; the sample button posts
 * intent=sample with the chosen sample. A submission without a submitter (Enter in a browser
 * that sends none) counts as a paste. `enhanced=1` is set by the form's script once it runs.
 */
export function parseReceivedForm(formData: FormData): ReceivedFormInput {
  const intent = field(formData, "intent") ?? "paste";
  const headers = field(formData, "headers");
  const enhanced = field(formData, "enhanced") === "1";
  const parsed = receivedFormSchema.safeParse({ intent, headers, sample: field(formData, "sample") });
  if (parsed.success) {
    return parsed.data.intent === "sample"
      ? { ok: true, text: SAMPLES[parsed.data.sample], sample: parsed.data.sample, enhanced }
      : { ok: true, text: parsed.data.headers, sample: null, enhanced };
  }
  const message = parsed.error.issues[0]?.message;
  const error: ReceivedFormError = message === "empty" || message === "too-large" ? message : "invalid";
  if (error === "too-large" && typeof headers === "string") {
    // the oversized text is not sent back: the visitor still has it where they copied it from
    return { ok: false, error, input: "", bytes: utf8Length(headers.replace(/\r\n?/g, "\n")), enhanced };
  }
  return {
    ok: false,
    error,
    input: typeof headers === "string" && error !== "invalid" ? headers : "",
    bytes: null,
    enhanced,
  };
}

export function toReceivedResult(analysis: ReceivedAnalysis): ReceivedResult {
  const firstPlain = analysis.hops.find((h) => h.hop === analysis.firstPlainHop);
  return {
    verdict: analysis.verdict,
    level: analysis.level,
    findings: analysis.findings.map((f) => ({
      code: f.code,
      hops: f.hops.slice(0, MAX_FINDING_HOPS),
      count: f.hops.length,
      weak: isWeakFinding(f.code),
    })),
    firstPlainHop: analysis.firstPlainHop,
    hopCount: analysis.hops.length,
    firstPlain: firstPlain
      ? { hop: firstPlain.hop, from: capHopText(firstPlain.from), by: capHopText(firstPlain.by) }
      : null,
    hops: analysis.hops.slice(0, MAX_SHOWN_HOPS).map((h) => ({
      hop: h.hop,
      from: capHopText(h.from),
      by: capHopText(h.by),
      with: capHopText(h.with),
      tls: h.tls,
      tlsEvidence: capHopText(h.tlsEvidence),
      tlsVersion: h.tlsVersion,
      cipher: capHopText(h.cipher),
      weak: h.weak,
      weakReasons: h.weakReasons,
      clientCertificate: h.clientCertificate,
      authenticated: h.authenticated,
      local: h.local,
      localReason: h.localReason,
      date: h.date,
      delaySeconds: h.delaySeconds,
    })),
  };
}

/** The whole action, minus the "use server" boundary: validate, analyze, return the state. */
export function analyzeFormData(formData: FormData): ReceivedState {
  const input = parseReceivedForm(formData);
  // With the script running, the browser still holds what was pasted; only a sample's text, or
  // the whole page re-rendered without JavaScript, needs the text sent back.
  if (!input.ok)
    return { status: "error", error: input.error, input: input.enhanced ? null : input.input, bytes: input.bytes };
  return {
    status: "done",
    input: input.enhanced && input.sample === null ? null : input.text,
    sample: input.sample,
    result: toReceivedResult(analyzeReceivedHeaders(input.text)),
  };
}
