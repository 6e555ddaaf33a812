// RFC 2047 encoded words ("=?UTF-8?B?...?="), as mailers write non-ASCII text into header
// comments. Pure and Node-free: TextDecoder only, no Buffer.

const SP = 0x20;

// RFC 2047 says an encoded word is at most 75 characters; real mailers overshoot, so allow more
// but keep the bound, which also keeps the scan linear.
const MAX_ENCODED_WORD = 1024;
const decoderCache = new Map<string, TextDecoder | null>();

function getDecoder(charset: string): TextDecoder | null {
  const key = charset.toLowerCase();
  const cached = decoderCache.get(key);
  if (cached !== undefined) return cached;
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder(key);
  } catch {
    decoder = null;
  }
  if (decoderCache.size < 64) decoderCache.set(key, decoder);
  return decoder;
}

interface EncodedWord {
  start: number;
  end: number;
  charset: string;
  bytes: Uint8Array;
}

function readEncodedWord(text: string, start: number): EncodedWord | null {
  // =?charset?enc?text?=
  const limit = Math.min(text.length, start + MAX_ENCODED_WORD);
  let i = start + 2;
  const charsetStart = i;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 0x3f /* ? */ || c <= SP || c === 0x3d) break;
    i++;
  }
  if (i >= limit || text.charCodeAt(i) !== 0x3f || i === charsetStart) return null;
  // RFC 2231 language suffix: charset*lang
  const charset = text.slice(charsetStart, i).split("*")[0] ?? "";
  const enc = text[i + 1];
  if (text[i + 2] !== "?" || (enc !== "B" && enc !== "b" && enc !== "Q" && enc !== "q")) return null;
  const dataStart = i + 3;
  let j = dataStart;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 0x3f || c <= SP) break;
    j++;
  }
  if (j + 1 >= text.length || text.charCodeAt(j) !== 0x3f || text.charCodeAt(j + 1) !== 0x3d) return null;
  const data = text.slice(dataStart, j);
  const bytes = enc === "B" || enc === "b" ? decodeBase64(data) : decodeQ(data);
  if (bytes === null || charset === "") return null;
  return { start, end: j + 2, charset, bytes };
}

/**
 * Decodes RFC 2047 encoded words. Adjacent words in the same charset are joined before
 * decoding because Japanese mailers split ISO-2022-JP text in the middle of a character.
 * Words in an unknown charset or with bad data stay as written.
 */
export function decodeEncodedWords(text: string): string {
  if (text.indexOf("=?") < 0) return text;
  const out: string[] = [];
  let pos = 0;
  let pending: { charset: string; chunks: Uint8Array[]; raw: string } | null = null;
  let gapStart = 0;
  const flushPending = () => {
    if (pending === null) return;
    const decoder = getDecoder(pending.charset);
    out.push(decoder === null ? pending.raw : decoder.decode(concatBytes(pending.chunks)));
    pending = null;
  };

  while (pos < text.length) {
    const at = text.indexOf("=?", pos);
    if (at < 0) break;
    const word = readEncodedWord(text, at);
    if (word === null) {
      pos = at + 2;
      continue;
    }
    const gap = text.slice(gapStart, at);
    const gapIsSpace = gap.trim() === "";
    if (pending !== null && gapIsSpace && sameCharset(pending.charset, word.charset)) {
      pending.chunks.push(word.bytes);
      pending.raw += gap + text.slice(at, word.end);
    } else if (pending !== null && gapIsSpace) {
      // whitespace between two encoded words is not part of the text (RFC 2047 §6.2)
      flushPending();
      pending = { charset: word.charset, chunks: [word.bytes], raw: text.slice(at, word.end) };
    } else {
      flushPending();
      out.push(gap);
      pending = { charset: word.charset, chunks: [word.bytes], raw: text.slice(at, word.end) };
    }
    pos = word.end;
    gapStart = word.end;
  }
  flushPending();
  out.push(text.slice(gapStart));
  return out.join("");
}

function sameCharset(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function concatBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function base64Value(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43) return 62;
  if (c === 47) return 63;
  return -1;
}

// Hand-written so the module needs neither Buffer (Node) nor atob's exceptions.
function decodeBase64(data: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((data.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 0x3d) break;
    const v = base64Value(c);
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function decodeQ(data: string): Uint8Array | null {
  const out = new Uint8Array(data.length);
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 0x5f) {
      out[n++] = SP;
    } else if (c === 0x3d) {
      const hi = hexValue(data.charCodeAt(i + 1));
      const lo = hexValue(data.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return null;
      out[n++] = hi * 16 + lo;
      i += 2;
    } else if (c > 0x7e) {
      return null;
    } else {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}
