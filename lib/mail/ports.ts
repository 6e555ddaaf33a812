// The mail ports, one table for every part of the app that reads or writes a port: the ISPDB
// importer's data checks, the probe's default targets and `--ports` names, and the autoconfig
// guess. Pure data and lookups, no I/O, so scripts, unit tests and client code can import it.

export const MAIL_PROTOCOLS = ["smtp", "pop3", "imap"] as const;
export type MailProtocol = (typeof MAIL_PROTOCOLS)[number];

// "tls": implicit TLS, the handshake comes before any command (RFC 8314).
// "starttls": the server greets in cleartext and the client upgrades with STARTTLS / STLS
// (RFC 3207 for SMTP, RFC 2595 for IMAP and POP3).
// "none": no TLS at all; a port is never registered for that, but a configuration can say it.
export const TRANSPORT_SECURITIES = ["tls", "starttls", "none"] as const;
export type TransportSecurity = (typeof TRANSPORT_SECURITIES)[number];
export type PortSecurity = Exclude<TransportSecurity, "none">;

// SMTP is two services on different ports: relay between servers (25) and submission from a
// mail client (RFC 6409), which is what the catalogue's "submission" properties are about.
export type SmtpUse = "relay" | "submission";

export type MailPort = {
  port: number;
  protocol: MailProtocol;
  security: PortSecurity;
  // SMTP only; null for POP3 and IMAP
  use: SmtpUse | null;
  // the /etc/services name mail tools accept (the probe's `--ports 2465=smtps`); null for a port
  // IANA never registered for mail, which providers document anyway
  serviceName: string | null;
  // how a message names the port: "SMTP on port 587, the submission (STARTTLS) port"
  name: string;
};

// The order is the probe's default order: sending first, then POP3, then IMAP, implicit TLS
// before STARTTLS.
export const MAIL_PORTS: readonly MailPort[] = [
  {
    port: 465,
    protocol: "smtp",
    security: "tls",
    use: "submission",
    // IANA's name since RFC 8314 is "submissions"; "smtps" is the alias tools and people use
    serviceName: "smtps",
    name: "the SMTPS (implicit TLS submission) port",
  },
  {
    port: 587,
    protocol: "smtp",
    security: "starttls",
    use: "submission",
    serviceName: "submission",
    name: "the submission (STARTTLS) port",
  },
  { port: 25, protocol: "smtp", security: "starttls", use: "relay", serviceName: "smtp", name: "the SMTP relay port" },
  { port: 995, protocol: "pop3", security: "tls", use: null, serviceName: "pop3s", name: "the POP3S port" },
  { port: 110, protocol: "pop3", security: "starttls", use: null, serviceName: "pop3", name: "the POP3 port" },
  { port: 993, protocol: "imap", security: "tls", use: null, serviceName: "imaps", name: "the IMAPS port" },
  { port: 143, protocol: "imap", security: "starttls", use: null, serviceName: "imap", name: "the IMAP port" },
  // Unregistered submission ports that sending services document for networks that block 25
  // and 587: 2525 (Mailgun, SendGrid, SMTPeter), 2587 and 2465 (Amazon SES).
  {
    port: 2525,
    protocol: "smtp",
    security: "starttls",
    use: "submission",
    serviceName: null,
    name: "an alternative submission (STARTTLS) port",
  },
  {
    port: 2587,
    protocol: "smtp",
    security: "starttls",
    use: "submission",
    serviceName: null,
    name: "an alternative submission (STARTTLS) port",
  },
  {
    port: 2465,
    protocol: "smtp",
    security: "tls",
    use: "submission",
    serviceName: null,
    name: "an alternative implicit TLS submission port",
  },
];

const BY_PORT = new Map(MAIL_PORTS.map((p) => [p.port, p]));

export const REGISTERED_MAIL_PORTS: readonly MailPort[] = MAIL_PORTS.filter((p) => p.serviceName !== null);

// Any port in the table, registered or only documented.
export function mailPort(port: number): MailPort | undefined {
  return BY_PORT.get(port);
}

// A port IANA registered for mail; the documented alternatives are not, so a configuration using
// one is unusual rather than contradictory.
export function registeredMailPort(port: number): MailPort | undefined {
  const known = BY_PORT.get(port);
  return known?.serviceName === null ? undefined : known;
}

// The registered port for a protocol and TLS mode: imap + tls → 993, smtp + starttls → 587
// (submission, since a mail client never sends on the relay port).
export function standardPort(protocol: MailProtocol, security: PortSecurity): number {
  const found = REGISTERED_MAIL_PORTS.find(
    (p) => p.protocol === protocol && p.security === security && (protocol !== "smtp" || p.use === "submission"),
  );
  if (!found) throw new Error(`no registered ${protocol} port for ${security}`);
  return found.port;
}
