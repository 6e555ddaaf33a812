import { readLimitedBody } from "@/lib/http/read-limited-body";
import { analyzeReceivedHeaders, toReceivedApiResponse } from "@/lib/received";
import {
  MAX_RECEIVED_BODY_BYTES,
  RECEIVED_CONTENT_TYPES,
  receivedJsonRequestSchema,
  type ReceivedError,
} from "./schema";

export const runtime = "nodejs";

// The body is someone's mail headers: it is never logged, stored or cached.
const NO_STORE = { "cache-control": "no-store" };

function errorResponse(status: 400 | 413, error: string): Response {
  return Response.json({ error } satisfies ReceivedError, { status, headers: NO_STORE });
}

type MediaType = (typeof RECEIVED_CONTENT_TYPES)[number];

function parseContentType(header: string | null): { media: MediaType } | { error: string } {
  const [type = "", ...params] = (header ?? "").split(";");
  const media = type.trim().toLowerCase();
  if (!(RECEIVED_CONTENT_TYPES as readonly string[]).includes(media)) {
    return { error: 'Send the headers as text/plain, or as application/json {"headers": "..."}.' };
  }
  for (const param of params) {
    const [key = "", value = ""] = param.split("=");
    if (key.trim().toLowerCase() !== "charset") continue;
    const charset = value.trim().replace(/^"|"$/g, "").toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8" && charset !== "us-ascii") {
      return { error: "Only UTF-8 bodies are accepted." };
    }
  }
  return { media: media as MediaType };
}

export async function POST(request: Request): Promise<Response> {
  try {
    const contentType = parseContentType(request.headers.get("content-type"));
    if ("error" in contentType) return errorResponse(400, contentType.error);

    const body = await readLimitedBody(request, MAX_RECEIVED_BODY_BYTES).catch(() => null);
    if (body === null) return errorResponse(400, "The request body could not be read.");
    if (!body.ok && body.reason === "invalid-length") {
      return errorResponse(400, "The Content-Length header is not a valid length.");
    }
    if (!body.ok) return errorResponse(413, `The body is larger than ${MAX_RECEIVED_BODY_BYTES} bytes.`);

    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
    } catch {
      return errorResponse(400, "The body is not valid UTF-8.");
    }

    let headers = text;
    if (contentType.media === "application/json") {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return errorResponse(400, "The body is not valid JSON.");
      }
      const parsed = receivedJsonRequestSchema.safeParse(json);
      if (!parsed.success) {
        return errorResponse(400, 'The JSON body must be an object with a string field "headers".');
      }
      headers = parsed.data.headers;
    }

    const analysis = analyzeReceivedHeaders(headers);
    return Response.json(toReceivedApiResponse(analysis), { headers: NO_STORE });
  } catch {
    // Nothing above should throw; if it does, the caller still gets a 4xx, never a 500,
    // and the body is not echoed back in the message.
    return errorResponse(400, "The request could not be processed.");
  }
}
