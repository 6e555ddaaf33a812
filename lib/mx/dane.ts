import { createHash, X509Certificate } from "node:crypto";
import type { TlsaRecord } from "./dns";

// Whether a TLSA record set matches the certificates an MX host presented (RFC 6698 §2.1,
// RFC 7672 §3.1). SMTP uses DANE-EE (3) and DANE-TA (2) only: PKIX-TA (0) and PKIX-EE (1) are
// "unusable" for SMTP (RFC 7672 §3.1.3), as are selectors and matching types we do not know.
// DANE-TA is matched against the issuers in the chain Node reports: the certificates the server
// sent (RFC 7671 §5.2.2 requires it to send the trust anchor), which Node may complete from our
// trusted roots; its name checks are the STARTTLS check's host-name verdict.

export type TlsaVerdict = "match" | "no-match" | "unusable";

export const DANE_USAGES = { PKIX_TA: 0, PKIX_EE: 1, DANE_TA: 2, DANE_EE: 3 } as const;

function selected(der: Buffer, selector: number): Buffer | null {
  if (selector === 0) return der;
  if (selector === 1) return new X509Certificate(der).publicKey.export({ type: "spki", format: "der" });
  return null;
}

function associated(data: Buffer, matching: number): string | null {
  if (matching === 0) return data.toString("hex");
  if (matching === 1) return createHash("sha256").update(data).digest("hex");
  if (matching === 2) return createHash("sha512").update(data).digest("hex");
  return null;
}

// The certificate association data for a certificate (DER), as a TLSA record would carry it.
export function tlsaData(der: Buffer, selector: number, matching: number): string | null {
  const data = selected(der, selector);
  return data ? associated(data, matching) : null;
}

// chain: DER certificates as presented, leaf first
export function matchTlsaRecord(record: TlsaRecord, chain: Buffer[]): TlsaVerdict {
  const candidates =
    record.usage === DANE_USAGES.DANE_EE
      ? chain.slice(0, 1)
      : record.usage === DANE_USAGES.DANE_TA
        ? chain.slice(1)
        : null;
  if (!candidates || record.selector > 1 || record.matching > 2) return "unusable";
  const wanted = record.data.toLowerCase();
  const matches = (der: Buffer) => {
    try {
      return tlsaData(der, record.selector, record.matching) === wanted;
    } catch {
      // a certificate Node cannot parse has no public key to compare
      return false;
    }
  };
  return candidates.some(matches) ? "match" : "no-match";
}
