import { ProbeProtocolError } from "./line-reader";
import type { ProbeProtocol } from "./types";

// The three dialogues, limited to what reveals the server's offer: greeting, capabilities,
// the TLS upgrade and a polite goodbye. Nothing here can send a user name or a password.

export type Session = {
  readLine: () => Promise<string>;
  writeLine: (line: string) => void;
};

export type Greeting = { ok: boolean; text: string };

export type ProtocolDriver = {
  greet(s: Session): Promise<Greeting>;
  // null when the server refused the capability command itself
  capabilities(s: Session, clientName: string): Promise<string[] | null>;
  offersStarttls(capabilities: string[]): boolean;
  // sends STARTTLS / STLS; true when the server agreed to start the handshake
  startTls(s: Session): Promise<boolean>;
  // SASL mechanisms (and POP3's USER) as advertised
  authMechanisms(capabilities: string[]): string[];
  // what would carry a password in clear text if used before TLS
  plaintextAuth(capabilities: string[]): string[];
  quit(s: Session): Promise<void>;
};

// Replies and capability lists are short; a server that goes on and on is not one to follow.
const MAX_RESPONSE_LINES = 200;

const PLAINTEXT_SASL = new Set(["PLAIN", "LOGIN"]);

function words(line: string): string[] {
  return line.trim().split(/\s+/).filter(Boolean);
}

async function readSmtpReply(s: Session): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  for (let i = 0; i < MAX_RESPONSE_LINES; i++) {
    const line = await s.readLine();
    const match = /^(\d{3})([ -]?)(.*)$/.exec(line);
    if (!match) throw new ProbeProtocolError("bad-reply", `not an SMTP reply: ${line.slice(0, 80)}`);
    lines.push(match[3] ?? "");
    if (match[2] !== "-") return { code: Number(match[1]), lines };
  }
  throw new ProbeProtocolError("bad-reply", "SMTP reply too long");
}

export const smtpDriver: ProtocolDriver = {
  async greet(s) {
    const reply = await readSmtpReply(s);
    return { ok: reply.code === 220, text: `${reply.code} ${reply.lines.join(" ")}` };
  },
  async capabilities(s, clientName) {
    s.writeLine(`EHLO ${clientName}`);
    const reply = await readSmtpReply(s);
    if (reply.code !== 250) return null;
    // The first line is the server's name and greeting, not an extension.
    return reply.lines.slice(1);
  },
  offersStarttls: (caps) => caps.some((c) => words(c)[0]?.toUpperCase() === "STARTTLS"),
  async startTls(s) {
    s.writeLine("STARTTLS");
    return (await readSmtpReply(s)).code === 220;
  },
  authMechanisms(caps) {
    const mechanisms = new Set<string>();
    for (const c of caps) {
      // "AUTH PLAIN LOGIN", and the pre-standard "AUTH=PLAIN LOGIN" some servers still send
      const [keyword = "", ...rest] = words(c.replace(/^AUTH=/i, "AUTH "));
      if (keyword.toUpperCase() === "AUTH") for (const m of rest) mechanisms.add(m.toUpperCase());
    }
    return [...mechanisms];
  },
  plaintextAuth(caps) {
    return smtpDriver.authMechanisms(caps).filter((m) => PLAINTEXT_SASL.has(m));
  },
  async quit(s) {
    s.writeLine("QUIT");
    await readSmtpReply(s);
  },
};

async function readPop3Status(s: Session): Promise<{ ok: boolean; text: string }> {
  const line = await s.readLine();
  if (line.startsWith("+OK")) return { ok: true, text: line };
  if (line.startsWith("-ERR")) return { ok: false, text: line };
  throw new ProbeProtocolError("bad-reply", `not a POP3 reply: ${line.slice(0, 80)}`);
}

export const pop3Driver: ProtocolDriver = {
  greet: (s) => readPop3Status(s),
  async capabilities(s) {
    s.writeLine("CAPA");
    if (!(await readPop3Status(s)).ok) return null;
    const caps: string[] = [];
    for (let i = 0; i < MAX_RESPONSE_LINES; i++) {
      const line = await s.readLine();
      if (line === ".") return caps;
      caps.push(line);
    }
    throw new ProbeProtocolError("bad-reply", "CAPA list too long");
  },
  offersStarttls: (caps) => caps.some((c) => words(c)[0]?.toUpperCase() === "STLS"),
  async startTls(s) {
    s.writeLine("STLS");
    return (await readPop3Status(s)).ok;
  },
  authMechanisms(caps) {
    const mechanisms = new Set<string>();
    for (const c of caps) {
      const [keyword = "", ...rest] = words(c);
      if (keyword.toUpperCase() === "SASL") for (const m of rest) mechanisms.add(m.toUpperCase());
      if (keyword.toUpperCase() === "USER") mechanisms.add("USER");
    }
    return [...mechanisms];
  },
  plaintextAuth(caps) {
    return pop3Driver.authMechanisms(caps).filter((m) => PLAINTEXT_SASL.has(m) || m === "USER");
  },
  async quit(s) {
    s.writeLine("QUIT");
    await readPop3Status(s);
  },
};

let imapTag = 0;

async function imapCommand(s: Session, command: string): Promise<{ ok: boolean; untagged: string[] }> {
  const tag = `p${(imapTag = (imapTag + 1) % 10000)}`;
  s.writeLine(`${tag} ${command}`);
  const untagged: string[] = [];
  for (let i = 0; i < MAX_RESPONSE_LINES; i++) {
    const line = await s.readLine();
    if (line.startsWith(`${tag} `)) return { ok: /^\S+ OK\b/i.test(line), untagged };
    untagged.push(line);
  }
  throw new ProbeProtocolError("bad-reply", "IMAP response too long");
}

export const imapDriver: ProtocolDriver = {
  async greet(s) {
    const line = await s.readLine();
    if (!line.startsWith("* ")) throw new ProbeProtocolError("bad-reply", `not an IMAP greeting: ${line.slice(0, 80)}`);
    return { ok: /^\* (OK|PREAUTH)\b/i.test(line), text: line };
  },
  async capabilities(s) {
    const { ok, untagged } = await imapCommand(s, "CAPABILITY");
    if (!ok) return null;
    return untagged.filter((l) => /^\* CAPABILITY /i.test(l)).flatMap((l) => words(l).slice(2));
  },
  offersStarttls: (caps) => caps.some((c) => c.toUpperCase() === "STARTTLS"),
  async startTls(s) {
    return (await imapCommand(s, "STARTTLS")).ok;
  },
  authMechanisms(caps) {
    return caps.filter((c) => /^AUTH=/i.test(c)).map((c) => c.slice(5).toUpperCase());
  },
  plaintextAuth(caps) {
    const offered = imapDriver.authMechanisms(caps).filter((m) => PLAINTEXT_SASL.has(m));
    // The LOGIN command takes a password in clear unless the server says LOGINDISABLED.
    const loginCommand = caps.some((c) => c.toUpperCase() === "LOGINDISABLED") ? [] : ["LOGIN-COMMAND"];
    return [...offered, ...loginCommand];
  },
  async quit(s) {
    await imapCommand(s, "LOGOUT");
  },
};

export const DRIVERS: Record<ProbeProtocol, ProtocolDriver> = { smtp: smtpDriver, pop3: pop3Driver, imap: imapDriver };

// RFC 1939 APOP: the greeting carries a timestamp in angle brackets, "<pid.clock@host>".
export function hasApopTimestamp(greeting: string): boolean {
  return /<[^<>\s]+@[^<>\s]+>/.test(greeting);
}
