export type ReceivedToken =
  | { kind: "word"; text: string }
  /** `text` is the inside of the outer parentheses, nested comments included verbatim. */
  | { kind: "comment"; text: string };

export interface TokenizedReceived {
  /** Tokens before the last top-level ";" (all tokens when there is none). */
  tokens: ReceivedToken[];
  /** Raw text after the last top-level ";", or null when the field has none. */
  dateText: string | null;
}

const BACKSLASH = 0x5c;
const OPEN = 0x28;
const CLOSE = 0x29;
const QUOTE = 0x22;
const SEMICOLON = 0x3b;

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0x7f;
}

/**
 * Receives the words and comments of a Received value as index ranges, so a caller can slice
 * only what it needs: a megabyte of headers holds thousands of fields and most words are never
 * looked at twice.
 */
export interface ReceivedVisitor {
  word(start: number, end: number): void;
  /** The inside of a comment, without its outer parentheses (nested ones kept). */
  comment(start: number, end: number): void;
}

/** Index of the next ";" outside comments and quoted strings from `start`, or -1. */
function findSemicolon(value: string, start: number): number {
  const n = value.length;
  let i = start;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (c === SEMICOLON) return i;
    if (c === OPEN) i = Math.min(commentEnd(value, i), n);
    else if (c === QUOTE) i = skipQuoted(value, i);
    else i++;
  }
  return -1;
}

/** Reports the tokens from `start` up to the next top-level ";" (or the end); returns where it stopped. */
function scanSegment(value: string, start: number, visitor: ReceivedVisitor): number {
  const n = value.length;
  let i = start;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (c === SEMICOLON) return i;
    if (isSpace(c)) {
      i++;
    } else if (c === OPEN) {
      const stop = commentEnd(value, i);
      // past the end means unclosed: the comment runs to the end of the value
      if (stop > n) {
        visitor.comment(i + 1, n);
        i = n;
      } else {
        visitor.comment(i + 1, stop - 1);
        i = stop;
      }
    } else {
      const wordStart = i;
      while (i < n) {
        const d = value.charCodeAt(i);
        if (isSpace(d) || d === OPEN || d === SEMICOLON) break;
        if (d === QUOTE) i = skipQuoted(value, i);
        else i++;
      }
      visitor.word(wordStart, i);
    }
  }
  return n;
}

/**
 * Walks a Received value up to its last top-level ";" and returns that ";"'s index (-1 when
 * there is none; the date follows it). Text after a ";" is only skimmed for the next one and
 * reported once one is found, so the date part (which may be a megabyte of junk) is never split
 * into words and no character is read more than twice. An unclosed comment or quoted string
 * runs to the end of the value, as a lenient reader would.
 */
export function scanReceived(value: string, visitor: ReceivedVisitor): number {
  let last = scanSegment(value, 0, visitor);
  if (last >= value.length) return -1;
  for (;;) {
    const next = findSemicolon(value, last + 1);
    if (next < 0) return last;
    scanSegment(value, last + 1, visitor);
    last = next;
  }
}

/** The same walk as scanReceived, as a list of tokens. */
export function tokenizeReceived(value: string): TokenizedReceived {
  const tokens: ReceivedToken[] = [];
  const separator = scanReceived(value, {
    word: (start, end) => tokens.push({ kind: "word", text: value.slice(start, end) }),
    comment: (start, end) => tokens.push({ kind: "comment", text: value.slice(start, end) }),
  });
  return { tokens, dateText: separator < 0 ? null : value.slice(separator + 1) };
}

/**
 * Index just past the ")" closing the comment that opens at `start`, or text.length + 1 when
 * it never closes. A number rather than an object: this runs for every comment.
 */
function commentEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      continue;
    }
    if (c === OPEN) depth++;
    else if (c === CLOSE) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n + 1;
}

function skipQuoted(text: string, start: number): number {
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else i++;
  }
  return n;
}

const COMMA = 0x2c;

/**
 * Splits text into words at whitespace and commas, stopping after `max` so that a date followed
 * by a megabyte of junk costs no more than the date. Comments are dropped, or kept whole (with
 * their parentheses) when `keepComments` is set.
 */
export function leadingWords(text: string, max: number, keepComments = false): string[] {
  const words: string[] = [];
  words.length = leadingWordsInto(text, max, keepComments, words);
  return words;
}

/**
 * leadingWords writing into `out` from index 0 and returning the count, so a caller that runs
 * once per hop can reuse one array instead of growing a new one each time.
 */
export function leadingWordsInto(text: string, max: number, keepComments: boolean, out: string[]): number {
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n && count < max) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === COMMA) {
      i++;
    } else if (c === OPEN) {
      const end = Math.min(commentEnd(text, i), n);
      if (keepComments) out[count++] = text.slice(i, end);
      i = end;
    } else {
      const start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isSpace(d) || d === OPEN || d === COMMA) break;
        i++;
      }
      out[count++] = text.slice(start, i);
    }
  }
  return count;
}
