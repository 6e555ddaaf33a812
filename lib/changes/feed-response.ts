import { createHash } from "node:crypto";
import { FEED_CONTENT_TYPES, type FeedFormat } from "@/lib/changes/feed-paths";

// A feed answer with a validator: readers poll, and an unchanged feed costs them a 304.
export function feedResponse(request: Request, body: string, feedFormat: FeedFormat): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  const headers = {
    "Content-Type": `${FEED_CONTENT_TYPES[feedFormat]}; charset=utf-8`,
    ETag: etag,
    "Cache-Control": "public, max-age=300",
  };
  const match = request.headers.get("if-none-match");
  if (match !== null && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers });
}
