import { normalizeTlsVersion, weakVersionAndCipherReasons } from "@/lib/mail";
import { parseReceivedDate } from "./date";
import { leadingWords, scanReceived, type ReceivedVisitor } from "./tokenize";
import type { LocalReason, ReceivedHop, TlsState, TlsVersion, WeakReason } from "./types";
import { decodeEncodedWords, unfold } from "./unfold";

/** A hop read from one field, with the instant of its date for the delay computation. */
export interface ReadHop {
  hop: ReceivedHop;
  epochMs: number | null;
}

/** A clause: its keyword's name, its words, and the stretch of the value it covers. */
interface Clause {
  name: ClauseName;
  first: string | null;
  /** Words after the first, kept only for clauses shown whole (with, via, for). */
  rest: string[] | null;
  /** From just after the keyword to the next keyword (or the date separator). */
  start: number;
  end: number;
}

// RFC 5321 §4.4 clauses; "tls" is Exim's cipher clause, recognised only right after "with".
type ClauseName = "from" | "by" | "via" | "with" | "id" | "for" | "tls";

function lowerAt(text: string, index: number): number {
  // ASCII letters only: c | 0x20 equals a lower-case letter just for that letter in either case
  return text.charCodeAt(index) | 0x20;
}

/** The clause keyword spelled by value[start, end), compared in place so no word is sliced for it. */
function keywordAt(value: string, start: number, end: number, current: Clause | null): ClauseName | null {
  const a = lowerAt(value, start);
  const b = lowerAt(value, start + 1);
  switch (end - start) {
    case 2:
      if (a === 0x62 && b === 0x79) return "by";
      if (a === 0x69 && b === 0x64) return "id";
      return null;
    case 3: {
      const c = lowerAt(value, start + 2);
      if (a === 0x66 && b === 0x6f && c === 0x72) return "for";
      if (a === 0x76 && b === 0x69 && c === 0x61) return "via";
      // Exim's "tls CIPHER" clause, recognised only right after "with"
      if (a === 0x74 && b === 0x6c && c === 0x73 && current?.name === "with") return "tls";
      return null;
    }
    case 4: {
      const c = lowerAt(value, start + 2);
      const d = lowerAt(value, start + 3);
      if (a === 0x66 && b === 0x72 && c === 0x6f && d === 0x6d) return "from";
      if (a === 0x77 && b === 0x69 && c === 0x74 && d === 0x68) return "with";
      return null;
    }
    default:
      return null;
  }
}

// RFC 3848 / RFC 6531 mail transmission types (IANA registry), plus forms servers really write.
const TLS_PROTOCOLS = new Set([
  "esmtps",
  "esmtpsa",
  "lmtps",
  "lmtpsa",
  "utf8smtps",
  "utf8smtpsa",
  "utf8lmtps",
  "utf8lmtpsa",
  "smtps",
  "smtpsa",
  "https",
  // Gmail's API submission path; Google serves that API over HTTPS only
  "httprest",
  "starttls",
]);
const PLAIN_PROTOCOLS = new Set(["smtp", "esmtp", "esmtpa", "utf8smtp", "utf8smtpa", "http"]);
const LMTP_PROTOCOLS = new Set([
  "lmtp",
  "lmtpa",
  "lmtps",
  "lmtpsa",
  "utf8lmtp",
  "utf8lmtpa",
  "utf8lmtps",
  "utf8lmtpsa",
]);
const AUTH_PROTOCOLS = new Set([
  "esmtpa",
  "esmtpsa",
  "lmtpa",
  "lmtpsa",
  "utf8smtpa",
  "utf8smtpsa",
  "utf8lmtpa",
  "utf8lmtpsa",
  "smtpsa",
]);
const LOCALHOST_NAMES = new Set([
  "localhost",
  "localhost.localdomain",
  "localhost6",
  "localhost6.localdomain6",
  "ip6-localhost",
  "ip6-loopback",
]);

// No pattern below nests quantifiers or puts two unbounded ones side by side, repetition is
// bounded wherever backtracking could reach far, and the unbounded ones only see short input
// (addresses, versions) or match in one forward pass: linear even on megabyte-long comments.
const VERSION_TOKEN = String.raw`(TLS ?v?1(?:[._][0-3])?(?:\/SSLv3)?|SSL ?v?[23](?:\.0)?)`;
const CIPHER_TOKEN = String.raw`([A-Za-z0-9_+-]{1,120})`;
const POSTFIX_RE = new RegExp(
  String.raw`\busing\s{1,8}${VERSION_TOKEN}\s{1,8}with\s{1,8}cipher\s{1,8}${CIPHER_TOKEN}`,
  "i",
);
const VERSION_KV_RE = new RegExp(String.raw`\bversion\s{0,2}=\s{0,2}${VERSION_TOKEN}(?![\w.])`, "i");
const CIPHER_KV_RE = new RegExp(String.raw`\bcipher\s{0,2}=\s{0,2}${CIPHER_TOKEN}`, "i");
const EXIM_RE = new RegExp(String.raw`^(?:cipher\s{1,4})?${VERSION_TOKEN}(?::${CIPHER_TOKEN})?(?::\d{1,5})?$`, "i");
const COURIER_RE = new RegExp(
  String.raw`\bTLS:\s{0,4}${VERSION_TOKEN}(?:\s{0,4},\s{0,4}\d{1,5}\s{0,2}bits\s{0,4},\s{0,4}${CIPHER_TOKEN})?`,
  "i",
);
const QMAIL_TLS_RE = new RegExp(String.raw`^${CIPHER_TOKEN}\s{1,4}encrypted$`, "i");
const GOOGLE_RE = /^Google Transport Security$/i;
const BARE_TLS_RE = /^(?:TLS|SSL)$/i;
const AUTH_COMMENT_RE = /\bauthenticated\s{1,4}(?:sender\s{0,2}:|bits\s{0,2}=|as\s|user\s)|^authenticated$/i;
const COURIER_AUTH_RE = /(?:^|[\s,])AUTH:\s{0,4}[A-Za-z0-9-]{1,40}\s/;
const QMAIL_RE = /^qmail\s{1,4}\d{1,12}\s{1,4}invoked\s{1,4}(from\s{1,4}network\b)?/i;
const IPV4_RE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const IPV6_RE = /^[0-9a-f:.]{2,45}$/i;
const IPV6_LOOPBACK_RE = /^[0:]*:0{0,3}1$|^[0:]*:ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i;
// Cheap gates: most comments ("Postfix", "envelope-from <...>") carry no TLS or auth signal.
const TLS_HINT_RE = /tls|ssl|cipher|encrypted|google/i;
const AUTH_HINT_RE = /auth/i;
const WHITESPACE_RE = /\s+/g;
// Tabs, line breaks, double spaces or space just inside the parentheses: needs tidying to show.
const UNTIDY_RE = /[\t\r\n\v\f]| {2}|^\(\s|\s\)$/;
const CLOSE_PAREN = 0x29;
const CIPHER_WORD_RE = /^[A-Za-z0-9_+-]{1,120}$/;

const MAX_EVIDENCE = 200;
// A Received field has about six clauses of a word or three. Past these counts keywords are
// taken as plain words and further words are dropped, so keyword soup cannot allocate a clause
// per word; comments are all kept.
const MAX_CLAUSES = 64;
const MAX_CLAUSE_WORDS = 64;
// A comment longer than this is not an MTA annotation; skipping it bounds the work per comment.
const MAX_EVIDENCE_COMMENT = 4096;

// Why a negotiated version or cipher is weak, by lib/mail's rules (the probe uses the same).
export function weakReasonsFor(version: TlsVersion | null, cipher: string | null): WeakReason[] {
  return weakVersionAndCipherReasons(version, cipher);
}

/**
 * Groups a Received value's words into clauses as the scanner reports them. One reader is reset
 * and reused for every hop, clause objects included: none of them outlives readHop (only the
 * strings they point to do), and a megabyte of headers holds thousands of hops.
 */
class ClauseReader implements ReceivedVisitor {
  /** Comment texts; only the first `commentCount` belong to the current value. */
  private readonly comments: string[] = [];
  /** Where each comment's text starts and ends in the value. */
  private readonly commentStarts: number[] = [];
  private readonly commentEnds: number[] = [];
  commentCount = 0;
  /** Comments before the first clause keyword: where qmail writes its whole line. */
  preamble = 0;
  /** The clauses in order; only the first `count` entries belong to the current value. */
  private readonly pool: Clause[] = [];
  count = 0;
  from: Clause | null = null;
  by: Clause | null = null;
  via: Clause | null = null;
  id: Clause | null = null;
  for: Clause | null = null;
  tls: Clause | null = null;
  with: Clause | null = null;
  private current: Clause | null = null;
  private value = "";

  reset(value: string): void {
    this.value = value;
    this.commentCount = 0;
    this.preamble = 0;
    this.count = 0;
    this.from = this.by = this.via = this.id = this.for = this.tls = this.with = null;
    this.current = null;
  }

  commentAt(index: number): string {
    return index < this.commentCount ? (this.comments[index] ?? "") : "";
  }

  /** The comment as written, parentheses included, or null if it never closed. */
  commentAsWritten(index: number): string | null {
    const start = (this.commentStarts[index] ?? 0) - 1;
    const end = (this.commentEnds[index] ?? 0) + 1;
    if (index >= this.commentCount || end > this.value.length || this.value.charCodeAt(end - 1) !== CLOSE_PAREN) {
      return null;
    }
    return this.value.slice(start, end);
  }

  clause(index: number): Clause | undefined {
    return index < this.count ? this.pool[index] : undefined;
  }

  word(start: number, end: number): void {
    const name = this.count < MAX_CLAUSES ? keywordAt(this.value, start, end, this.current) : null;
    if (name !== null) {
      if (this.current) this.current.end = start;
      let clause = this.pool[this.count];
      if (clause === undefined) {
        clause = { name, first: null, rest: null, start: end, end: this.value.length };
        this.pool.push(clause);
      } else {
        clause.name = name;
        clause.first = null;
        clause.rest = null;
        clause.start = end;
        clause.end = this.value.length;
      }
      this.count++;
      this.current = clause;
      // a repeated clause keeps the first one's place
      this[name] ??= clause;
      return;
    }
    const clause = this.current;
    if (clause === null) return;
    if (clause.first === null) {
      clause.first = this.value.slice(start, end);
    } else if (clause.name === "with" || clause.name === "via" || clause.name === "for") {
      clause.rest ??= [];
      if (clause.rest.length < MAX_CLAUSE_WORDS - 1) clause.rest.push(this.value.slice(start, end));
    }
  }

  comment(start: number, end: number): void {
    // overwrite rather than push: the array keeps its capacity from one hop to the next
    this.commentStarts[this.commentCount] = start;
    this.commentEnds[this.commentCount] = end;
    this.comments[this.commentCount++] = this.value.slice(start, end);
    if (this.current === null) this.preamble++;
  }

  /** Closes the last clause at the date separator (or the end of the value). */
  finish(separator: number): void {
    if (this.current && separator >= 0) this.current.end = separator;
  }

  /** Drops every reference into the value, so the shared reader does not keep a paste alive. */
  release(): void {
    for (let i = 0; i < this.count; i++) {
      const clause = this.pool[i];
      if (clause) clause.first = clause.rest = null;
    }
    for (let i = 0; i < this.commentCount; i++) this.comments[i] = "";
    this.reset("");
  }
}

const reader = new ClauseReader();

/** A clause's words joined by spaces. */
function clauseText(clause: Clause | null): string | null {
  if (!clause || clause.first === null) return null;
  return clause.rest === null ? clause.first : [clause.first, ...clause.rest].join(" ");
}

interface TlsEvidence {
  version: TlsVersion | null;
  cipher: string | null;
  snippet: string;
}

function clip(text: string): string {
  const t = text.trim();
  const short = t.length > MAX_EVIDENCE ? `${t.slice(0, MAX_EVIDENCE)}…` : t;
  return short.replace(WHITESPACE_RE, " ");
}

/**
 * The comment for display: as written when it is short and tidy (a slice, no copy: it stays in
 * the result of every hop), otherwise trimmed, whitespace-collapsed and clipped.
 */
function commentSnippet(asWritten: string | null, text: string): string {
  if (asWritten !== null && asWritten.length <= MAX_EVIDENCE && !UNTIDY_RE.test(asWritten)) return asWritten;
  return ["(", clip(text), ")"].join("");
}

function evidenceInComment(comment: string, asWritten: string | null): TlsEvidence | null {
  if (comment.length > MAX_EVIDENCE_COMMENT || !TLS_HINT_RE.test(comment)) return null;
  const text = comment.trim();
  const snippet = () => commentSnippet(asWritten, text);

  const postfix = POSTFIX_RE.exec(text);
  if (postfix) {
    return { version: normalizeTlsVersion(postfix[1] ?? ""), cipher: postfix[2] ?? null, snippet: snippet() };
  }
  const version = VERSION_KV_RE.exec(text);
  const cipher = CIPHER_KV_RE.exec(text);
  if (version || cipher) {
    return {
      version: version ? normalizeTlsVersion(version[1] ?? "") : null,
      cipher: cipher?.[1] ?? null,
      snippet: snippet(),
    };
  }
  const exim = EXIM_RE.exec(text);
  if (exim) return { version: normalizeTlsVersion(exim[1] ?? ""), cipher: exim[2] ?? null, snippet: snippet() };
  const courier = COURIER_RE.exec(text);
  if (courier) {
    return { version: normalizeTlsVersion(courier[1] ?? ""), cipher: courier[2] ?? null, snippet: snippet() };
  }
  const qmail = QMAIL_TLS_RE.exec(text);
  if (qmail) return { version: null, cipher: qmail[1] ?? null, snippet: snippet() };
  if (GOOGLE_RE.test(text) || BARE_TLS_RE.test(text)) return { version: null, cipher: null, snippet: snippet() };
  return null;
}

function isLoopbackAddress(candidate: string): boolean | null {
  let s = candidate.endsWith(".") ? candidate.slice(0, -1) : candidate;
  const zone = s.indexOf("%");
  if (zone > 0) s = s.slice(0, zone);
  if (IPV4_RE.test(s)) return s.startsWith("127.");
  // "::" or eight groups: keeps times like 13:14:51 from reading as IPv6
  if (IPV6_RE.test(s) && (s.includes("::") || s.split(":").length === 8)) {
    return IPV6_LOOPBACK_RE.test(s);
  }
  return null;
}

function isAddressChar(c: number): boolean {
  // 0-9 . : a-f A-F %
  return (c >= 48 && c <= 58) || c === 46 || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 37;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45 || c === 95;
}

/**
 * Looks at every address-shaped run in a from clause's text: false as soon as one is not
 * loopback, true if some were and all were, null if there were none. Runs must stand alone
 * ("[192.0.2.1]", "IPv6:::1"), so hex-looking bits of host names are not mistaken for addresses.
 */
function scanAddresses(text: string, from: number, to: number): boolean | null {
  let saw: boolean | null = null;
  const n = to;
  let i = from;
  while (i < n) {
    if (!isAddressChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    // "IPv6:" (RFC 5321 address literal tag) leaves its "6:" inside the run
    if (
      i >= from + 3 &&
      text.charCodeAt(i) === 54 &&
      text.charCodeAt(i + 1) === 58 &&
      text.slice(i - 3, i).toLowerCase() === "ipv"
    ) {
      start = i + 2;
      i = start;
    } else if (i > from && isNameChar(text.charCodeAt(i - 1))) {
      while (i < n && isAddressChar(text.charCodeAt(i))) i++;
      continue;
    }
    while (i < n && isAddressChar(text.charCodeAt(i))) i++;
    if (i < n && isNameChar(text.charCodeAt(i))) continue;
    const length = i - start;
    if (length < 2 || length > 60) continue;
    const loopback = isLoopbackAddress(text.slice(start, i));
    if (loopback === false) return false;
    if (loopback === true) saw = true;
  }
  return saw;
}

/** Whether the from clause names only loopback addresses (or, lacking addresses, localhost). */
function fromIsLoopback(value: string, clause: Clause): boolean {
  const found = scanAddresses(value, clause.start, clause.end);
  // A HELO of "localhost" from a public address is a common spam trick; the address wins.
  if (found !== null) return found;
  const host = (clause.first ?? "").toLowerCase();
  return LOCALHOST_NAMES.has(host.endsWith(".") ? host.slice(0, -1) : host);
}

function firstProtocol(clause: Clause): string {
  return (clause.first ?? "").toLowerCase();
}

// What the "with" clauses say, as bits, so a hop needs no array of protocol names.
const WITH_TLS = 1;
const WITH_PLAIN = 2;
const WITH_AUTH = 4;
const WITH_LMTP = 8;
const WITH_MAPI = 16;
const WITH_LOCAL = 32;
const WITH_HTTP = 64;

function protocolFlags(clauses: ClauseReader): number {
  let flags = 0;
  for (let i = 0; i < clauses.count; i++) {
    const clause = clauses.clause(i);
    if (clause?.name !== "with" || clause.first === null) continue;
    const p = clause.first.toLowerCase();
    if (TLS_PROTOCOLS.has(p)) flags |= WITH_TLS;
    if (PLAIN_PROTOCOLS.has(p)) flags |= WITH_PLAIN;
    if (AUTH_PROTOCOLS.has(p)) flags |= WITH_AUTH;
    if (LMTP_PROTOCOLS.has(p)) flags |= WITH_LMTP;
    if (p === "mapi") flags |= WITH_MAPI;
    if (p === "local" || p.startsWith("local-")) flags |= WITH_LOCAL;
    if (p === "http" || p === "https" || p === "httprest") flags |= WITH_HTTP;
  }
  return flags;
}

function localReasonFor(value: string, clauses: ClauseReader, flags: number): LocalReason | null {
  if (flags & WITH_LMTP) return "lmtp";
  if (flags & WITH_MAPI) return "mapi";
  if (flags & WITH_LOCAL) return "local-protocol";
  // webmail submission: the browser's connection is the hop, whatever the from clause says
  if (flags & WITH_HTTP) return null;
  if (!clauses.from) {
    // qmail's "invoked from network" line stands for a network reception, so it is not local;
    // qmail writes its whole line as comments before any clause
    let qmailLocal = false;
    for (let i = 0; i < clauses.preamble; i++) {
      const qmail = QMAIL_RE.exec(clauses.commentAt(i).trim());
      if (qmail) qmailLocal = !qmail[1];
    }
    return clauses.by || qmailLocal ? "no-from-clause" : null;
  }
  return fromIsLoopback(value, clauses.from) ? "loopback" : null;
}

function findTlsEvidence(clauses: ClauseReader): {
  evidence: TlsEvidence | null;
  version: TlsVersion | null;
  cipher: string | null;
} {
  let evidence: TlsEvidence | null = null;
  let version: TlsVersion | null = null;
  let cipher: string | null = null;
  // comments first: they carry version and cipher, the protocol keyword only a yes
  for (let i = 0; i < clauses.commentCount; i++) {
    const found = evidenceInComment(clauses.commentAt(i), clauses.commentAsWritten(i));
    if (!found) continue;
    evidence ??= found;
    version ??= found.version;
    cipher ??= found.cipher;
  }
  const tlsCipher = clauses.tls?.first;
  if (tlsCipher && CIPHER_WORD_RE.test(tlsCipher)) {
    cipher ??= tlsCipher;
    evidence ??= { version: null, cipher: tlsCipher, snippet: ["tls ", tlsCipher].join("") };
  }
  for (let i = 0; evidence === null && i < clauses.count; i++) {
    const clause = clauses.clause(i);
    if (clause?.name === "with" && TLS_PROTOCOLS.has(firstProtocol(clause))) {
      evidence = { version: null, cipher: null, snippet: ["with ", clip(clause.first ?? "")].join("") };
    }
  }
  return { evidence, version, cipher };
}

function isAuthenticated(clauses: ClauseReader, flags: number): boolean {
  if (flags & WITH_AUTH) return true;
  for (let i = 0; i < clauses.commentCount; i++) {
    const c = clauses.commentAt(i);
    if (c.length > MAX_EVIDENCE_COMMENT || !AUTH_HINT_RE.test(c)) continue;
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
  else if (flags & WITH_PLAIN || (withText ?? "").toLowerCase().startsWith("microsoft smtp")) {
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
