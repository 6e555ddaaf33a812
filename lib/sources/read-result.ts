import { z } from "zod";
import { MAX_KEY_LENGTH, MAX_RECORDS } from "@/lib/schemas/limits";
import { formatIssuePath } from "@/lib/schemas/issue-path";
import { BAD_TEXT_MESSAGE, pathsOfBadText, readTextFile } from "@/lib/sources/read-text";
import type { SourceRecord } from "@/lib/sources/record";

// A record the reader could not turn into a SourceRecord: the import stops and names it.
export type RecordError = { file: string; record: string; field: string; message: string };

// errors stop the import; warnings (a template entry skipped, say) go into its report.
export type ReadResult = { records: SourceRecord[]; errors: RecordError[]; warnings?: RecordError[] };

const LITERAL_DOMAIN_PATTERN = /^[a-z0-9-]+(?:\\\.[a-z0-9-]+)+$/i;

// "gmx\\.de" names one domain; "outlook\\..*" names a family. Literal ones become domains, the
// rest stay patterns (matched against known domains when records are merged).
export function splitDomainPatterns(patterns: readonly string[]): { domains: string[]; patterns: string[] } {
  const domains: string[] = [];
  const rest: string[] = [];
  for (const raw of patterns) {
    const p = raw.trim();
    if (p === "") continue;
    if (LITERAL_DOMAIN_PATTERN.test(p)) domains.push(p.replace(/\\\./g, ".").toLowerCase());
    else rest.push(p);
  }
  return { domains: [...new Set(domains)], patterns: [...new Set(rest)] };
}

// Anchored, case-insensitive, or null when the dataset's pattern is not a valid JS expression.
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, "i");
  } catch {
    return null;
  }
}

// Lower-cases a host name but keeps placeholders as ISPDB writes them (%EMAILDOMAIN%).
export function normalizeHost(host: string): string {
  return host
    .trim()
    .replace(/%[A-Za-z_]+%|[^%]+/g, (part) => (part.startsWith("%") ? part.toUpperCase() : part.toLowerCase()));
}

export function hasPlaceholder(text: string): boolean {
  return /%[A-Z_]+%/.test(text);
}

// The keys a JSON object names more than once at its top level. JSON.parse keeps the last value
// of a repeated key without a word, so a provider list keyed by provider (MailCore2, nodemailer)
// that lists one twice would lose an entry silently. `text` must already be valid JSON.
export function duplicateTopLevelKeys(text: string): string[] {
  if (!text.trimStart().startsWith("{")) return [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (depth === 1 && expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        (seen.has(key) ? duplicates : seen).add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === "{" || c === "[") {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === "}" || c === "]") {
      depth--;
    } else if (c === "," && depth === 1) {
      expectKey = true;
    }
  }
  return [...duplicates];
}

/**
 * Reads one dataset file (a path, shown in errors as `name`) and hands its text to `parse`. A
 * file over the size limit is one error. Bad UTF-8 is an error per record and field the bad
 * bytes landed in, found by parsing the text with U+FFFD in their place, so the report names
 * them as it names a schema error; nothing of such a file is imported.
 */
export async function readSourceFile(
  file: string,
  name: string,
  parse: (text: string) => ReadResult,
  // what the file's own errors name as the record: the file itself where it holds one record
  record = "(file)",
): Promise<ReadResult> {
  const read = await readTextFile(file);
  if (read.ok) return parse(read.text);
  const whole: RecordError = { file: name, record, field: "(document)", message: read.message };
  if (read.reason === "too-large") return { records: [], errors: [whole] };
  const result = parse(read.text);
  const where = `the file's first bad byte is at line ${read.line}, byte offset ${read.byte}`;
  const located = result.records.flatMap((r) =>
    pathsOfBadText(r).map((at) => ({
      file: name,
      // named as the file's other errors name it: the file, or the record's id within it
      record: record === "(file)" ? r.id : record,
      field: formatIssuePath(at, "(record)"),
      message: `${BAD_TEXT_MESSAGE} (${where})`,
    })),
  );
  return {
    records: [],
    // with nothing located, a document-level error (invalid JSON, say) is likely the bad
    // bytes' own doing, and the UTF-8 error says it better
    errors:
      located.length > 0
        ? [...located, ...result.errors]
        : [whole, ...result.errors.filter((e) => e.field !== "(document)")],
    warnings: result.warnings,
  };
}

type ToRecord = (key: string, raw: unknown, file: string) => SourceRecord | RecordError[] | null;

// MailCore2 and nodemailer ship one JSON object of providers keyed by name. Reads it strictly:
// invalid JSON, a non-object or a key listed twice (JSON.parse would silently keep the last)
// stop the import; an entry the reader skips (a template, a service without a host) is a
// warning naming `skipField` and `skipReason`.
export function readKeyedJsonFile(
  file: string,
  toRecord: ToRecord,
  what: string,
  skip: { field: string; reason: string },
): Promise<ReadResult> {
  const name = file.split("/").pop() ?? file;
  return readSourceFile(file, name, (text) => parseKeyedJson(text, name, toRecord, what, skip));
}

function parseKeyedJson(
  text: string,
  name: string,
  toRecord: ToRecord,
  what: string,
  skip: { field: string; reason: string },
): ReadResult {
  const fail = (message: string): ReadResult => ({
    records: [],
    errors: [{ file: name, record: "(file)", field: "(document)", message }],
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return fail(`invalid JSON: ${error.message}`);
  }
  const top = z.record(z.string().min(1).max(MAX_KEY_LENGTH), z.unknown()).safeParse(json);
  if (!top.success) return fail(`must be an object of ${what}, each named in at most ${MAX_KEY_LENGTH} characters`);
  if (Object.keys(top.data).length > MAX_RECORDS) return fail(`must hold at most ${MAX_RECORDS} ${what}`);
  const records: SourceRecord[] = [];
  const errors: RecordError[] = duplicateTopLevelKeys(text).map((key) => ({
    file: name,
    record: key,
    field: "(key)",
    message: "appears twice in the file; JSON keeps only the last, so one entry would be lost",
  }));
  const warnings: RecordError[] = [];
  for (const [key, raw] of Object.entries(top.data)) {
    const result = toRecord(key, raw, name);
    if (result === null) warnings.push({ file: name, record: key, field: skip.field, message: skip.reason });
    else if (Array.isArray(result)) errors.push(...result);
    else records.push(result);
  }
  return { records, errors, warnings };
}

// Every reader reports a zod failure the same way: the file, the record, the field, the reason.
export function recordErrors(error: z.ZodError, file: string, record: string): RecordError[] {
  return error.issues.map((i) => ({ file, record, field: formatIssuePath(i.path, "(record)"), message: i.message }));
}
