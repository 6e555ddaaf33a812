// What counts as weak TLS, for every source that sees a negotiated session: the probe (from the
// socket) and the Received header analyzer (from what an MTA wrote). One answer, with a reason
// code per rule, so two pages never disagree about the same cipher.

export const TLS_VERSIONS = ["SSLv2", "SSLv3", "1.0", "1.1", "1.2", "1.3"] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

// Codes rather than sentences: pages translate them through the locale dictionaries.
export const WEAK_VERSION_REASONS = ["tls-below-1.2"] as const;
export const WEAK_CIPHER_REASONS = [
  "anonymous-key-exchange",
  "export-cipher",
  "rc4",
  "3des",
  "single-des",
  "null-cipher",
  "md5-mac",
] as const;
export const WEAK_KEY_REASONS = ["rsa-key-below-2048", "dh-key-below-2048"] as const;
export const WEAK_TLS_REASONS = [...WEAK_VERSION_REASONS, ...WEAK_CIPHER_REASONS, ...WEAK_KEY_REASONS] as const;
export type WeakVersionReason = (typeof WEAK_VERSION_REASONS)[number];
export type WeakCipherReason = (typeof WEAK_CIPHER_REASONS)[number];
export type WeakKeyReason = (typeof WEAK_KEY_REASONS)[number];
export type WeakTlsReason = (typeof WEAK_TLS_REASONS)[number];

const WHITESPACE_RE = /\s+/g;
const TLS_VERSION_RE = /^tlsv?1(?:[._]([0-3]))?$/;
const SSL_VERSION_RE = /^sslv?([23])(?:\.0)?$/;

// Reads the spellings in the wild: Node and OpenSSL ("TLSv1.2", "TLSv1"), Postfix and Exim
// ("TLS1_2", "TLSv1/SSLv3"), Courier ("TLS 1.2"), and the SSL versions.
export function normalizeTlsVersion(raw: string): TlsVersion | null {
  const v = raw.replace(WHITESPACE_RE, "").toLowerCase();
  if (v === "tlsv1/sslv3") return "1.0";
  const tls = TLS_VERSION_RE.exec(v);
  if (tls) {
    const minor = tls[1] ?? "0";
    return `1.${minor}` as TlsVersion;
  }
  const ssl = SSL_VERSION_RE.exec(v);
  if (ssl) return ssl[1] === "2" ? "SSLv2" : "SSLv3";
  return null;
}

// Cipher names come as OpenSSL (ADH-AES256-SHA), IANA (TLS_DH_anon_WITH_...) or GnuTLS
// (ANON_DH_ARCFOUR_128_SHA1) spellings; the patterns match whole "-"/"_"-separated parts so that,
// say, "ECDSA" never reads as DES.
const ANON_RE = /(?:^|[-_])(?:ADH|AECDH|anon|aNULL)(?:[-_]|$)/i;
const EXPORT_RE = /(?:^|[-_])EXP/i;
const RC4_RE = /(?:^|[-_])(?:RC4|ARCFOUR)(?:[-_]|$)/i;
const TRIPLE_DES_RE = /(?:^|[-_])(?:3DES|CBC3|EDE3)(?:[-_]|$)/i;
const SINGLE_DES_RE = /(?:^|[-_])DES(?:40)?(?:[-_]|$)/i;
const NULL_CIPHER_RE = /(?:^|[-_])NULL(?:[-_]|$)/i;
const MD5_MAC_RE = /(?:^|[-_])MD5(?:[-_]|$)/i;
// Real names are under 60 characters; the bound keeps the patterns' work small on pasted junk.
const MAX_CIPHER_NAME = 120;

// RFC 8996 deprecates TLS 1.0 and 1.1; SSL 2.0 and 3.0 were prohibited before (RFC 6176, 7568).
export function weakVersionReasons(version: TlsVersion | null): WeakVersionReason[] {
  return version === "SSLv2" || version === "SSLv3" || version === "1.0" || version === "1.1" ? ["tls-below-1.2"] : [];
}

//   anonymous key exchange: no server authentication, so nothing stops a man in the middle
//   export grade: keys cut to 40 or 56 bits for 1990s export rules
//   RC4: prohibited in TLS by RFC 7465
//   3DES: 64-bit block, broken on long connections (Sweet32); single DES: 56-bit key
//   NULL: no encryption at all
//   MD5 as the record MAC: only legacy suites inherited from SSL use it (RC4-MD5, NULL-MD5,
//     DES-CBC3-MD5), and RFC 6151 advises against HMAC-MD5 in anything new
export function weakCipherReasons(cipher: string | null): WeakCipherReason[] {
  const reasons: WeakCipherReason[] = [];
  if (!cipher || cipher.length > MAX_CIPHER_NAME) return reasons;
  if (ANON_RE.test(cipher)) reasons.push("anonymous-key-exchange");
  if (EXPORT_RE.test(cipher)) reasons.push("export-cipher");
  if (RC4_RE.test(cipher)) reasons.push("rc4");
  if (TRIPLE_DES_RE.test(cipher)) reasons.push("3des");
  else if (SINGLE_DES_RE.test(cipher)) reasons.push("single-des");
  if (NULL_CIPHER_RE.test(cipher)) reasons.push("null-cipher");
  if (MD5_MAC_RE.test(cipher)) reasons.push("md5-mac");
  return reasons;
}

// The version and cipher rules together, in one array: what a Received header can tell.
export function weakVersionAndCipherReasons(
  version: TlsVersion | null,
  cipher: string | null,
): Array<WeakVersionReason | WeakCipherReason> {
  const reasons: Array<WeakVersionReason | WeakCipherReason> = weakVersionReasons(version);
  for (const reason of weakCipherReasons(cipher)) reasons.push(reason);
  return reasons;
}

// A public key by algorithm and size, as Node reports them: the certificate's key ("RSA", bits)
// and the ephemeral key exchange (getEphemeralKeyInfo: "DH" or "ECDH", size).
export type KeySize = { type: string; bits: number };

const MIN_RSA_BITS = 2048;
const MIN_DH_BITS = 2048;

// RFC 7525 §4.3 (BCP 195): RSA certificates of at least 2048 bits, DHE groups of at least 2048
// bits (Logjam broke 512-bit export groups and puts 1024-bit ones within a state's reach).
// Elliptic-curve keys are not judged by size: the curves TLS still negotiates (X25519, P-256 and
// up) are all strong.
export function weakKeyReasons(keys: { serverKey?: KeySize | null; keyExchange?: KeySize | null }): WeakKeyReason[] {
  const reasons: WeakKeyReason[] = [];
  const { serverKey, keyExchange } = keys;
  if (serverKey && /^rsa/i.test(serverKey.type) && serverKey.bits < MIN_RSA_BITS) reasons.push("rsa-key-below-2048");
  if (keyExchange && /^(?:dh|dhe|ffdhe)$/i.test(keyExchange.type) && keyExchange.bits < MIN_DH_BITS)
    reasons.push("dh-key-below-2048");
  return reasons;
}

export type TlsSessionFacts = {
  version: TlsVersion | null;
  cipher: string | null;
  serverKey?: KeySize | null;
  keyExchange?: KeySize | null;
};

export function weakTlsReasons(facts: TlsSessionFacts): WeakTlsReason[] {
  const reasons: WeakTlsReason[] = weakVersionAndCipherReasons(facts.version, facts.cipher);
  for (const reason of weakKeyReasons(facts)) reasons.push(reason);
  return reasons;
}

export function isWeakTls(facts: TlsSessionFacts): boolean {
  return weakTlsReasons(facts).length > 0;
}

// Suites that exist only in TLS 1.2 and later: every TLS 1.3 suite (TLS_AES_*, TLS_CHACHA20_*)
// and the AEAD modes (GCM, CCM, ChaCha20-Poly1305), which RFC 5288 and later defined for 1.2.
// A header that names such a cipher but not the version still tells that the version was current.
const TLS13_SUITE_RE = /^TLS_(?:AES_(?:128|256)_(?:GCM|CCM)|CHACHA20_POLY1305)/i;
const AEAD_RE = /(?:^|[-_])(?:GCM|CCM|CHACHA20|POLY1305)(?:[-_]|$)/i;

export function cipherImpliesTls12OrLater(cipher: string | null): boolean {
  if (!cipher || cipher.length > MAX_CIPHER_NAME) return false;
  return TLS13_SUITE_RE.test(cipher) || AEAD_RE.test(cipher);
}
