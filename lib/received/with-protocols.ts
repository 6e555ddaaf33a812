import type { ClauseReader } from "./clauses";

// RFC 3848 / RFC 6531 mail transmission types (IANA registry), plus forms servers really write.
export const TLS_PROTOCOLS = new Set([
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

// What the "with" clauses say, as bits, so a hop needs no array of protocol names.
export const WITH_TLS = 1;
export const WITH_PLAIN = 2;
export const WITH_AUTH = 4;
export const WITH_LMTP = 8;
export const WITH_MAPI = 16;
export const WITH_LOCAL = 32;
export const WITH_HTTP = 64;

export function protocolFlags(clauses: ClauseReader): number {
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
