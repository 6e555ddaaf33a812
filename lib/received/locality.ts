import type { Clause, ClauseReader } from "./clauses";
import type { LocalReason } from "./types";
import { WITH_HTTP, WITH_LMTP, WITH_LOCAL, WITH_MAPI } from "./with-protocols";

// Whether a hop stayed inside one machine or organisation (delivery to the mailbox over LMTP,
// Exchange's MAPI, a local pickup, a loopback connection), so it neither proves nor breaks the
// encryption of the path between organisations.

const LOCALHOST_NAMES = new Set([
  "localhost",
  "localhost.localdomain",
  "localhost6",
  "localhost6.localdomain6",
  "ip6-localhost",
  "ip6-loopback",
]);
const QMAIL_RE = /^qmail\s{1,4}\d{1,12}\s{1,4}invoked\s{1,4}(from\s{1,4}network\b)?/i;
// Only ever see address-shaped runs of at most 60 characters (see scanAddresses).
const IPV4_RE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const IPV6_RE = /^[0-9a-f:.]{2,45}$/i;
const IPV6_LOOPBACK_RE = /^[0:]*:0{0,3}1$|^[0:]*:ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i;

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

export function localReasonFor(value: string, clauses: ClauseReader, flags: number): LocalReason | null {
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
