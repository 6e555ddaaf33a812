import http from "node:http";
import net from "node:net";
import { Readable } from "node:stream";
import tls from "node:tls";
import { ProbeRefusedError, resolveProbeAddresses } from "@/lib/probe/address-guard";
import type { LookupAll } from "@/lib/probe/types";

// The autoconfig lookup fetches from hosts a visitor's domain names, so its fetches must not
// become a way into our own network. Each hop resolves the name once, puts every answer through
// the probe's address guard, and connects to an address it checked: the name is never resolved
// again to connect, so a name that answers a public address to the guard and 127.0.0.1 a moment
// later (DNS rebinding, TTL 0) gets nowhere. A redirect is a new hop, resolved and checked again,
// and only to the default ports of https and http: a Location header is the remote server's to
// write, so it could otherwise name any port, path and scheme on any host the guard lets by.
// The first URL is ours (lib/autoconfig builds it on the default ports; tests point
// AUTOCONFIG_BASE_URL at a local port), so its port is not restricted.

export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_PORTS = { "https:": 443, "http:": 80 } as const;
// Connection errors worth trying the name's next checked address for (as the probe does).
const TRY_NEXT_ADDRESS = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "EAFNOSUPPORT"]);
// Responses that carry no body by definition (RFC 9110 §6.4.1); Response refuses one for them.
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

// Opens a TCP connection to an address the guard accepted. Tests replace it to see which address
// is dialled and to stand a loopback server in for a public address.
export type Dial = (address: string, port: number) => net.Socket;

const ignore = () => {};

const defaultDial: Dial = (address, port) => net.connect({ host: address, port, noDelay: true });

export type GuardedFetchOptions = {
  allowLoopback: boolean;
  // replaces dns.lookup (tests: a resolver whose answers change between calls)
  lookup?: LookupAll;
  dial?: Dial;
  // extra trusted roots instead of the system's (tests pass their throw-away CA)
  ca?: string | Buffer | Array<string | Buffer>;
};

function refusal(error: ProbeRefusedError): Error {
  // The autoconfig lookup reads ENOTFOUND as "this domain has no such host", which is what an
  // unresolvable name is; anything else it records as an error with this message.
  return Object.assign(new Error(error.message), {
    code: error.category === "unresolvable" ? "ENOTFOUND" : "EADDRREFUSED",
  });
}

function refusedUrl(url: URL, why: string): Error {
  return Object.assign(new Error(`refused to fetch ${url.href}: ${why}`), { code: "EURLREFUSED" });
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("aborted");
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : "";
}

function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", onAbort), reject(error as Error)),
    );
  });
}

// One connection to one checked address, TLS on top for https. The certificate is verified
// against the URL's host name (sent as SNI too), never against the address.
function openConnection(url: URL, address: string, options: GuardedFetchOptions, signal?: AbortSignal) {
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol as keyof typeof DEFAULT_PORTS];
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return new Promise<net.Socket>((resolve, reject) => {
    const raw = (options.dial ?? defaultDial)(address, port);
    // Errors are handled below while connecting and by the HTTP request after; a socket error
    // with no listener at all would throw out of the event loop.
    raw.on("error", ignore);
    const socket =
      url.protocol === "https:"
        ? tls.connect({
            socket: raw,
            host,
            // SNI takes a name only; an IP-literal URL is checked against the certificate's IP entries
            servername: net.isIP(host) ? undefined : host,
            ca: options.ca,
            ALPNProtocols: ["http/1.1"],
          })
        : raw;
    socket.on("error", ignore);
    const ready = url.protocol === "https:" ? "secureConnect" : "connect";
    const cleanup = () => signal?.removeEventListener("abort", onAbort);
    const onAbort = () => {
      const reason = abortReason(signal!);
      socket.destroy(reason);
      raw.destroy();
      reject(reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    socket.once(ready, () => {
      cleanup();
      resolve(socket);
    });
    const fail = (error: Error) => {
      cleanup();
      socket.destroy();
      raw.destroy();
      reject(error);
    };
    socket.once("error", fail);
    if (socket !== raw) raw.once("error", fail);
  });
}

async function connectChecked(url: URL, addresses: string[], options: GuardedFetchOptions, signal?: AbortSignal) {
  for (const [i, address] of addresses.entries()) {
    try {
      return await openConnection(url, address, options, signal);
    } catch (error) {
      if (signal?.aborted || i === addresses.length - 1 || !TRY_NEXT_ADDRESS.has(errorCode(error))) throw error;
    }
  }
  throw new Error(`no address to connect to for ${url.hostname}`);
}

// One HTTP/1.1 exchange over a connection already open to a checked address. Nothing is asked
// for compressed, so the body is read as sent and the caller's byte limit is the wire's.
function exchange(
  url: URL,
  socket: net.Socket,
  method: string,
  headers: Headers,
  signal?: AbortSignal,
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const outgoing: Record<string, string> = {};
    headers.forEach((value, name) => (outgoing[name] = value));
    delete outgoing["accept-encoding"];
    outgoing.host = url.host;
    const request = http.request({
      createConnection: () => socket,
      method,
      path: `${url.pathname}${url.search}`,
      headers: outgoing,
    });
    let incoming: http.IncomingMessage | undefined;
    // Before the response the request fails with the reason; after it, the body stream does, so
    // a reader waiting for the body sees the timeout rather than a reset.
    const onAbort = () => {
      const reason = abortReason(signal!);
      incoming?.destroy(reason);
      request.destroy(reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    request.on("error", (error) => {
      done();
      socket.destroy();
      reject(error);
    });
    request.once("response", (response) => {
      incoming = response;
      incoming.on("error", ignore);
      incoming.once("close", () => {
        done();
        socket.destroy();
      });
      const status = incoming.statusCode ?? 0;
      const responseHeaders = new Headers();
      try {
        for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
          responseHeaders.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
        }
        const empty = method === "HEAD" || NULL_BODY_STATUSES.has(status);
        if (empty) incoming.resume();
        const body = empty ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
        resolve(new Response(body, { status, statusText: incoming.statusMessage, headers: responseHeaders }));
      } catch (error) {
        // a status Response cannot carry (1xx, 6xx) or a header value it will not hold
        incoming.destroy();
        reject(
          Object.assign(new Error(`unusable HTTP response: ${(error as Error).message}`), { code: "EBADRESPONSE" }),
        );
      }
    });
    request.end();
  });
}

// A fetch for the autoconfig lookup: GET or HEAD, redirects followed only as described above
// (init.redirect "manual" or "error": not at all).
export function guardedFetch(options: GuardedFetchOptions): typeof fetch {
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD") throw new Error(`refused to send ${method}: only GET and HEAD`);
    const headers = new Headers(init?.headers);
    const signal = init?.signal ?? undefined;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "https:" && url.protocol !== "http:") throw refusedUrl(url, "only https and http");
      if (url.username || url.password) throw refusedUrl(url, "no credentials in the URL");
      let addresses: string[];
      try {
        addresses = await withAbort(
          resolveProbeAddresses(url.hostname, { allowLoopback: options.allowLoopback, lookup: options.lookup }),
          signal,
        );
      } catch (error) {
        throw error instanceof ProbeRefusedError ? refusal(error) : error;
      }
      // an abort listener added to a signal that has already fired would never run
      if (signal?.aborted) throw abortReason(signal);
      const socket = await connectChecked(url, addresses, options, signal);
      if (signal?.aborted) {
        socket.destroy();
        throw abortReason(signal);
      }
      const response = await exchange(url, socket, method, headers, signal);
      const location = response.headers.get("location");
      // redirect: "manual" hands a redirect back unfollowed (the MTA-STS policy fetch, RFC 8461
      // §3.3); "error" refuses it, as fetch does
      if (!REDIRECT_STATUSES.has(response.status) || !location || init?.redirect === "manual") return response;
      if (init?.redirect === "error") {
        await response.body?.cancel();
        throw refusedUrl(url, "it redirects, and this fetch follows no redirects");
      }
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw refusedUrl(url, `more than ${MAX_REDIRECTS} redirects`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw refusedUrl(url, "its redirect names no valid URL");
      }
      if (next.protocol !== "https:" && next.protocol !== "http:")
        throw refusedUrl(next, "a redirect is followed only to https or http");
      // URL drops a scheme's default port, so an empty port is 443 for https and 80 for http.
      if (next.port !== "") throw refusedUrl(next, "a redirect is followed only to port 443 (https) or 80 (http)");
      url = next;
    }
  };
}
