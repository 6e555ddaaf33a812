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
