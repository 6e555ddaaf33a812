import type { ProbeFinding } from "./properties";
import type { EndpointProbeResult } from "./types";

// The CLI's plain-text report. Findings a reader must act on are marked with "!".

function list(values: string[] | null): string {
  if (values === null) return "not seen";
  return values.length > 0 ? values.join(" ") : "none";
}

export function describeTarget(r: EndpointProbeResult): string {
  const mode = r.target.security === "tls" ? "implicit TLS" : r.target.protocol === "pop3" ? "STLS" : "STARTTLS";
  return `${r.target.protocol.toUpperCase()} ${r.target.host}:${r.target.port} (${mode})`;
}

export function formatEndpoint(r: EndpointProbeResult): string {
  const lines: string[] = [];
  const status = r.failure ? `FAILED at ${r.failure.step}: ${r.failure.code} (${r.failure.message})` : "ok";
  lines.push(`${describeTarget(r)}${r.address ? ` -> ${r.address}` : ""}  ${status}`);
  if (r.greeting) lines.push(`  greeting     ${r.greeting}`);
  if (r.starttlsOffered !== null)
    lines.push(
      `  upgrade      ${r.starttlsOffered ? (r.starttlsAccepted === false ? "offered but refused" : "offered") : "! not offered"}`,
    );
  if (r.plaintextInsteadOfTls) lines.push("  ! answered in clear text where TLS was expected");
  if (r.tls) {
    const t = r.tls;
    lines.push(`  TLS          ${t.version} ${t.cipher}${t.weak ? "  ! weak" : ""}`);
    const c = t.certificate;
    if (c) {
      lines.push(
        `  certificate  ${c.subject ?? "?"} issued by ${c.issuer ?? "?"}${c.selfSigned ? " (self-signed)" : ""}`,
      );
      lines.push(
        `               valid until ${c.validTo.slice(0, 10)} (${c.expired ? `! expired ${-c.daysLeft} days ago` : `${c.daysLeft} days left`})`,
      );
      if (c.subjectAltName) lines.push(`               names: ${c.subjectAltName}`);
    }
    lines.push(`  chain        ${t.chainValid ? "trusted" : `! not trusted (${t.chainError})`}`);
    lines.push(`  host name    ${t.hostnameMatches ? "matches" : `! does not match (${t.hostnameError})`}`);
  }
  if (r.authBeforeTls !== null) lines.push(`  AUTH before TLS  ${list(r.authBeforeTls)}`);
  if (r.authAfterTls !== null) lines.push(`  AUTH after TLS   ${list(r.authAfterTls)}`);
  if (r.plaintextAuthBeforeTls.length > 0)
    lines.push(`  ! password methods offered before TLS: ${r.plaintextAuthBeforeTls.join(" ")}`);
  if (r.apop !== null) lines.push(`  APOP         ${r.apop ? "timestamp in greeting (APOP offered)" : "no"}`);
  const t = r.timings;
  const timing = [
    t.resolveMs !== null ? `resolve ${t.resolveMs} ms` : null,
    t.connectMs !== null ? `connect ${t.connectMs} ms` : null,
    t.handshakeMs !== null ? `handshake ${t.handshakeMs} ms` : null,
    t.greetingMs !== null ? `greeting ${t.greetingMs} ms` : null,
    `total ${t.totalMs} ms`,
  ].filter(Boolean);
  lines.push(`  timings      ${timing.join(", ")}`);
  return lines.join("\n");
}

export function formatFindings(findings: ProbeFinding[]): string {
  if (findings.length === 0) return "No property could be decided (every connection failed).";
  const width = Math.max(...findings.map((f) => f.property.length));
  return findings.map((f) => `  ${f.property.padEnd(width)}  ${f.value.padEnd(3)}  ${f.note}`).join("\n");
}
