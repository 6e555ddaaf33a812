import type { CertificateProblem, CheckedServer, CheckVerdict, Encryption } from "./types";

// Days before expiry at which a certificate is worth a warning: most renewals run 30 days ahead,
// so a fortnight left means the renewal has already failed once.
export const EXPIRY_WARNING_DAYS = 14;

function encryption(servers: CheckedServer[]): Encryption {
  const decided = servers.filter((s) => s.outcome !== "unknown");
  if (decided.length === 0) return "unknown";
  const yes = decided.filter((s) => s.outcome === "yes").length;
  if (yes === decided.length) return "encrypted";
  return yes > 0 ? "partly" : "not-encrypted";
}

function reached(s: CheckedServer): boolean {
  return (
    s.tlsVersion !== null ||
    s.authBeforeTls !== null ||
    s.authAfterTls !== null ||
    s.starttlsOffered !== null ||
    s.plaintextInsteadOfTls
  );
}

function certificateProblems(s: CheckedServer): CertificateProblem[] {
  if (s.tlsVersion === null) return [];
  const at = { host: s.host, port: s.port };
  const problems: CertificateProblem[] = [];
  if (s.certExpired) problems.push({ ...at, kind: "expired", detail: s.certValidTo?.slice(0, 10) ?? null });
  else if (s.chainValid === false)
    problems.push({
      ...at,
      kind: s.chainError === "CERT_NOT_YET_VALID" ? "not-yet-valid" : "untrusted",
      detail: s.chainError,
    });
  if (s.hostnameMatches === false) problems.push({ ...at, kind: "hostname-mismatch", detail: s.certSubject });
  if (!s.certExpired && s.certDaysLeft !== null && s.certDaysLeft <= EXPIRY_WARNING_DAYS)
    problems.push({ ...at, kind: "expiring-soon", detail: String(s.certDaysLeft) });
  return problems;
}

export function computeVerdict(servers: CheckedServer[]): CheckVerdict {
  const withTls = servers.filter((s) => s.tlsVersion !== null);
  const passwordServers = servers
    .filter((s) => s.plaintextAuthBeforeTls.length > 0)
    .map((s) => ({ host: s.host, port: s.port, protocol: s.protocol, methods: s.plaintextAuthBeforeTls }));
  const problems = servers.flatMap(certificateProblems);
  const weakServers = withTls
    .filter((s) => s.weakTls)
    .map((s) => ({ host: s.host, port: s.port, version: s.tlsVersion, cipher: s.cipher }));
  return {
    receiving: encryption(servers.filter((s) => s.direction === "incoming")),
    sending: encryption(servers.filter((s) => s.direction === "outgoing")),
    passwordsBeforeTls: passwordServers.length > 0 ? "yes" : servers.some(reached) ? "no" : "unknown",
    passwordServers,
    certificates: withTls.length === 0 ? "unknown" : problems.length > 0 ? "problems" : "ok",
    certificateProblems: problems,
    tls: withTls.length === 0 ? "unknown" : weakServers.length > 0 ? "weak" : "ok",
    plainSettings: servers
      .filter((s) => s.declared === "plain")
      .map((s) => ({ host: s.host, port: s.port, protocol: s.protocol })),
    weakServers,
  };
}
