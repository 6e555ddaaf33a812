import { createHash } from "node:crypto";

// The open-data files (the CSV, the JSON snapshot, the autoconfig files) carry validators, so a
// mirror or a script that polls gets a 304 while nothing changed.

export type Validators = { etag: string; lastModified: Date };

// Where the licence is stated, in both languages (RFC 8288 resolves the relative references
// against the request's own URL).
export const LICENCE_PATH = "/licence";
export const LICENCE_LINK = `</ja${LICENCE_PATH}>; rel="license"; hreflang="ja", </en${LICENCE_PATH}>; rel="license"; hreflang="en"`;

// A strong validator from the bytes themselves: right whatever changed them.
export function contentEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
}

// HTTP dates have whole seconds; a Last-Modified must not lie in the future (RFC 9110 §8.8.2.1).
export function httpDateSeconds(date: Date, now: Date = new Date()): Date {
  const at = Math.min(date.getTime(), now.getTime());
  return new Date(Math.floor(at / 1000) * 1000);
}

// The latest time a set of dates can stand for: a claim dated "2026-11-30" may have been written
// at any moment of that day, so the day counts until its end (and never past now).
export function endOfPartialDate(date: string, now: Date = new Date()): Date {
  const [y = 1970, m, d] = date.split("-").map(Number);
  const end =
    d !== undefined && m !== undefined
      ? Date.UTC(y, m - 1, d + 1)
      : m !== undefined
        ? Date.UTC(y, m, 1)
        : Date.UTC(y + 1, 0, 1);
  return new Date(Math.min(end - 1000, now.getTime()));
}

export function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  // weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

// RFC 9110 §13.2.2: If-None-Match decides when present, and If-Modified-Since is then ignored; an
// unparseable date is ignored too.
export function isNotModified(headers: Headers, { etag, lastModified }: Validators): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, etag);
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}

// The headers every open-data answer carries, 200 and 304 alike (RFC 9110 §15.4.5 asks a 304 to
// repeat ETag, Cache-Control and friends).
export function validatorHeaders({ etag, lastModified }: Validators): Record<string, string> {
  return { ETag: etag, "Last-Modified": lastModified.toUTCString(), Link: LICENCE_LINK };
}

// A GET or HEAD answer: 304 without a body when the client's copy is current.
export function conditionalResponse(
  request: Request,
  validators: Validators,
  body: () => string,
  headers: Record<string, string>,
): Response {
  if (isNotModified(request.headers, validators)) {
    const cacheControl = headers["Cache-Control"];
    return new Response(null, {
      status: 304,
      headers: { ...validatorHeaders(validators), ...(cacheControl ? { "Cache-Control": cacheControl } : {}) },
    });
  }
  return new Response(body(), { headers: { ...headers, ...validatorHeaders(validators) } });
}
