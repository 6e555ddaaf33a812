// The production server: Next's request handler behind a small node:http server of our own, which
// `npm start` and the browser tests run (`tsx server.ts`). It exists for what `next start` cannot
// do: know the real client (the socket's peer, and X-Forwarded-For only from TRUSTED_PROXIES),
// bound headers, bodies and connections, and answer malformed requests with a 4xx before Next
// sees them (Next answers some of them with a 500 and a stack trace in the log).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { z } from "zod";
import {
  CLIENT_ADDRESS_HEADER,
  markClientAddressTrusted,
  parseTrustedProxies,
  resolveClientAddress,
} from "./lib/http/client-address";
import { screenRequest } from "./lib/http/screen-request";

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

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const refusal = screenRequest(req.method ?? "", req.url ?? "", req.headers);
    if (refusal) {
      // the body of a refused request is not read; closing the connection discards it
      answer(res, refusal.status, refusal.message, refusal.headers);
      return;
    }
    // Overwritten on every request, so the app never sees a value the client wrote.
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      env.trustedProxies,
    );
    handle(req, res).catch((error: unknown) => {
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
