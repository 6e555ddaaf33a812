import net from "node:net";
import tls from "node:tls";
import { isWeakTls, normalizeTlsVersion } from "@/lib/mail";
import type { CertificateFacts, TlsFacts } from "./types";

const DAY_MS = 86_400_000;

function describeName(name: tls.Certificate | undefined): string | null {
  if (!name) return null;
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);
  return pick(name.CN) ?? pick(name.O) ?? null;
}

export function describeCertificate(
  cert: tls.PeerCertificate | tls.DetailedPeerCertificate,
  now: Date,
): CertificateFacts | null {
  if (!cert || Object.keys(cert).length === 0) return null;
  const validTo = new Date(cert.valid_to);
  const validFrom = new Date(cert.valid_from);
  const detailed = cert as tls.DetailedPeerCertificate;
  // A self-signed leaf is its own issuer; Node links issuerCertificate back to itself.
  const selfSigned = detailed.issuerCertificate
    ? detailed.issuerCertificate.fingerprint256 === cert.fingerprint256
    : describeName(cert.subject) === describeName(cert.issuer);
  return {
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    subjectAltName: cert.subjectaltname ?? null,
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now.getTime()) / DAY_MS),
    expired: now.getTime() > validTo.getTime(),
    notYetValid: now.getTime() < validFrom.getTime(),
    selfSigned,
    fingerprint256: cert.fingerprint256,
  };
}

// The chain verdict comes from OpenSSL (authorized / authorizationError, with the host-name
// check switched off at connect time) and the host-name verdict from tls.checkServerIdentity,
// so a report can say which of the two is wrong.
export function describeTls(socket: tls.TLSSocket, host: string, now: Date = new Date()): TlsFacts {
  const cipher = socket.getCipher();
  const version = socket.getProtocol() ?? cipher.version;
  const peer = socket.getPeerCertificate(true);
  const hasCert = Boolean(peer && Object.keys(peer).length > 0);
  const identityError = hasCert
    ? tls.checkServerIdentity(host.replace(/^\[(.*)\]$/, "$1"), peer)
    : new Error("no certificate");
  return {
    version,
    cipher: cipher.name,
    cipherStandardName: cipher.standardName ?? null,
    weak: isWeakTls({ version: normalizeTlsVersion(version), cipher: cipher.name }),
    chainValid: socket.authorized,
    chainError: socket.authorized ? null : String(socket.authorizationError ?? "unknown"),
    hostnameMatches: !identityError,
    hostnameError: identityError ? identityError.message : null,
    certificate: hasCert ? describeCertificate(peer, now) : null,
  };
}

export function serverNameFor(host: string): string | undefined {
  // SNI carries names only (RFC 6066 §3); an IP literal is checked against IP SANs instead.
  return net.isIP(host.replace(/^\[(.*)\]$/, "$1")) ? undefined : host;
}
