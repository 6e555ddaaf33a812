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
