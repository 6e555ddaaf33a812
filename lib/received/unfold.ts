export interface HeaderField {
  /** Field name as written (case kept). */
  name: string;
  /** Unfolded value: line breaks of folded lines removed, their whitespace kept (RFC 5322 §2.2.3). */
  value: string;
}

/** Where a field's value sits in the pasted text, folding included. */
export interface HeaderFieldRange {
  name: string;
  /** Just after the colon. */
  start: number;
  /** End of the field's last line, before its line break. */
  end: number;
}

const SP = 0x20;
const HT = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;

/** Called once per field, with index ranges into the text: no string is built for it. */
export type HeaderFieldVisitor = (nameStart: number, nameEnd: number, start: number, end: number) => void;

/**
 * Walks the header fields of pasted text. Lenient on purpose, since people paste from mail
 * clients that mangle things: CRLF, LF or bare CR all end a line, leading blank lines and an
 * mbox "From " line are skipped, and a line that cannot start a field is taken as a
 * continuation whose indentation was lost. The first blank line after a field ends the header
 * section, as in RFC 5322, so the headers of an attached message are not mixed in.
 *
 * With `only` (a lower-case field name) other fields are skipped, compared in place.
 */
export function forEachHeaderField(raw: string, only: string | undefined, visit: HeaderFieldVisitor): void {
  let inField = false;
  // the field being read, reported once its last line is known
  let nameStart = -1;
  let nameEnd = -1;
  let valueStart = -1;
  let valueEnd = -1;

  const length = raw.length;
  // indexOf runs natively and far faster than a charCodeAt loop; each search resumes past the
  // previous hit, so the whole walk stays linear.
  let nextLf = -1;
  let nextCr = -1;
  let pos = 0;
  while (pos < length) {
    if (nextLf < pos) nextLf = indexOrEnd(raw, "\n", pos);
    if (nextCr < pos) nextCr = indexOrEnd(raw, "\r", pos);
    const end = Math.min(nextLf, nextCr);
    const lineStart = pos;
    // A run of CRs followed by LF is one break: "\r\r\n" comes from double CRLF conversion
    // and must not read as a blank line that would end the header section.
    let next = end;
    while (next < length && raw.charCodeAt(next) === CR) next++;
    if (next < length && raw.charCodeAt(next) === LF) next++;
    else if (next > end + 1) next = end + 1;
    pos = next;

    if (isBlank(raw, lineStart, end)) {
      if (inField) break;
      continue;
    }
    const first = raw.charCodeAt(lineStart);
    const colon = first === SP || first === HT ? -1 : fieldNameEnd(raw, lineStart, end);
    if (colon > 0) {
      if (valueStart >= 0) visit(nameStart, nameEnd, valueStart, valueEnd);
      inField = true;
      let trimmed = colon;
      while (trimmed > lineStart && isWsp(raw.charCodeAt(trimmed - 1))) trimmed--;
      const wanted = only === undefined || equalsIgnoringCase(raw, lineStart, trimmed, only);
      nameStart = lineStart;
      nameEnd = trimmed;
      valueStart = wanted ? colon + 1 : -1;
      valueEnd = end;
    } else if (valueStart >= 0) {
      // an indented continuation, or a line that lost its indentation in copying
      valueEnd = end;
    }
  }
  if (valueStart >= 0) visit(nameStart, nameEnd, valueStart, valueEnd);
}

/** The header fields of pasted text as ranges; see forEachHeaderField for the leniency rules. */
export function findHeaderFields(raw: string, only?: string): HeaderFieldRange[] {
  const fields: HeaderFieldRange[] = [];
  forEachHeaderField(raw, only, (nameStart, nameEnd, start, end) => {
    fields.push({ name: raw.slice(nameStart, nameEnd), start, end });
  });
  return fields;
}

function isWsp(c: number): boolean {
  return c === SP || c === HT;
}

/** Whether text[start, end) equals `lower` (lower-case ASCII) in any case. */
function equalsIgnoringCase(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Unfolds a field value (RFC 5322 §2.2.3): a line break before whitespace is removed, and one
 * before anything else (a continuation that lost its indentation) becomes a space.
 */
export function unfold(text: string): string {
  if (text.indexOf("\n") < 0 && text.indexOf("\r") < 0) return text;
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== CR && c !== LF) {
      i++;
      continue;
    }
    parts.push(text.slice(from, i));
    while (i < n && text.charCodeAt(i) === CR) i++;
    if (i < n && text.charCodeAt(i) === LF) i++;
    const after = text.charCodeAt(i);
    if (after !== SP && after !== HT && i < n) parts.push(" ");
    from = i;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** Header fields with unfolded values; see findHeaderFields for the leniency rules. */
export function splitHeaderFields(raw: string, only?: string): HeaderField[] {
  return findHeaderFields(raw, only).map((f) => ({ name: f.name, value: unfold(raw.slice(f.start, f.end)).trim() }));
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SP && c !== HT) return false;
  }
  return true;
}

/** Index of the colon ending a valid field name on the line, or -1. Allows obsolete WSP before the colon. */
function fieldNameEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === COLON) break;
    if (c < 33 || c > 126) {
      // obs-optional (RFC 5322 §4.5.3): "Received :" — only whitespace may follow until the colon
      let j = i;
      while (j < end && (text.charCodeAt(j) === SP || text.charCodeAt(j) === HT)) j++;
      return j > i && j < end && text.charCodeAt(j) === COLON && i > start ? j : -1;
    }
    i++;
  }
  return i > start && i < end ? i : -1;
}

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
