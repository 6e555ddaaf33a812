export type BodyReadResult = { ok: true; bytes: Uint8Array } | { ok: false; status: 400 | 413; error: string };

function tooLarge(limit: number): BodyReadResult {
  return { ok: false, status: 413, error: `The body is larger than ${limit} bytes.` };
}

/**
 * Reads a request body without ever holding more than `limit` bytes. Content-Length is checked
 * first so an honest oversized request is refused unread, then bytes are counted as they
 * stream in, so a missing or lying Content-Length cannot get past the limit.
 */
export async function readBodyWithLimit(request: Request, limit: number): Promise<BodyReadResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const trimmed = declared.trim();
    if (!/^\d{1,16}$/.test(trimmed)) {
      return { ok: false, status: 400, error: "The Content-Length header is not a valid length." };
    }
    if (Number(trimmed) > limit) return tooLarge(limit);
  }
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // stop the sender rather than draining the rest of an oversized stream
        await reader.cancel().catch(() => undefined);
        return tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, error: "The request body could not be read." };
  } finally {
    reader.releaseLock();
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
