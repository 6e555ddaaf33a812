import { readdir } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { documentationFileSchema, type DocumentationFile } from "@/lib/schemas/documentation";
import { editorialFileSchema, type EditorialFile } from "@/lib/sources/editorial";
import { DATASET_KEYS, snapshotSchema, type Snapshot } from "@/lib/sources/record";
import {
  clientFileSchema,
  propertyFileSchema,
  providerFileSchema,
  sourceFileSchema,
  type ClaimRecord,
  type ClientRecord,
  type CompanyRecord,
  type PropertyRecord,
  type SourceRecord,
} from "@/lib/schemas/data";
import { calendarFileSchema, type CalendarEntry } from "@/lib/schemas/calendar";
import { formatIssuePath } from "@/lib/schemas/issue-path";
import { BAD_TEXT_MESSAGE, pathsOfBadText, readTextFile } from "@/lib/sources/read-text";

export type CatalogueData = {
  properties: PropertyRecord[];
  sources: SourceRecord[];
  companies: CompanyRecord[];
  clients: ClientRecord[];
  documentation: DocumentationFile[];
  snapshots: Snapshot[];
  editorial: EditorialFile;
  calendar: CalendarEntry[];
};

export const DATA_FILES = {
  properties: "properties.json",
  sources: "sources.json",
  companies: "companies.json",
  clients: "clients.json",
  editorial: "editorial.json",
  calendar: "calendar.json",
} as const;
export const DOCUMENTATION_DIR = "documentation";
export const SNAPSHOT_DIR = "snapshots";

// One problem in one data file, precise enough for a reviewer to go straight to it.
export type DataIssue = { file: string; record: string; field: string; message: string };

export class DataValidationError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(
      `Invalid data (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  ${i.file}: record ${i.record}, field ${i.field}: ${i.message}`).join("\n"),
    );
    this.name = "DataValidationError";
  }
}

function describeRecord(records: unknown, index: number | undefined): string {
  if (index === undefined) return "(file)";
  const record = Array.isArray(records)
    ? (records[index] as { slug?: unknown; key?: unknown; id?: unknown } | undefined)
    : undefined;
  const id = [record?.slug, record?.key, record?.id].find((v): v is string => typeof v === "string");
  return id ? `#${index + 1} "${id}"` : `#${index + 1}`;
}

// Where a path into a file's JSON points, as the schema issues say it: the record (for a file
// that is a list) and the field within it.
function locate(json: unknown, at: readonly PropertyKey[]): { record: string; field: string } {
  const [first, ...rest] = at;
  const index = typeof first === "number" ? first : undefined;
  return {
    record: describeRecord(json, index),
    field: formatIssuePath(index === undefined ? at : rest, "(whole record)"),
  };
}

// A file is read whole, so it has a size limit; and strict UTF-8, so a bad byte is an error
// naming the fields it landed in rather than a U+FFFD on a page.
async function readJsonFile(file: string, displayName: string): Promise<{ json?: unknown; issues?: DataIssue[] }> {
  const fileIssue = (message: string): { issues: DataIssue[] } => ({
    issues: [{ file: displayName, record: "(file)", field: "(file)", message }],
  });
  let read;
  try {
    read = await readTextFile(file);
  } catch (error) {
    return fileIssue(`cannot read: ${(error as Error).message}`);
  }
  if (!read.ok && read.reason === "too-large") return fileIssue(read.message);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    return fileIssue(`not valid JSON: ${(error as Error).message}`);
  }
  if (!read.ok) {
    const where = `the file's first bad byte is at line ${read.line}, byte offset ${read.byte}`;
    const located = pathsOfBadText(json).map((at) => ({
      file: displayName,
      ...locate(json, at),
      message: `${BAD_TEXT_MESSAGE} (${where})`,
    }));
    return located.length > 0 ? { issues: located } : fileIssue(read.message);
  }
  return { json };
}

function parseWith<S extends z.ZodType>(
  schema: S,
  json: unknown,
  displayName: string,
  issues: DataIssue[],
): z.infer<S> | undefined {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    issues.push({ file: displayName, ...locate(json, issue.path), message: issue.message });
  return undefined;
}

// Checks that hold across files: every claim names a known property and source, slugs are unique.
function checkReferences(data: CatalogueData, issues: DataIssue[]): void {
  const properties = new Map(data.properties.map((p) => [p.key, p]));
  const sources = new Set(data.sources.map((s) => s.key));

  const checkClaims = (
    file: string,
    record: string,
    claims: ClaimRecord[],
    subject: "service" | "client",
    prefix: string,
  ) => {
    const seen = new Set<string>();
    claims.forEach((claim, i) => {
      const property = properties.get(claim.property);
      if (!property) {
        issues.push({
          file,
          record,
          field: `${prefix}claims[${i}].property`,
          message: `unknown property "${claim.property}" (not in ${DATA_FILES.properties})`,
        });
      } else if (property.appliesTo !== "both" && property.appliesTo !== subject) {
        issues.push({
          file,
          record,
          field: `${prefix}claims[${i}].property`,
          message: `property "${claim.property}" does not apply to a ${subject}`,
        });
      }
      if (!sources.has(claim.source)) {
        issues.push({
          file,
          record,
          field: `${prefix}claims[${i}].source`,
          message: `unknown source "${claim.source}" (not in ${DATA_FILES.sources})`,
        });
      }
      const key = `${claim.property}|${claim.source}|${claim.asOf}`;
      if (seen.has(key)) {
        issues.push({
          file,
          record,
          field: `${prefix}claims[${i}]`,
          message: `duplicate claim for "${claim.property}" from "${claim.source}" on ${claim.asOf}`,
        });
      }
      seen.add(key);
    });
  };

  const duplicates = (file: string, keys: string[], what: string) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key))
        issues.push({ file, record: `#${i + 1} "${key}"`, field: "slug", message: `duplicate ${what} "${key}"` });
      seen.add(key);
    });
  };

  duplicates(
    DATA_FILES.properties,
    data.properties.map((p) => p.key),
    "property key",
  );
  duplicates(
    DATA_FILES.sources,
    data.sources.map((s) => s.key),
    "source key",
  );
  duplicates(
    DATA_FILES.companies,
    data.companies.map((c) => c.slug),
    "company slug",
  );
  duplicates(
    DATA_FILES.clients,
    data.clients.map((c) => c.slug),
    "client slug",
  );

  const serviceSlugs = new Set<string>();
  data.companies.forEach((company, ci) => {
    const record = `#${ci + 1} "${company.slug}"`;
    company.services.forEach((service, si) => {
      const prefix = `services[${si}].`;
      if (serviceSlugs.has(service.slug)) {
        issues.push({
          file: DATA_FILES.companies,
          record,
          field: `${prefix}slug`,
          message: `duplicate service slug "${service.slug}"`,
        });
      }
      serviceSlugs.add(service.slug);
      checkClaims(DATA_FILES.companies, record, service.claims, "service", prefix);
      service.endpoints.forEach((endpoint, ei) => {
        if (!sources.has(endpoint.source)) {
          issues.push({
            file: DATA_FILES.companies,
            record,
            field: `${prefix}endpoints[${ei}].source`,
            message: `unknown source "${endpoint.source}"`,
          });
        }
      });
    });
  });
  data.clients.forEach((client, i) =>
    checkClaims(DATA_FILES.clients, `#${i + 1} "${client.slug}"`, client.claims, "client", ""),
  );

  // Calendar entries name clients of clients.json; the services they name exist only once the
  // sources are merged, so planCatalogue checks those.
  duplicates(
    DATA_FILES.calendar,
    data.calendar.map((e) => e.id),
    "calendar id",
  );
  const clientSlugs = new Set(data.clients.map((c) => c.slug));
  data.calendar.forEach((entry, i) =>
    entry.clients.forEach((slug, ci) => {
      if (!clientSlugs.has(slug))
        issues.push({
          file: DATA_FILES.calendar,
          record: `#${i + 1} "${entry.id}"`,
          field: `clients[${ci}]`,
          message: `unknown mail client "${slug}" (not in ${DATA_FILES.clients})`,
        });
    }),
  );
}

// Documentation and snapshots, checked across files: one snapshot per dataset, named after it;
// document keys unique across files and apart from the reviewed sources'.
function checkSourceFiles(data: CatalogueData, issues: DataIssue[]): void {
  const datasets = new Set<string>();
  for (const s of data.snapshots) {
    if (datasets.has(s.dataset.key)) {
      issues.push({
        file: `${SNAPSHOT_DIR}/${s.dataset.key}.json`,
        record: "(file)",
        field: "dataset.key",
        message: `a second snapshot of "${s.dataset.key}"`,
      });
    }
    datasets.add(s.dataset.key);
  }
  const keys = new Map<string, string>(data.sources.map((s) => [s.key, DATA_FILES.sources]));
  for (const key of DATASET_KEYS) keys.set(key, SNAPSHOT_DIR);
  for (const file of data.documentation) {
    const name = `${DOCUMENTATION_DIR}/${file.slug}.json`;
    file.documents.forEach((d, i) => {
      const other = keys.get(d.key);
      if (other)
        issues.push({
          file: name,
          record: `"${file.slug}"`,
          field: `documents[${i}].key`,
          message: `"${d.key}" is already a source key in ${other}`,
        });
      keys.set(d.key, name);
    });
  }
}

// Reads and checks every file before anything is written; throws DataValidationError listing
// every problem found, so one run shows a reviewer all of them.
export async function loadCatalogueData(dataDir: string): Promise<CatalogueData> {
  const issues: DataIssue[] = [];
  const load = async <S extends z.ZodType>(name: string, schema: S): Promise<z.infer<S> | undefined> => {
    const { json, issues: unread } = await readJsonFile(path.join(dataDir, name), name);
    if (unread) {
      issues.push(...unread);
      return undefined;
    }
    return parseWith(schema, json, name, issues);
  };

  const folder = async <S extends z.ZodType>(dir: string, schema: S): Promise<z.infer<S>[]> => {
    const names = (await readdir(path.join(dataDir, dir)).catch(() => [])).filter((f) => f.endsWith(".json")).sort();
    const files = await Promise.all(names.map((n) => load(path.join(dir, n), schema)));
    return files.filter((f) => f !== undefined);
  };

  const [properties, sources, companies, clients, editorial, calendar, documentation, snapshots] = await Promise.all([
    load(DATA_FILES.properties, propertyFileSchema),
    load(DATA_FILES.sources, sourceFileSchema),
    load(DATA_FILES.companies, providerFileSchema),
    load(DATA_FILES.clients, clientFileSchema),
    load(DATA_FILES.editorial, editorialFileSchema),
    load(DATA_FILES.calendar, calendarFileSchema),
    folder(DOCUMENTATION_DIR, documentationFileSchema),
    folder(SNAPSHOT_DIR, snapshotSchema),
  ]);

  if (!properties || !sources || !companies || !clients || !editorial || !calendar || issues.length > 0) {
    throw new DataValidationError(issues);
  }
  const data: CatalogueData = {
    properties,
    sources,
    companies,
    clients,
    editorial,
    calendar,
    documentation,
    snapshots,
  };
  checkSourceFiles(data, issues);
  checkReferences(data, issues);
  if (issues.length > 0) throw new DataValidationError(issues);
  return data;
}
