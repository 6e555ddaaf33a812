import net from "node:net";
import tls from "node:tls";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { KeyPair } from "./certs";

export type Closable = { port: number; close: () => Promise<void> };

const HOST = "127.0.0.1";
const MECHANISMS = ["PLAIN", "LOGIN", "CRAM-MD5"];

// Probing needs no account: every login fails, and authOptional lets a client that never logs
// in (the probe) walk through the dialogue.
const BASE: SMTPServerOptions = {
  name: "localhost",
  banner: "Mail Security Compass test server",
  logger: false,
  disableReverseLookup: true,
  closeTimeout: 1000,
  authOptional: true,
  authMethods: MECHANISMS,
  onAuth: (_auth, _session, callback) => callback(new Error("test server: no accounts")),
  onData: (stream, _session, callback) => {
    stream.resume();
    stream.on("end", () => callback());
  },
};

function listen(server: net.Server | SMTPServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = (server as SMTPServer).server?.address?.() ?? (server as net.Server).address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

async function start(options: SMTPServerOptions): Promise<Closable> {
  const server = new SMTPServer({ ...BASE, ...options });
  server.on("error", () => {});
  const port = await listen(server);
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// (a) implicit TLS, as on port 465
export function startImplicitTlsSmtp(pair: KeyPair): Promise<Closable> {
  return start({ secure: true, key: pair.key, cert: pair.cert });
}

// (a) STARTTLS, as on port 587, done right: AUTH is advertised only once TLS is up
export function startStarttlsSmtp(pair: KeyPair): Promise<Closable> {
  return start({
    secure: false,
    key: pair.key,
    cert: pair.cert,
    onConnect: (session, callback) => {
      session.disabledCommands = ["AUTH"];
      callback();
    },
    onSecure: (_socket, session, callback) => {
      session.disabledCommands = [];
      callback();
    },
  });
}

// (b) no STARTTLS at all, yet PLAIN and LOGIN offered over the clear connection
export function startPlainOnlySmtp(): Promise<Closable> {
  return start({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
  });
}

function trackSockets(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>();
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

// (e) accepts and never says a word: the probe must give up after its timeout
export async function startSilentServer(): Promise<Closable> {
  const server = net.createServer((socket) => socket.on("error", () => {}));
  const close = trackSockets(server);
  const port = await listen(server);
  return { port, close };
}

// An implicit-TLS SMTP responder that speaks only TLS 1.0/1.1, for the "weak TLS" finding.
// smtp-server cannot be held below TLS 1.2, so this answers EHLO and QUIT by hand.
export async function startWeakTlsSmtp(pair: KeyPair): Promise<Closable> {
  const server = tls.createServer({
    key: pair.key,
    cert: pair.cert,
    minVersion: "TLSv1",
    maxVersion: "TLSv1.1",
    ciphers: "DEFAULT:@SECLEVEL=0",
  });
  server.on("secureConnection", (socket) => {
    socket.on("error", () => {});
    socket.write("220 localhost ESMTP weak test server\r\n");
    let buffer = "";
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      let i: number;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const command = buffer.slice(0, i).trim().toUpperCase();
        buffer = buffer.slice(i + 1);
        if (command.startsWith("EHLO")) socket.write("250-localhost\r\n250 AUTH PLAIN LOGIN\r\n");
        else if (command === "QUIT") socket.end("221 bye\r\n");
        else socket.write("502 not implemented\r\n");
      }
    });
  });
  server.on("tlsClientError", () => {});
  const close = trackSockets(server);
  const port = await listen(server);
  return { port, close };
}
