import { randomInt } from "node:crypto";
import dgram from "node:dgram";
import { getServers } from "node:dns";
import net from "node:net";
import { classifyAddress } from "@/lib/probe/address-guard";
import type { DnsServer } from "@/lib/check/dns";

// The one resolver seam of the mail-domain checks: MX, TXT and TLSA, each with the AD bit.
//
// Raw DNS over UDP (TCP when the answer is truncated), not a library: node:dns has no TLSA and
// never shows the AD bit, and dns2 2.1 (the last release for Node 20) reads AD but cannot ask
// for it (no AD or DO bit in its queries, so a validating resolver need not set AD, RFC 6840
// §5.7), has no timeout, draws its query id from 0–9999, knows no TLSA type and follows name
// compression pointers without a limit (a loop hangs the process). The wire format we need is
// small: one question out, answers of three types in.
//
// Trust decision: AD is a resolver's unauthenticated claim that it validated the answer (RFC 4035
// §4.9.3, RFC 6698 §4.1), so it means something only when the path to the resolver cannot be
// tampered with. We believe it from a resolver on this machine (loopback: unbound, a local
// BIND, systemd-resolved with DNSSEC=yes) or from one the operator named and said to trust; from
// any other resolver AD is ignored and DANE is "could not test from here". A trusted resolver
// must also prove it validates: a control question about the signed root zone has to come back
// with AD, or its silence about a TLSA record would read as "unsigned" when it only means "this
// resolver does not validate".

export type MxRecord = { exchange: string; priority: number };
export type TlsaRecord = { usage: number; selector: number; matching: number; data: string };

export type DnsFailure = "nxdomain" | "servfail" | "refused" | "timeout" | "error";

// ok: NOERROR, records empty for NODATA. authenticated: AD set by a resolver we trust.
export type DnsAnswer<T> =
  { ok: true; records: T[]; authenticated: boolean } | { ok: false; code: DnsFailure; authenticated: boolean };

export type MxResolver = {
  mx(name: string): Promise<DnsAnswer<MxRecord>>;
  txt(name: string): Promise<DnsAnswer<string>>;
  tlsa(name: string): Promise<DnsAnswer<TlsaRecord>>;
  // the resolver's AD bit is believed and it does validate (asked once, then remembered)
  validates(): Promise<boolean>;
};

export const RR = { CNAME: 5, SOA: 6, MX: 15, TXT: 16, OPT: 41, TLSA: 52 } as const;
const RCODE: Record<number, DnsFailure> = { 2: "servfail", 3: "nxdomain", 5: "refused" };
const FLAG_QR = 0x8000;
const FLAG_TC = 0x0200;
const FLAG_RD = 0x0100;
const FLAG_AD = 0x0020;
// EDNS0 payload size of the DNS flag day 2020: no IP fragmentation on common paths.
const EDNS_UDP_SIZE = 1232;
const MAX_POINTER_HOPS = 32;
const MAX_TCP_BYTES = 65_535;

export class DnsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DnsFormatError";
  }
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

export function encodeQuery(id: number, name: string, type: number): Buffer {
  const labels = normalizeName(name).split(".").filter(Boolean);
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  // RD, and AD so a validating resolver reports what it validated (RFC 6840 §5.7)
  header.writeUInt16BE(FLAG_RD | FLAG_AD, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(1, 10);
  parts.push(header);
  for (const label of labels) {
    const bytes = Buffer.from(label, "ascii");
    if (bytes.length === 0 || bytes.length > 63) throw new DnsFormatError(`bad label in ${name}`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  const tail = Buffer.alloc(5 + 11);
  tail.writeUInt8(0, 0);
  tail.writeUInt16BE(type, 1);
  tail.writeUInt16BE(1, 3);
  // OPT pseudo-record: root owner, type 41, class = payload size, TTL 0 (DO clear), no options
  tail.writeUInt8(0, 5);
  tail.writeUInt16BE(RR.OPT, 6);
  tail.writeUInt16BE(EDNS_UDP_SIZE, 8);
  tail.writeUInt32BE(0, 10);
  tail.writeUInt16BE(0, 14);
  parts.push(tail);
  return Buffer.concat(parts);
}

function readName(message: Buffer, start: number): { name: string; end: number } {
  const labels: string[] = [];
  let offset = start;
  let end = -1;
  for (let hops = 0; ;) {
    if (offset >= message.length) throw new DnsFormatError("name runs past the message");
    const length = message[offset]!;
    if (length === 0) {
      if (end < 0) end = offset + 1;
      break;
    }
    if ((length & 0xc0) === 0xc0) {
      if (offset + 1 >= message.length) throw new DnsFormatError("pointer runs past the message");
      if (++hops > MAX_POINTER_HOPS) throw new DnsFormatError("compression pointer loop");
      if (end < 0) end = offset + 2;
      offset = ((length & 0x3f) << 8) | message[offset + 1]!;
      continue;
    }
    if (length > 63) throw new DnsFormatError("bad label length");
    if (offset + 1 + length > message.length) throw new DnsFormatError("label runs past the message");
    labels.push(message.toString("latin1", offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  return { name: labels.join(".").toLowerCase(), end };
}

type RawRecord = { name: string; type: number; rdata: Buffer; rdataOffset: number };

export type ParsedResponse = {
  id: number;
  truncated: boolean;
  authenticated: boolean;
  rcode: number;
  question: { name: string; type: number } | null;
  answers: RawRecord[];
  message: Buffer;
};

export function parseResponse(message: Buffer): ParsedResponse {
  if (message.length < 12) throw new DnsFormatError("shorter than a DNS header");
  const flags = message.readUInt16BE(2);
  if ((flags & FLAG_QR) === 0) throw new DnsFormatError("not a response");
  const qdcount = message.readUInt16BE(4);
  const ancount = message.readUInt16BE(6);
  let offset = 12;
  let question: ParsedResponse["question"] = null;
  for (let i = 0; i < qdcount; i++) {
    const { name, end } = readName(message, offset);
    if (end + 4 > message.length) throw new DnsFormatError("question runs past the message");
    if (i === 0) question = { name, type: message.readUInt16BE(end) };
    offset = end + 4;
  }
  const answers: RawRecord[] = [];
  for (let i = 0; i < ancount; i++) {
    const { name, end } = readName(message, offset);
    if (end + 10 > message.length) throw new DnsFormatError("record runs past the message");
    const type = message.readUInt16BE(end);
    const length = message.readUInt16BE(end + 8);
    const rdataOffset = end + 10;
    if (rdataOffset + length > message.length) throw new DnsFormatError("record data runs past the message");
    answers.push({ name, type, rdata: message.subarray(rdataOffset, rdataOffset + length), rdataOffset });
    offset = rdataOffset + length;
  }
  return {
    id: message.readUInt16BE(0),
    truncated: (flags & FLAG_TC) !== 0,
    authenticated: (flags & FLAG_AD) !== 0,
    rcode: flags & 0x000f,
    question,
    answers,
    message,
  };
}

// TXT: the character-strings of one record joined without a separator (RFC 7208 §3.3, RFC 8461
// §3.1, RFC 8460 §3).
function readTxt(rdata: Buffer): string {
  const chunks: Buffer[] = [];
  for (let i = 0; i < rdata.length;) {
    const length = rdata[i]!;
    if (i + 1 + length > rdata.length) throw new DnsFormatError("TXT string runs past its record");
    chunks.push(rdata.subarray(i + 1, i + 1 + length));
    i += 1 + length;
  }
  return Buffer.concat(chunks).toString("utf8");
}

function readMx(record: RawRecord, message: Buffer): MxRecord {
  if (record.rdata.length < 3) throw new DnsFormatError("short MX record");
  return { priority: record.rdata.readUInt16BE(0), exchange: readName(message, record.rdataOffset + 2).name };
}

function readTlsa(rdata: Buffer): TlsaRecord {
  if (rdata.length < 3) throw new DnsFormatError("short TLSA record");
  return { usage: rdata[0]!, selector: rdata[1]!, matching: rdata[2]!, data: rdata.subarray(3).toString("hex") };
}

// The records of the asked type owned by the name or by the end of its CNAME chain (the resolver
// follows the chain and puts every link in the answer section).
export function recordsOf(response: ParsedResponse, name: string, type: number): RawRecord[] {
  const owners = new Set([normalizeName(name)]);
  for (let changed = true; changed;) {
    changed = false;
    for (const r of response.answers) {
      if (r.type !== RR.CNAME || !owners.has(r.name)) continue;
      const target = readName(response.message, r.rdataOffset).name;
      if (!owners.has(target)) {
        owners.add(target);
        changed = true;
      }
    }
  }
  return response.answers.filter((r) => r.type === type && owners.has(r.name));
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : "";
}

class DnsTimeoutError extends Error {}

function askUdp(server: DnsServer, query: Buffer, timeoutMs: number): Promise<Buffer> {
  const id = query.readUInt16BE(0);
  const host = server.host;
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? "udp6" : "udp4");
    let done = false;
    const finish = (error: Error | null, message?: Buffer) => {
      // closing a dgram socket twice throws
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(message!);
    };
    const timer = setTimeout(() => finish(new DnsTimeoutError()), timeoutMs);
    socket.on("error", (error) => finish(error));
    // An answer from elsewhere or for another query is ignored, not taken for this one's: an
    // off-path spoofer has to guess the port and the 16-bit id together.
    socket.on("message", (message, from) => {
      if (from.port !== server.port || message.length < 2 || message.readUInt16BE(0) !== id) return;
      finish(null, message);
    });
    socket.send(query, server.port, host);
  });
}

function askTcp(server: DnsServer, query: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: server.host, port: server.port });
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (error: Error | null, message?: Buffer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(message!);
    };
    const timer = setTimeout(() => finish(new DnsTimeoutError()), timeoutMs);
    socket.on("error", (error) => finish(error));
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length > MAX_TCP_BYTES + 2) return finish(new DnsFormatError("oversized TCP answer"));
      if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0))
        finish(null, received.subarray(2, 2 + received.readUInt16BE(0)));
    });
    socket.on("end", () => finish(new DnsFormatError("the server closed the TCP connection early")));
    const length = Buffer.alloc(2);
    length.writeUInt16BE(query.length);
    socket.write(Buffer.concat([length, query]));
  });
}

export type MxResolverOptions = {
  // undefined: the first of the system's resolvers (node:dns getServers)
  server?: DnsServer;
  timeoutMs: number;
  // believe the AD bit; default: only from a resolver on loopback (see the trust decision above)
  trustAd?: boolean;
  // a signed name asked to see whether the resolver validates; default the root zone
  controlName?: string;
};

export function systemDnsServer(): DnsServer | undefined {
  const first = getServers()[0];
  if (!first) return undefined;
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(first) ?? /^([0-9.]+):(\d+)$/.exec(first);
  return match ? { host: match[1]!, port: Number(match[2]) } : { host: first, port: 53 };
}

export function createMxResolver(options: MxResolverOptions): MxResolver {
  const server = options.server ?? systemDnsServer();
  const trustAd = options.trustAd ?? (server !== undefined && classifyAddress(server.host) === "loopback");
  const tries = 2;
  // each try gets half the budget, so one lost UDP packet is not taken for an outage
  const tryMs = Math.max(100, Math.floor(options.timeoutMs / tries));

  async function ask(name: string, type: number): Promise<ParsedResponse | DnsFailure> {
    if (!server) return "error";
    const qname = normalizeName(name);
    for (let attempt = 0; attempt < tries; attempt++) {
      try {
        // inside the try: a name from a DNS answer (an MX host) may not be one we can ask about
        const query = encodeQuery(randomInt(0, 0x10000), qname, type);
        let response = parseResponse(await askUdp(server, query, tryMs));
        if (response.truncated) response = parseResponse(await askTcp(server, query, tryMs));
        if (response.id !== query.readUInt16BE(0)) continue;
        if (response.question && (response.question.name !== qname || response.question.type !== type)) continue;
        return response;
      } catch (error) {
        if (error instanceof DnsTimeoutError) continue;
        if (error instanceof DnsFormatError) return "error";
        return errorCode(error) === "ECONNREFUSED" ? "refused" : "error";
      }
    }
    return "timeout";
  }

  async function query<T>(
    name: string,
    type: number,
    read: (record: RawRecord, message: Buffer) => T,
  ): Promise<DnsAnswer<T>> {
    const response = await ask(name, type);
    if (typeof response === "string") return { ok: false, code: response, authenticated: false };
    const authenticated = trustAd && response.authenticated;
    if (response.rcode !== 0) return { ok: false, code: RCODE[response.rcode] ?? "error", authenticated };
    try {
      return {
        ok: true,
        records: recordsOf(response, name, type).map((r) => read(r, response.message)),
        authenticated,
      };
    } catch {
      return { ok: false, code: "error", authenticated: false };
    }
  }

  let validating: Promise<boolean> | undefined;
  return {
    mx: (name) => query(name, RR.MX, readMx),
    txt: (name) => query(name, RR.TXT, (r) => readTxt(r.rdata)),
    tlsa: (name) => query(name, RR.TLSA, (r) => readTlsa(r.rdata)),
    validates() {
      if (!trustAd) return Promise.resolve(false);
      // remembered once it is known; a failed control question (a lost packet) is asked again
      validating ??= query(options.controlName ?? ".", RR.SOA, () => null).then((a) => {
        if (!a.ok) validating = undefined;
        return a.ok && a.authenticated;
      });
      return validating;
    },
  };
}
