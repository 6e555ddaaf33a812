export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" | "invalid-length" };

/**
 * Reads a request's or a response's body without ever holding more than `limit` bytes. The
 * Content-Length is checked first so an honest oversized message is refused unread, then bytes
 * are counted as they stream in, so a missing or lying Content-Length cannot get past the limit.
 * A failing stream (a reset connection, a timeout's abort) rejects with its own error, which
 * the caller knows how to word.
 */
export async function readLimitedBody(
  message: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<LimitedBody> {
  const declared = message.headers.get("content-length");
  if (declared !== null) {
    const trimmed = declared.trim();
    if (!/^\d{1,16}$/.test(trimmed)) return { ok: false, reason: "invalid-length" };
    if (Number(trimmed) > limit) return { ok: false, reason: "too-large" };
  }
  if (message.body === null) return { ok: true, bytes: new Uint8Array(0) };

  const reader = message.body.getReader();
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
        return { ok: false, reason: "too-large" };
      }
      chunks.push(value);
    }
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
