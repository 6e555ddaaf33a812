import { normalizeTlsVersion, weakVersionAndCipherReasons } from "@/lib/mail";
import { MAX_ANNOTATION_COMMENT, type Clause, type ClauseReader } from "./clauses";
import type { CertificateState, TlsVersion, WeakReason } from "./types";
import { TLS_PROTOCOLS } from "./with-protocols";

// What a Received field says about TLS: the version and cipher an MTA noted in a comment
// (Postfix, Exim, Courier, Exchange, qmail, Google), Exim's "tls" clause, or a TLS protocol
// keyword after "with". Whether that is weak is lib/mail's call, shared with the probe.

// No pattern below nests quantifiers or puts two unbounded ones side by side, repetition is
// bounded wherever backtracking could reach far, and the unbounded ones only see short input
// (versions) or match in one forward pass: linear even on megabyte-long comments.
const VERSION_TOKEN = String.raw`(TLS ?v?1(?:[._][0-3])?(?:\/SSLv3)?|SSL ?v?[23](?:\.0)?)`;
const CIPHER_TOKEN = String.raw`([A-Za-z0-9_+-]{1,120})`;
// Postfix; also Symantec Messaging Gateway and appliances built on it, which write a bare
// "using TLS" without the version: "(using TLS with cipher ECDHE-RSA-AES128-GCM-SHA256 (128/128 bits))"
const POSTFIX_RE = new RegExp(
  String.raw`\busing\s{1,8}(?:${VERSION_TOKEN}|TLS|SSL)\s{1,8}with\s{1,8}cipher\s{1,8}${CIPHER_TOKEN}`,
  "i",
);
const VERSION_KV_RE = new RegExp(String.raw`\bversion\s{0,2}=\s{0,2}${VERSION_TOKEN}(?![\w.])`, "i");
const CIPHER_KV_RE = new RegExp(String.raw`\bcipher\s{0,2}=\s{0,2}${CIPHER_TOKEN}`, "i");
// Exim "(TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256)"; OpenSMTPD adds whether it verified the
// client's certificate: "(TLSv1.3:TLS_AES_256_GCM_SHA384:256:NO)"
const EXIM_RE = new RegExp(
  String.raw`^(?:cipher\s{1,4})?${VERSION_TOKEN}(?::${CIPHER_TOKEN})?(?::\d{1,5})?(?::(YES|NO|FAIL))?$`,
  "i",
);
const COURIER_RE = new RegExp(
  String.raw`\bTLS:\s{0,4}${VERSION_TOKEN}(?:\s{0,4},\s{0,4}\d{1,5}\s{0,2}bits\s{0,4},\s{0,4}${CIPHER_TOKEN})?`,
  "i",
);
const QMAIL_TLS_RE = new RegExp(String.raw`^${CIPHER_TOKEN}\s{1,4}encrypted$`, "i");
const GOOGLE_RE = /^Google Transport Security$/i;
const BARE_TLS_RE = /^(?:TLS|SSL)$/i;
// Cheap gate: most comments ("Postfix", "envelope-from <...>") carry no TLS signal.
const TLS_HINT_RE = /tls|ssl|cipher|encrypted|google/i;
const WHITESPACE_RE = /\s+/g;
// Tabs, line breaks, double spaces or space just inside the parentheses: needs tidying to show.
const UNTIDY_RE = /[\t\r\n\v\f]| {2}|^\(\s|\s\)$/;
const CIPHER_WORD_RE = /^[A-Za-z0-9_+-]{1,120}$/;

const MAX_EVIDENCE = 200;

// Sendmail's ${verify} (and OpenSMTPD's old "TLS version=... verify=" line): OK and TRUSTED
// mean the client's certificate checked out; NO that none was presented, NOT that none was
// asked for; FAIL and the error codes that a check was attempted and failed. NONE means no
// STARTTLS at all, so it says nothing about a certificate.
const VERIFY_KV_RE = /\bverify\s{0,2}=\s{0,2}([A-Z_]{2,12})\b/i;
const SENDMAIL_VERIFY: Record<string, CertificateState> = {
  ok: "verified",
  trusted: "verified",
  no: "not-presented",
  not: "not-requested",
  fail: "failed",
  dane_fail: "failed",
  temp: "failed",
  protocol: "failed",
  software: "failed",
};
// Postfix's smtpd writes one of three notes beside "(using ...)".
const POSTFIX_NOT_REQUESTED_RE = /^No client certificate requested$/i;
const POSTFIX_NOT_PRESENTED_RE = /^Client did not present a certificate$/i;
const POSTFIX_CLIENT_CN_RE = /^Client CN\b[^()]{0,300}\((verified OK|not verified)\)$/i;
const OPENSMTPD_VERIFY: Record<string, CertificateState> = {
  yes: "verified",
  // OpenSMTPD writes NO both when no certificate came and when one came unchecked
  no: "not-verified",
  fail: "failed",
};
const CERT_HINT_RE = /verif|certificate/i;

// Why a negotiated version or cipher is weak, by lib/mail's rules (the probe uses the same).
export function weakReasonsFor(version: TlsVersion | null, cipher: string | null): WeakReason[] {
  return weakVersionAndCipherReasons(version, cipher);
}

export interface TlsEvidence {
  version: TlsVersion | null;
  cipher: string | null;
  snippet: string;
  certificate?: CertificateState | null;
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
  if (comment.length > MAX_ANNOTATION_COMMENT || !TLS_HINT_RE.test(comment)) return null;
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
  if (exim) {
    const verified = exim[3]?.toLowerCase();
    return {
      version: normalizeTlsVersion(exim[1] ?? ""),
      cipher: exim[2] ?? null,
      snippet: snippet(),
      certificate: verified ? (OPENSMTPD_VERIFY[verified] ?? null) : null,
    };
  }
  const courier = COURIER_RE.exec(text);
  if (courier) {
    return { version: normalizeTlsVersion(courier[1] ?? ""), cipher: courier[2] ?? null, snippet: snippet() };
  }
  const qmail = QMAIL_TLS_RE.exec(text);
  if (qmail) return { version: null, cipher: qmail[1] ?? null, snippet: snippet() };
  if (GOOGLE_RE.test(text) || BARE_TLS_RE.test(text)) return { version: null, cipher: null, snippet: snippet() };
  return null;
}

function certificateInComment(comment: string): CertificateState | null {
  if (comment.length > MAX_ANNOTATION_COMMENT || !CERT_HINT_RE.test(comment)) return null;
  const text = comment.trim();
  const verify = VERIFY_KV_RE.exec(text);
  if (verify) return SENDMAIL_VERIFY[(verify[1] ?? "").toLowerCase()] ?? null;
  if (POSTFIX_NOT_REQUESTED_RE.test(text)) return "not-requested";
  if (POSTFIX_NOT_PRESENTED_RE.test(text)) return "not-presented";
  const cn = POSTFIX_CLIENT_CN_RE.exec(text);
  if (cn) return (cn[1] ?? "").toLowerCase() === "verified ok" ? "verified" : "not-verified";
  return null;
}

/** What the receiving server recorded about the sending server's certificate, if anything. */
export function findClientCertificate(clauses: ClauseReader, evidence: TlsEvidence | null): CertificateState | null {
  if (evidence?.certificate) return evidence.certificate;
  for (let i = 0; i < clauses.commentCount; i++) {
    const found = certificateInComment(clauses.commentAt(i));
    if (found) return found;
  }
  return null;
}

function firstProtocol(clause: Clause): string {
  return (clause.first ?? "").toLowerCase();
}

export function findTlsEvidence(clauses: ClauseReader): {
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
