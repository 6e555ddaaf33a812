// The production server: Next's request handler behind a small node:http server of our own, which
// `npm start` and the browser tests run (`tsx server.ts`). It exists for what `next start` cannot
// do: know the real client (the socket's peer, and X-Forwarded-For only from TRUSTED_PROXIES),
// bound headers, bodies and connections, and answer malformed requests with a 4xx before Next
// sees them (Next answers some of them with a 500 and a stack trace in the log).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import next from "next";
import { z } from "zod";
import {
  CLIENT_ADDRESS_HEADER,
  markClientAddressTrusted,
  parseTrustedProxies,
  resolveClientAddress,
} from "./lib/http/client-address";
import { isAcceptableFormPost, isWellFormedActionBody } from "./lib/http/action-body";
import { isApiPath, screenRequest } from "./lib/http/screen-request";

const serverEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // The address to listen on (not HOSTNAME, which shells and containers set to the machine name);
  // unset: every interface, as `next start` does.
  HOST: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  TRUSTED_PROXIES: z.string().default(""),
  // Slow-loris guards: the whole header block, then the whole request, must arrive in this time.
  SERVER_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(10_000),
  SERVER_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  SERVER_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(5000),
  // Beyond this many open connections new ones are closed at once instead of queueing.
  SERVER_MAX_CONNECTIONS: z.coerce.number().int().min(10).max(100_000).default(1000),
});

function readServerEnv() {
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    process.exit(1);
  }
  try {
    return { ...parsed.data, trustedProxies: parseTrustedProxies(parsed.data.TRUSTED_PROXIES) };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

// Headers a proxy writes about the client's connection: believed only from a trusted proxy. From
// anyone else they are dropped, and Next fills in X-Forwarded-For, -Host, -Proto and -Port from
// the socket and the Host header.
const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

// Reads a body whose length was declared (screenRequest demands one on an action), then puts the
// bytes back at the front of the stream, so Next reads the request as it came. No 'end' has been
// emitted when the bytes go back, so the stream ends again after them.
function peekBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = () => {
      req.off("readable", onReadable);
      req.off("error", reject);
      req.off("end", finish);
      const body = Buffer.concat(chunks);
      if (body.length > 0) req.unshift(body);
      resolve(body);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (total < length && (chunk = req.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        total += chunk.length;
      }
      if (total >= length) finish();
    };
    req.on("readable", onReadable);
    req.once("error", reject);
    req.once("end", finish);
    // a client that stops sending is cut off by requestTimeout
    req.once("close", () => reject(new Error("the client closed the request")));
  });
}

// The build's server actions, by id. Next answers an unknown id with a 404 but logs it with a
// stack; here it is a 404 and nothing in the log. Without the manifest every id goes to Next.
function readActionIds(): Set<string> | null {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next"; // as next.config.ts chooses it
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
    ) as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
    return new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
  } catch (error) {
    console.warn(`server actions: no manifest (${(error as Error).message}); ids are not checked`);
    return null;
  }
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    connection: "close",
    ...headers,
  });
  res.end(`${text}\n`);
}

async function main(): Promise<void> {
  const env = readServerEnv();
  // hostname "localhost" whatever we listen on: Next compares a rewrite's origin with
  // http://<hostname>:<port> and proxies any other origin over HTTP instead of serving it in-process
  // (proxy.ts rewrites the catalogue to its cached route).
  const app = next({ dev: false, hostname: "localhost", port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  markClientAddressTrusted();
  const actionIds = readActionIds();

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const peer = req.socket.remoteAddress;
    // Overwritten on every request, so the app never sees a value the client wrote.
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(peer, req.headers["x-forwarded-for"], env.trustedProxies);
    if (!env.trustedProxies.contains(peer ?? "")) for (const name of PROXY_HEADERS) delete req.headers[name];

    const refusal = screenRequest(req.method ?? "", req.url ?? "", req.headers);
    if (refusal) {
      // the body of a refused request is not read; closing the connection discards it
      answer(res, refusal.status, refusal.message, refusal.headers);
      return;
    }
    // A post to a page is a server action (Next-Action) or a form posted without JavaScript
    // (multipart): its body, of a declared length within the limit, is checked before Next parses it.
    const contentType = req.headers["content-type"];
    const actionId = req.headers["next-action"];
    const isAction = actionId !== undefined;
    if (isAction && actionIds && !isApiPath(req.url ?? "") && !actionIds.has(String(actionId))) {
      answer(res, 404, "Not Found: no such server action");
      return;
    }
    if (req.method === "POST" && !isApiPath(req.url ?? "") && (isAction || /^multipart\//i.test(contentType ?? ""))) {
      const body = await peekBody(req, Number(req.headers["content-length"]));
      const ok = isAction
        ? await isWellFormedActionBody(contentType, body)
        : await isAcceptableFormPost(contentType, body, actionIds);
      if (!ok) {
        answer(res, 400, "Bad Request: malformed server action or form body");
        return;
      }
    }
    await handle(req, res);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch((error: unknown) => {
      if (req.destroyed && !req.complete) return res.destroy();
      console.error(`request failed: ${(error as Error).message}`);
      if (!res.headersSent) answer(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  server.headersTimeout = env.SERVER_HEADERS_TIMEOUT_MS;
  server.requestTimeout = env.SERVER_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = env.SERVER_KEEP_ALIVE_TIMEOUT_MS;
  server.maxConnections = env.SERVER_MAX_CONNECTIONS;
  // a request line or header block Node cannot parse: a 400 without Next, and nothing in the log
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request"}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`,
    );
  });

  // CONNECT asks us to be a proxy; without this handler Node would drop the connection unanswered.
  server.on("connect", (_req: IncomingMessage, socket: Duplex) => {
    socket.end(
      "HTTP/1.1 405 Method Not Allowed\r\nallow: GET, HEAD, POST\r\nconnection: close\r\ncontent-length: 0\r\n\r\n",
    );
  });

  server.listen(env.PORT, env.HOST, () => {
    const where = env.HOST ?? "localhost";
    console.log(
      `> Ready on http://${where.includes(":") ? `[${where}]` : where}:${env.PORT} ` +
        `(trusted proxies: ${env.trustedProxies.size || "none"}; max ${env.SERVER_MAX_CONNECTIONS} connections)`,
    );
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
