import { cipherImpliesTls12OrLater } from "@/lib/mail";
import type { Finding, FindingCode, Level, ReceivedHop } from "./types";
import { WEAK_REASONS } from "./types";

type JudgedHop = Pick<
  ReceivedHop,
  "hop" | "tls" | "local" | "weakReasons" | "tlsVersion" | "cipher" | "authenticated" | "clientCertificate"
>;

// A client that logged in proved who it is with a password; a certificate is not expected of a
// mail program, so its absence on a submission hop is no finding. Between servers it is: without
// it the receiving server cannot tell the sending one from an impersonator on that hop.
function unverifiedCertificate(hop: JudgedHop): "certificate-failed" | "certificate-not-verified" | null {
  if (hop.tls !== "yes" || hop.authenticated || hop.clientCertificate === null) return null;
  if (hop.clientCertificate === "verified") return null;
  return hop.clientCertificate === "failed" ? "certificate-failed" : "certificate-not-verified";
}

/**
 * The headline for a path and the findings behind it. Hops inside one server (local) cross no
 * network and are neither counted for nor against. Findings come in a fixed order, worst first.
 */
export function judgePath(hops: readonly JudgedHop[]): { level: Level; findings: Finding[] } {
  if (hops.length === 0) return { level: "none", findings: [] };
  const byCode = new Map<FindingCode, number[]>();
  const add = (code: FindingCode, hop: number) => {
    const list = byCode.get(code);
    if (list) list.push(hop);
    else byCode.set(code, [hop]);
  };

  for (const hop of hops) {
    if (hop.local) continue;
    if (hop.tls === "no") add("not-encrypted", hop.hop);
    else if (hop.tls === "unknown") add("no-tls-record", hop.hop);
    else if (hop.tls === "yes") {
      for (const reason of hop.weakReasons) add(reason, hop.hop);
      const certificate = unverifiedCertificate(hop);
      if (certificate) add(certificate, hop.hop);
      if (hop.tlsVersion === null && !cipherImpliesTls12OrLater(hop.cipher) && hop.weakReasons.length === 0) {
        add("version-not-recorded", hop.hop);
      }
    }
  }

  const order: readonly FindingCode[] = [
    "not-encrypted",
    ...WEAK_REASONS,
    "certificate-failed",
    "certificate-not-verified",
    "no-tls-record",
    "version-not-recorded",
  ];
  const findings: Finding[] = [];
  for (const code of order) {
    const list = byCode.get(code);
    if (list) findings.push({ code, hops: list });
  }

  const has = (code: FindingCode) => byCode.has(code);
  let level: Level = "good";
  if (has("not-encrypted")) level = "not-encrypted";
  else if (findings.some((f) => isWeakFinding(f.code))) level = "weak";
  else if (has("no-tls-record")) level = "unknown";
  return { level, findings };
}

export function isWeakFinding(code: FindingCode): boolean {
  return (
    (WEAK_REASONS as readonly string[]).includes(code) ||
    code === "certificate-failed" ||
    code === "certificate-not-verified"
  );
}
