import { parseReceivedDate } from "./date";
import { ClauseReader, clauseText, MAX_ANNOTATION_COMMENT } from "./clauses";
import { localReasonFor } from "./locality";
import { findClientCertificate, findTlsEvidence, weakReasonsFor } from "./tls-evidence";
import { leadingWords, scanReceived } from "./tokenize";
import type { ReceivedHop, TlsState } from "./types";
import { decodeEncodedWords } from "./encoded-words";
import { unfold } from "./unfold";
import { protocolFlags, WITH_AUTH, WITH_PLAIN } from "./with-protocols";

/** A hop read from one field, with the instant of its date for the delay computation. */
export interface ReadHop {
  hop: ReceivedHop;
  epochMs: number | null;
}

const AUTH_COMMENT_RE = /\bauthenticated\s{1,4}(?:sender\s{0,2}:|bits\s{0,2}=|as\s|user\s)|^authenticated$/i;
const COURIER_AUTH_RE = /(?:^|[\s,])AUTH:\s{0,4}[A-Za-z0-9-]{1,40}\s/;
// Cheap gate: most comments carry no auth signal.
const AUTH_HINT_RE = /auth/i;

// A bare "(authenticated)" comment instead of the "A" of ESMTPA (seen from nifty's submission
// servers: "(authenticated) by conssluserg-06.nifty.com with ESMTP"): such a server does not use
// RFC 3848's keywords, so its "ESMTP" does not say the session was unencrypted either.
const BARE_AUTH_RE = /^\s*authenticated\s*$/i;

function ignoresRfc3848(clauses: ClauseReader, flags: number): boolean {
  if (flags & WITH_AUTH) return false;
  for (let i = 0; i < clauses.commentCount; i++) {
    const c = clauses.commentAt(i);
    if (c.length < 40 && BARE_AUTH_RE.test(c)) return true;
  }
  return false;
}

const reader = new ClauseReader();

function isAuthenticated(clauses: ClauseReader, flags: number): boolean {
  if (flags & WITH_AUTH) return true;
  for (let i = 0; i < clauses.commentCount; i++) {
    const c = clauses.commentAt(i);
    if (c.length > MAX_ANNOTATION_COMMENT || !AUTH_HINT_RE.test(c)) continue;
    if (AUTH_COMMENT_RE.test(c.trim()) || COURIER_AUTH_RE.test(c)) return true;
  }
  return false;
}

function courierId(dateText: string): string | null {
  // Courier writes its queue id after the date: "...; Tue, 14 Feb 2023 ... +0000\n id 0000..."
  const words = leadingWords(dateText, 12);
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i]?.toLowerCase() === "id") return words[i + 1] ?? null;
  }
  return null;
}

/** Reads one Received field value. `hop` is numbered 1 and has no delay until `analyze` places it. */
export function parseReceivedHop(value: string): ReceivedHop {
  return readHop(value).hop;
}

export function readHop(value: string): ReadHop {
  try {
    return readWith(reader, value);
  } finally {
    reader.release();
  }
}

function readWith(clauses: ClauseReader, value: string): ReadHop {
  clauses.reset(value);
  const separator = scanReceived(value, clauses);
  clauses.finish(separator);
  const dateText = separator < 0 ? null : value.slice(separator + 1);
  const flags = protocolFlags(clauses);
  const withText = clauseText(clauses.with);

  const { evidence, version, cipher } = findTlsEvidence(clauses);
  const localReason = localReasonFor(value, clauses, flags);
  const local = localReason !== null;

  let tls: TlsState = "unknown";
  if (local) tls = "local";
  else if (evidence) tls = "yes";
  else if (
    (flags & WITH_PLAIN && !ignoresRfc3848(clauses, flags)) ||
    (withText ?? "").toLowerCase().startsWith("microsoft smtp")
  ) {
    // Exchange prints "(version=...)" or "(TLS)" whenever the session was encrypted
    tls = "no";
  }

  let date = dateText === null ? null : parseReceivedDate(dateText);
  if (date === null) {
    // An unclosed comment can swallow the separator; the raw last ";" is the next best guess.
    const semicolon = value.lastIndexOf(";");
    if (semicolon >= 0) date = parseReceivedDate(value.slice(semicolon + 1));
  }

  const weakReasons = weakReasonsFor(version, cipher);
  const comments = new Array<string>(clauses.commentCount);
  for (let i = 0; i < comments.length; i++) comments[i] = displayComment(clauses.commentAt(i));

  const hop: ReceivedHop = {
    hop: 1,
    from: clauses.from?.first ?? null,
    by: clauses.by?.first ?? null,
    via: clauseText(clauses.via),
    with: withText,
    id: clauses.id?.first ?? (dateText === null ? null : courierId(dateText)),
    for: clauseText(clauses.for),
    comments,
    tls,
    tlsEvidence: evidence ? evidence.snippet : null,
    tlsVersion: version,
    cipher,
    weak: weakReasons.length > 0,
    weakReasons,
    clientCertificate: tls === "yes" ? findClientCertificate(clauses, evidence) : null,
    authenticated: isAuthenticated(clauses, flags),
    local,
    localReason,
    date: date?.iso ?? null,
    delaySeconds: null,
    raw: value,
  };
  return { hop, epochMs: date?.epochMs ?? null };
}

function displayComment(comment: string): string {
  return unfold(decodeEncodedWords(comment)).trim();
}
