import { mailPort, type MailProtocol, type TransportSecurity } from "./ports";

// The catalogue properties (data/properties.json) that mail-protocol evidence can speak to, in
// the catalogue's order. A source takes the ones it can observe: the ISPDB importer all of them,
// the probe all but pop-before-smtp (that would take a login).
export const TRANSPORT_PROPERTY_KEYS = [
  "pop3s",
  "imaps",
  "pop3-stls",
  "imap-starttls",
  "smtps",
  "submission-starttls",
  "smtp-starttls",
] as const;
export type TransportPropertyKey = (typeof TRANSPORT_PROPERTY_KEYS)[number];

export const MAIL_PROPERTY_KEYS = [
  ...TRANSPORT_PROPERTY_KEYS,
  "smtp-auth",
  "pop-before-smtp",
  "apop",
  "cram-md5",
] as const;
export type MailPropertyKey = (typeof MAIL_PROPERTY_KEYS)[number];

// How people sign in today, which the sources state per provider rather than per setting: OAuth2
// sign-in offered, and an app password required in place of the account's own password.
export const LOGIN_PROPERTY_KEYS = ["oauth2", "app-password"] as const;
export type LoginPropertyKey = (typeof LOGIN_PROPERTY_KEYS)[number];

// One way to reach a mail server: what it speaks, how TLS starts, and where.
export type Transport = { protocol: MailProtocol; security: TransportSecurity; port: number };

const IMPLICIT_TLS_PROPERTY = { pop3: "pop3s", imap: "imaps", smtp: "smtps" } as const;
const STARTTLS_PROPERTY = { pop3: "pop3-stls", imap: "imap-starttls" } as const;

// The property a transport is evidence for, or null when it is evidence for none.
//   implicit TLS → pop3s / imaps / smtps, on whatever port: the TLS mode is the property.
//   POP3 / IMAP STARTTLS → pop3-stls / imap-starttls, likewise on any port.
//   SMTP STARTTLS depends on the service, which only the port tells. Servers relay to each other
//   on 25 alone (RFC 5321 delivers to an MX there), so 25 → smtp-starttls and every other port a
//   client is pointed at is submission: 587, a documented alternative such as 2525, or a port we
//   do not know → submission-starttls. A port the table gives to implicit TLS (465) or to another
//   protocol (143) contradicts STARTTLS → nothing.
//   No TLS → nothing: a cleartext endpoint proves no TLS property either way.
export function transportPropertyKey(t: Transport): TransportPropertyKey | null {
  if (t.security === "none") return null;
  if (t.security === "tls") return IMPLICIT_TLS_PROPERTY[t.protocol];
  if (t.protocol !== "smtp") return STARTTLS_PROPERTY[t.protocol];
  const known = mailPort(t.port);
  if (!known) return "submission-starttls";
  if (known.protocol !== "smtp" || known.security !== "starttls") return null;
  return known.use === "relay" ? "smtp-starttls" : "submission-starttls";
}
