import { REGISTERED_MAIL_PORTS } from "@/lib/mail";
import { classifyAddress } from "./address-guard";

// The probe answers a public form, and a settings file under a visitor's control can name any
// host and port: without this list the check would knock on web admin panels, databases and
// everything else a third party runs. It dials only the ports mail is served on: the
// IANA-registered ones (25, 110, 143, 465, 587, 993, 995) and 2525, the one unregistered
// submission port our data documents (Mailgun, SendGrid and others in nodemailer's list).
// lib/mail also knows 2587 and 2465 (Amazon SES), but no record uses them, so they stay out
// until one does.
export const PROBE_PORTS: ReadonlySet<number> = new Set([...REGISTERED_MAIL_PORTS.map((p) => p.port), 2525]);

export const PROBE_PORT_LIST = [...PROBE_PORTS].sort((a, b) => a - b).join(", ");

export class ProbePortRefusedError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`refused to probe ${host}:${port}: the probe connects only to mail ports (${PROBE_PORT_LIST})`);
    this.name = "ProbePortRefusedError";
  }
}

// Whether the probe may dial this port at these (already guarded) addresses. A test server
// listens wherever the system gives it a port, so with loopback allowed (tests and development,
// never production) a name that points only at loopback may use any port.
export function isProbePortAllowed(port: number, addresses: string[], allowLoopback: boolean): boolean {
  if (PROBE_PORTS.has(port)) return true;
  return allowLoopback && addresses.length > 0 && addresses.every((a) => classifyAddress(a) === "loopback");
}
