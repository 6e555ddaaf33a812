import net from "node:net";
import { performance } from "node:perf_hooks";
import tls from "node:tls";
import { ProbeRefusedError, resolveProbeAddresses } from "./address-guard";
import { isProbePortAllowed, PROBE_PORTS, ProbePortRefusedError } from "./port-guard";
import { LineReader, ProbeProtocolError, ProbeTimeoutError, withTimeout } from "./line-reader";
import { DRIVERS, hasApopTimestamp, type Session } from "./protocols";
import { describeTls, serverNameFor } from "./tls-facts";
import {
  DEFAULT_TIMEOUT_MS,
  type EndpointProbeResult,
  type ProbeOptions,
  type ProbeStep,
  type ProbeTarget,
} from "./types";

const MAX_TRANSCRIPT_LINES = 80;
const MAX_TRANSCRIPT_LINE = 200;
// Connection errors worth trying the name's next address for; a timeout is not (it would
// multiply the time a probe can take).
const TRY_NEXT_ADDRESS = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "EAFNOSUPPORT"]);
// OpenSSL's complaints when the bytes it got were not TLS at all: a clear-text greeting.
const NOT_TLS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL|HTTP_REQUEST|RECORD_LAYER_FAILURE/i;

const ignore = () => {};

class StepError extends Error {
  constructor(
    readonly step: ProbeStep,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function errorCode(error: unknown): string {
  if (error instanceof ProbeTimeoutError) return "timeout";
  if (error instanceof ProbeProtocolError) return error.code;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : "error";
}

async function step<T>(name: ProbeStep, work: () => Promise<T>, onStep?: (step: ProbeStep) => void): Promise<T> {
  onStep?.(name);
  try {
    return await work();
  } catch (error) {
    throw error instanceof StepError ? error : new StepError(name, error);
  }
}

function connectTcp(address: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port, noDelay: true });
    socket.on("error", ignore);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ProbeTimeoutError(timeoutMs));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

function handshake(socket: net.Socket, host: string, timeoutMs: number, options: ProbeOptions): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      servername: serverNameFor(host),
      // Look, don't trust: the chain verdict is recorded instead of enforced, and the host
      // name is checked separately so the two findings stay apart.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      // Old protocols and ciphers are allowed so a server that only speaks them is reported as
      // weak instead of unreachable; the probe sends nothing secret over them.
      minVersion: "TLSv1",
      ciphers: "DEFAULT:@SECLEVEL=0",
      ca: options.ca,
    });
    secure.on("error", ignore);
    const timer = setTimeout(() => {
      secure.destroy();
      reject(new ProbeTimeoutError(timeoutMs));
    }, timeoutMs);
    secure.once("secureConnect", () => {
      clearTimeout(timer);
      resolve(secure);
    });
    secure.once("error", (error: Error) => {
      clearTimeout(timer);
      secure.destroy();
      reject(error);
    });
  });
}

// A result with nothing learned yet, which each step of a probe fills in.
export function emptyResult(target: ProbeTarget): EndpointProbeResult {
  return {
    target,
    address: null,
    status: "failed",
    failure: null,
    greeting: null,
    starttlsOffered: null,
    starttlsAccepted: null,
    plaintextInsteadOfTls: false,
    tls: null,
    capabilitiesBeforeTls: null,
    capabilitiesAfterTls: null,
    authBeforeTls: null,
    authAfterTls: null,
    plaintextAuthBeforeTls: [],
    apop: null,
    timings: { resolveMs: null, connectMs: null, greetingMs: null, handshakeMs: null, totalMs: 0 },
    transcript: [],
  };
}

// Probes one endpoint. Never throws: every failure (refused address, timeout, reset, a reply
// that makes no sense) ends up in result.failure with the step it happened at.
export async function probeEndpoint(target: ProbeTarget, options: ProbeOptions = {}): Promise<EndpointProbeResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const overallMs = options.overallTimeoutMs ?? timeoutMs * 4;
  const clientName = options.clientName ?? "probe.invalid";
  const driver = DRIVERS[target.protocol];
  const result = emptyResult(target);
  const started = performance.now();
  const since = (t: number) => Math.round(performance.now() - t);
  // Each wait gets the step timeout, or what is left of the overall one if that is less.
  const budget = () => {
    const left = Math.floor(started + overallMs - performance.now());
    if (left <= 0) throw new ProbeTimeoutError(overallMs);
    return Math.min(timeoutMs, left);
  };
  const note = (line: string) => {
    if (result.transcript.length < MAX_TRANSCRIPT_LINES) result.transcript.push(line.slice(0, MAX_TRANSCRIPT_LINE));
  };

  const at = <T>(name: ProbeStep, work: () => Promise<T>) => step(name, work, (s) => options.onStep?.(target, s));

  let socket: net.Socket | tls.TLSSocket | null = null;
  let reader: LineReader | null = null;
  const session: Session = {
    readLine: async () => {
      const line = await reader!.readLine(budget());
      note(`S: ${line}`);
      return line;
    },
    writeLine: (line) => {
      note(`C: ${line}`);
      socket!.write(`${line}\r\n`);
    },
  };

  const upgrade = async (plain: net.Socket) => {
    const t = performance.now();
    let secure: tls.TLSSocket;
    try {
      secure = await handshake(plain, target.host, budget(), options);
    } catch (error) {
      result.plaintextInsteadOfTls = NOT_TLS.test(`${errorCode(error)} ${(error as Error).message}`);
      throw error;
    }
    socket = secure;
    result.timings.handshakeMs = since(t);
    result.tls = describeTls(secure, target.host);
    options.onSecure?.(target, secure);
    note(`-- TLS ${result.tls.version} ${result.tls.cipher} --`);
    reader = new LineReader(secure);
  };

  try {
    const t0 = performance.now();
    const allowLoopback = options.allowLoopback ?? false;
    const addresses = await at("resolve", async () => {
      // Without loopback allowed the port alone decides, so a non-mail port is refused before
      // DNS is even asked; with it, the addresses decide (see port-guard.ts).
      if (!PROBE_PORTS.has(target.port) && !allowLoopback) throw new ProbePortRefusedError(target.host, target.port);
      const resolved = await withTimeout(
        resolveProbeAddresses(target.host, { allowLoopback, lookup: options.lookup }),
        budget(),
      );
      if (!isProbePortAllowed(target.port, resolved, allowLoopback))
        throw new ProbePortRefusedError(target.host, target.port);
      return resolved;
    });
    result.timings.resolveMs = since(t0);

    const t1 = performance.now();
    const plain = await at("connect", async () => {
      for (const [i, address] of addresses.entries()) {
        try {
          const s = await connectTcp(address, target.port, budget());
          result.address = address;
          return s;
        } catch (error) {
          if (i === addresses.length - 1 || !TRY_NEXT_ADDRESS.has(errorCode(error))) throw error;
        }
      }
      throw new Error("no address to connect to");
    });
    socket = plain;
    result.timings.connectMs = since(t1);

    if (target.security === "tls") {
      await at("handshake", () => upgrade(plain));
    } else {
      reader = new LineReader(plain);
    }

    const t2 = performance.now();
    const greeting = await at("greeting", () => driver.greet(session));
    result.timings.greetingMs = since(t2);
    result.greeting = greeting.text;
    if (target.protocol === "pop3") result.apop = hasApopTimestamp(greeting.text);
    if (!greeting.ok)
      throw new StepError(
        "greeting",
        new ProbeProtocolError("rejected", `the server turned the connection away: ${greeting.text}`),
      );

    const caps = await at("capabilities", () => driver.capabilities(session, clientName));
    const capabilities = caps ?? [];
    if (target.security === "tls") {
      result.capabilitiesAfterTls = capabilities;
      result.authAfterTls = driver.authMechanisms(capabilities);
    } else {
      result.capabilitiesBeforeTls = capabilities;
      result.authBeforeTls = driver.authMechanisms(capabilities);
      result.plaintextAuthBeforeTls = driver.plaintextAuth(capabilities);
      result.starttlsOffered = driver.offersStarttls(capabilities);
      if (result.starttlsOffered) {
        result.starttlsAccepted = await at("starttls", () => driver.startTls(session));
        if (result.starttlsAccepted) {
          const { pending } = reader!.detach();
          if (pending.length > 0) {
            // RFC 3207 §4.2 / RFC 2595 §3.1: anything sent before the handshake must be discarded;
            // a server that pipelines data here is broken or being tampered with.
            throw new StepError(
              "starttls",
              new ProbeProtocolError("data-before-handshake", "the server sent data after agreeing to STARTTLS"),
            );
          }
          await at("handshake", () => upgrade(plain));
          const after = await at("capabilities", () => driver.capabilities(session, clientName));
          result.capabilitiesAfterTls = after ?? [];
          result.authAfterTls = driver.authMechanisms(result.capabilitiesAfterTls);
        }
      }
    }
    result.status = "ok";
    options.onStep?.(target, "quit");
    // A goodbye that goes unanswered does not change what was observed.
    await driver.quit(session).catch(ignore);
  } catch (error) {
    const failed = error instanceof StepError ? error : new StepError("connect", error);
    const cause = failed.cause;
    result.failure =
      cause instanceof ProbeRefusedError
        ? {
            step: "resolve",
            code: cause.category === "unresolvable" ? "unresolvable" : "refused-address",
            message: cause.message,
          }
        : cause instanceof ProbePortRefusedError
          ? { step: "resolve", code: "refused-port", message: cause.message }
          : { step: failed.step, code: errorCode(cause), message: failed.message };
  } finally {
    socket?.destroy();
    result.timings.totalMs = since(started);
  }
  return result;
}
