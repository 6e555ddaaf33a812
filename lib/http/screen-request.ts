import type { IncomingHttpHeaders } from "node:http";

// What server.ts refuses before Next sees a request: each case is a bad request that Next would
// otherwise answer with a 500 (a malformed escape, TRACE, a body over the action limit) or that
// no route can serve. Pure, so the rules are unit-tested without a server.
export type Refusal = { status: 400 | 403 | 405 | 411 | 413; message: string; headers?: Record<string, string> };

// Pages take GET and HEAD, and POST for the server actions (the forms work without JavaScript);
// the JSON API's route handlers answer the other methods themselves (a JSON 404 or 405).
const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;
const API_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ASSET_METHODS = ["GET", "HEAD"] as const;

// next.config.ts's experimental.serverActions.bodySizeLimit ("4mb"): Next answers a larger action
// body with a 500, so it is refused here first, by its declared length.
export const ACTION_BODY_LIMIT = 4 * 1024 * 1024;

// A server action's id as Next writes it: hex, 40-odd digits (a SHA-1 plus a type byte).
const ACTION_ID = /^[0-9a-f]{40,64}$/i;

// The comparison Next's action handler makes: the Origin's host against X-Forwarded-Host (which
// server.ts keeps only from trusted proxies; Next sets it from Host otherwise) or Host.
function isSameOrigin(origin: string, headers: IncomingHttpHeaders): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers["x-forwarded-host"];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0])?.trim();
  return host !== "" && (host === headers.host || host === forwardedHost);
}

export function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

function methodNotAllowed(allowed: readonly string[]): Refusal {
  return { status: 405, message: "Method Not Allowed", headers: { allow: allowed.join(", ") } };
}

export function screenRequest(method: string, url: string, headers: IncomingHttpHeaders): Refusal | null {
  if (!url.startsWith("/") || url.startsWith("//")) return { status: 400, message: "Bad Request" };
  const queryAt = url.indexOf("?");
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, message: "Bad Request: malformed %-escape in the path" };
  }
  if (path.includes("\0")) return { status: 400, message: "Bad Request" };

  const isAsset = rawPath.startsWith("/_next/");
  const isApi = isApiPath(rawPath);
  const allowed: readonly string[] = isAsset ? ASSET_METHODS : isApi ? API_METHODS : PAGE_METHODS;
  if (!allowed.includes(method)) return methodNotAllowed(allowed);

  if (method === "POST" && !isApi) {
    const action = headers["next-action"];
    if (action !== undefined && (Array.isArray(action) || !ACTION_ID.test(action))) {
      return { status: 400, message: "Bad Request: malformed Next-Action" };
    }
    // Next refuses a cross-origin action (CSRF) with a 500; the same rule, answered with a 403.
    const origin = headers.origin;
    if (origin !== undefined && !isSameOrigin(origin, headers)) {
      return { status: 403, message: "Forbidden: cross-origin form or action" };
    }
    // Browsers always declare the length of a form or an action's body; without one the limit
    // could only be enforced after Next had started reading.
    const length = headers["content-length"];
    if (length === undefined) return { status: 411, message: "Length Required" };
    if (!/^\d{1,16}$/.test(length)) return { status: 400, message: "Bad Request" };
    if (Number(length) > ACTION_BODY_LIMIT) return { status: 413, message: "Content Too Large" };
  }
  return null;
}
