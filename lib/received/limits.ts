// What the header analyzer takes in and gives back, for the page's form and POST /api/received
// alike. The verdict always rests on every hop; only what is sent back is capped, so a megabyte
// of invented Received lines costs the server one analysis, not tens of megabytes of JSON.

/** 1 MiB of UTF-8 in: a full header block is rarely over 100 KiB. */
export const MAX_PASTE_BYTES = 1_048_576;

/**
 * At most this many hops are sent back, the oldest first. Real paths have a few dozen at most;
 * the response says how many more there were.
 */
export const MAX_SHOWN_HOPS = 100;

/** At most this many hops are named per finding; the rest are counted. */
export const MAX_FINDING_HOPS = 12;

/**
 * At most this many characters of one hop's text field (from, by, with, cipher, the TLS
 * evidence) are sent back: a host name has at most 253. A longer one ends in "…".
 */
export const MAX_HOP_FIELD_CHARS = 256;

/**
 * The API's JSON answer never exceeds this. The caps above keep a real answer far below (100
 * hops of full-length fields come to about 150 KB); hops stop being added before it would be
 * passed, whatever their text holds.
 */
export const MAX_RECEIVED_RESPONSE_BYTES = 256 * 1024;

/** A hop's text field, cut to MAX_HOP_FIELD_CHARS (without splitting a surrogate pair). */
export function capHopText<T extends string | null>(text: T): T {
  if (text === null || text.length <= MAX_HOP_FIELD_CHARS) return text;
  let end = MAX_HOP_FIELD_CHARS - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…` as T;
}
