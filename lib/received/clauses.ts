import type { ReceivedVisitor } from "./tokenize";

// A Received field has about six clauses of a word or three. Past these counts keywords are
// taken as plain words and further words are dropped, so keyword soup cannot allocate a clause
// per word; comments are all kept.
const MAX_CLAUSES = 64;
const MAX_CLAUSE_WORDS = 64;
const CLOSE_PAREN = 0x29;
// A comment longer than this is not an MTA annotation; skipping it bounds the work per comment.
export const MAX_ANNOTATION_COMMENT = 4096;

/** A clause: its keyword's name, its words, and the stretch of the value it covers. */
export interface Clause {
  name: ClauseName;
  first: string | null;
  /** Words after the first, kept only for clauses shown whole (with, via, for). */
  rest: string[] | null;
  /** From just after the keyword to the next keyword (or the date separator). */
  start: number;
  end: number;
}

// RFC 5321 §4.4 clauses; "tls" is Exim's cipher clause, recognised only right after "with".
export type ClauseName = "from" | "by" | "via" | "with" | "id" | "for" | "tls";

function lowerAt(text: string, index: number): number {
  // ASCII letters only: c | 0x20 equals a lower-case letter just for that letter in either case
  return text.charCodeAt(index) | 0x20;
}

/** The clause keyword spelled by value[start, end), compared in place so no word is sliced for it. */
function keywordAt(value: string, start: number, end: number, current: Clause | null): ClauseName | null {
  const a = lowerAt(value, start);
  const b = lowerAt(value, start + 1);
  switch (end - start) {
    case 2:
      if (a === 0x62 && b === 0x79) return "by";
      if (a === 0x69 && b === 0x64) return "id";
      return null;
    case 3: {
      const c = lowerAt(value, start + 2);
      if (a === 0x66 && b === 0x6f && c === 0x72) return "for";
      if (a === 0x76 && b === 0x69 && c === 0x61) return "via";
      // Exim's "tls CIPHER" clause, recognised only right after "with"; Haraka writes it after
      // its id and envelope-from ("with ESMTPS id UUID envelope-from <a@b> tls CIPHER")
      if (a === 0x74 && b === 0x6c && c === 0x73 && (current?.name === "with" || current?.name === "id")) return "tls";
      return null;
    }
    case 4: {
      const c = lowerAt(value, start + 2);
      const d = lowerAt(value, start + 3);
      if (a === 0x66 && b === 0x72 && c === 0x6f && d === 0x6d) return "from";
      if (a === 0x77 && b === 0x69 && c === 0x74 && d === 0x68) return "with";
      return null;
    }
    default:
      return null;
  }
}

/**
 * Groups a Received value's words into clauses as the scanner reports them. One reader is reset
 * and reused for every hop, clause objects included: none of them outlives readHop (only the
 * strings they point to do), and a megabyte of headers holds thousands of hops.
 */
export class ClauseReader implements ReceivedVisitor {
  /** Comment texts; only the first `commentCount` belong to the current value. */
  private readonly comments: string[] = [];
  /** Where each comment's text starts and ends in the value. */
  private readonly commentStarts: number[] = [];
  private readonly commentEnds: number[] = [];
  commentCount = 0;
  /** Comments before the first clause keyword: where qmail writes its whole line. */
  preamble = 0;
  /** The clauses in order; only the first `count` entries belong to the current value. */
  private readonly pool: Clause[] = [];
  count = 0;
  from: Clause | null = null;
  by: Clause | null = null;
  via: Clause | null = null;
  id: Clause | null = null;
  for: Clause | null = null;
  tls: Clause | null = null;
  with: Clause | null = null;
  private current: Clause | null = null;
  private value = "";

  reset(value: string): void {
    this.value = value;
    this.commentCount = 0;
    this.preamble = 0;
    this.count = 0;
    this.from = this.by = this.via = this.id = this.for = this.tls = this.with = null;
    this.current = null;
  }

  commentAt(index: number): string {
    return index < this.commentCount ? (this.comments[index] ?? "") : "";
  }

  /** The comment as written, parentheses included, or null if it never closed. */
  commentAsWritten(index: number): string | null {
    const start = (this.commentStarts[index] ?? 0) - 1;
    const end = (this.commentEnds[index] ?? 0) + 1;
    if (index >= this.commentCount || end > this.value.length || this.value.charCodeAt(end - 1) !== CLOSE_PAREN) {
      return null;
    }
    return this.value.slice(start, end);
  }

  clause(index: number): Clause | undefined {
    return index < this.count ? this.pool[index] : undefined;
  }

  word(start: number, end: number): void {
    const name = this.count < MAX_CLAUSES ? keywordAt(this.value, start, end, this.current) : null;
    if (name !== null) {
      if (this.current) this.current.end = start;
      let clause = this.pool[this.count];
      if (clause === undefined) {
        clause = { name, first: null, rest: null, start: end, end: this.value.length };
        this.pool.push(clause);
      } else {
        clause.name = name;
        clause.first = null;
        clause.rest = null;
        clause.start = end;
        clause.end = this.value.length;
      }
      this.count++;
      this.current = clause;
      // a repeated clause keeps the first one's place
      this[name] ??= clause;
      return;
    }
    const clause = this.current;
    if (clause === null) return;
    if (clause.first === null) {
      clause.first = this.value.slice(start, end);
    } else if (clause.name === "with" || clause.name === "via" || clause.name === "for") {
      clause.rest ??= [];
      if (clause.rest.length < MAX_CLAUSE_WORDS - 1) clause.rest.push(this.value.slice(start, end));
    }
  }

  comment(start: number, end: number): void {
    // overwrite rather than push: the array keeps its capacity from one hop to the next
    this.commentStarts[this.commentCount] = start;
    this.commentEnds[this.commentCount] = end;
    this.comments[this.commentCount++] = this.value.slice(start, end);
    if (this.current === null) this.preamble++;
  }

  /** Closes the last clause at the date separator (or the end of the value). */
  finish(separator: number): void {
    if (this.current && separator >= 0) this.current.end = separator;
  }

  /** Drops every reference into the value, so the shared reader does not keep a paste alive. */
  release(): void {
    for (let i = 0; i < this.count; i++) {
      const clause = this.pool[i];
      if (clause) clause.first = clause.rest = null;
    }
    for (let i = 0; i < this.commentCount; i++) this.comments[i] = "";
    this.reset("");
  }
}

/** A clause's words joined by spaces. */
export function clauseText(clause: Clause | null): string | null {
  if (!clause || clause.first === null) return null;
  return clause.rest === null ? clause.first : [clause.first, ...clause.rest].join(" ");
}
