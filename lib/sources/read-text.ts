import { open } from "node:fs/promises";
import { MAX_FILE_BYTES } from "@/lib/schemas/limits";

// Every data file and dataset file is read through here: at most MAX_FILE_BYTES, and strict
// UTF-8, because a stray Latin-1 byte would otherwise become U+FFFD in a provider's name
// without anyone noticing.

export type TextFile =
  | { ok: true; text: string }
  | { ok: false; reason: "too-large"; message: string }
  // `text` is decoded with U+FFFD in place of the bad bytes, only to find the fields they sit
  // in; it is never imported.
  | { ok: false; reason: "invalid-utf8"; message: string; text: string; line: number; byte: number };

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");
const REPLACEMENT = "\uFFFD";

// Where the first undecodable byte sits, as an editor shows it. A U+FFFD the file itself spells
// (EF BF BD) is skipped.
function firstBadByte(bytes: Uint8Array, text: string): { line: number; byte: number } {
  const encoder = new TextEncoder();
  for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
    const byte = encoder.encode(text.slice(0, at)).byteLength;
    if (!(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) {
      let line = 1;
      for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
      return { line, byte };
    }
  }
  return { line: 1, byte: 0 };
}

export async function readTextFile(file: string, maxBytes: number = MAX_FILE_BYTES): Promise<TextFile> {
  const handle = await open(file, "r");
  let bytes: Uint8Array;
  try {
    const { size } = await handle.stat();
    if (size > maxBytes)
      return { ok: false, reason: "too-large", message: `is ${size} bytes, over the limit of ${maxBytes}` };
    bytes = await handle.readFile();
    // the file grew between stat and read
    if (bytes.byteLength > maxBytes)
      return { ok: false, reason: "too-large", message: `is over the limit of ${maxBytes} bytes` };
  } finally {
    await handle.close();
  }
  try {
    return { ok: true, text: strict.decode(bytes).replace(/^\uFEFF/, "") };
  } catch {
    const text = lenient.decode(bytes).replace(/^\uFEFF/, "");
    const { line, byte } = firstBadByte(bytes, text);
    const message = `is not valid UTF-8 (first bad byte at line ${line}, byte offset ${byte})`;
    return { ok: false, reason: "invalid-utf8", message, text, line, byte };
  }
}

/**
 * The paths of the strings holding U+FFFD in a value parsed from leniently decoded text: where
 * a file's bad bytes landed, so an error can name the record and field. At most `limit`.
 */
export function pathsOfBadText(value: unknown, limit = 10): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const walk = (v: unknown, at: PropertyKey[]) => {
    if (found.length >= limit) return;
    if (typeof v === "string") {
      if (v.includes(REPLACEMENT)) found.push(at);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...at, i]));
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes(REPLACEMENT)) found.push([...at, k]);
        walk(x, [...at, k]);
      }
    }
  };
  walk(value, []);
  return found;
}

export const BAD_TEXT_MESSAGE = "contains bytes that are not valid UTF-8";
