import type { ApiClaim } from "@/lib/catalogue/api-shape";
import { httpDateSeconds, type Validators } from "@/lib/open-data/http";

// RFC 4180: fields are separated by commas, records end in CRLF, and a field holding a comma, a
// double quote, CR or LF is enclosed in double quotes with each quote doubled. Other fields are
// left bare, so a reader that splits on commas still reads the plain columns right.
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

// Excel in a Japanese locale opens a CSV without a byte order mark as Shift_JIS (CP932), which
// turns every Japanese service name into mojibake; with the UTF-8 BOM it reads UTF-8. Most CSV
// libraries skip the mark (Python's "utf-8-sig", pandas, csv-parse with `bom: true`), and
// parseCsv below does too.
export const UTF8_BOM = "\uFEFF";

// The reverse of toCsv, for the exports' round-trip tests and anyone checking a download: quoted
// fields may hold commas, doubled quotes and line breaks. Throws on a quote inside a bare field or
// text after a closing quote, which toCsv never writes.
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRecord = () => {
    rows.push(row);
    row = [];
  };
  while (i < input.length) {
    let field = "";
    if (input[i] === '"') {
      i++;
      for (;;) {
        const quote = input.indexOf('"', i);
        if (quote === -1) throw new Error("CSV: a quoted field is not closed");
        field += input.slice(i, quote);
        i = quote + 1;
        if (input[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = input.slice(i).search(/[,\r\n]/);
      field = end === -1 ? input.slice(i) : input.slice(i, i + end);
      if (field.includes('"')) throw new Error(`CSV: a double quote inside the bare field ${field}`);
      i = end === -1 ? input.length : i + end;
    }
    row.push(field);
    if (i >= input.length) {
      endRecord();
      break;
    }
    const next = input[i];
    if (next === ",") {
      i++;
      // a comma at the very end of the text starts an empty last field
      if (i === input.length) {
        row.push("");
        endRecord();
      }
    } else if (next === "\r" && input[i + 1] === "\n") {
      i += 2;
      endRecord();
    } else if (next === "\n") {
      i++;
      endRecord();
    } else {
      throw new Error(`CSV: unexpected ${JSON.stringify(next)} after a field`);
    }
  }
  return rows;
}

// One exported service: what the catalogue's version covers (lib/catalogue/state.ts), so a cached
// CSV is never staler than the catalogue it was made from.
export type CsvService = {
  slug: string;
  name: string;
  nameEn: string | null;
  plan: string | null;
  segment: string | null;
  kind: string;
  status: string;
  newestEvidence: string | null;
  support: Record<string, Pick<ApiClaim, "value" | "asOf">>;
};

export const CSV_FIXED_COLUMNS = [
  "slug",
  "name",
  "name_en",
  "plan",
  "segment",
  "kind",
  "status",
  "newest_evidence",
  "page_url",
  "api_url",
] as const;

// A column per property holds its value, where "unknown" (no source says anything) is spelt out
// and never left blank, so it cannot be read as "no"; the column beside it holds that value's date.
export function catalogueCsv(services: readonly CsvService[], propertyKeys: readonly string[], origin = ""): string {
  const header = [...CSV_FIXED_COLUMNS, ...propertyKeys.flatMap((key) => [key, `${key}_as_of`])];
  const rows = services.map((s) => [
    s.slug,
    s.name,
    s.nameEn ?? "",
    s.plan ?? "",
    s.segment ?? "",
    s.kind,
    s.status,
    s.newestEvidence ?? "",
    `${origin}/ja/providers/${s.slug}`,
    `${origin}/api/providers/${s.slug}`,
    ...propertyKeys.flatMap((key) => {
      const claim = s.support[key];
      return [claim?.value ?? "unknown", claim?.asOf ?? ""];
    }),
  ]);
  return UTF8_BOM + toCsv([header, ...rows]);
}

export const CSV_FILE_NAME = "mail-security-compass-providers.csv";

// The CSV takes the catalogue's filters (q, segment, kind, has, sort) and ignores paging: every
// matching service is in the one file. Page, page size and the comparison selection are dropped
// before the cache key is made, so they do not split the cache.
export function csvQuery(search: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams(search);
  for (const name of ["page", "per", "s"]) query.delete(name);
  return query;
}

// Names the format, the version and the query: the same version and query give the same bytes
// (everything in the file is covered by the version, lib/catalogue/state.ts).
export function csvEtag(version: string, key: string): string {
  return `"csv.${version}.${key}"`;
}

export function csvValidators(version: string, key: string, changedAt: Date): Validators {
  return { etag: csvEtag(version, key), lastModified: httpDateSeconds(changedAt) };
}
