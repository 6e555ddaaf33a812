import {
  DATA_PROBLEM_SEVERITY,
  ISPDB_PROPERTY_KEYS,
  mapProvider,
  type DataProblem,
  type IspdbPropertyKey,
  type ProviderMapping,
} from "@/lib/ispdb/map";
import { safeParseIspdbXml } from "@/lib/ispdb/parse";
import type { IspdbParseIssue, IspdbProvider } from "@/lib/ispdb/types";

// The pure half of an ISPDB import: a folder's files, already read, become a plan (each file's
// provider with its claims and endpoints) plus a report of what is wrong with the data. Nothing
// here touches the file system or the database, so a whole import can be checked in memory.
// Every file ends up either planned or in `failures`.

export type IspdbFile = { file: string; text: string } | { file: string; readError: string };

export type PlannedProvider = { file: string; provider: IspdbProvider; mapping: ProviderMapping };
export type FileFailure = { file: string; issues: IspdbParseIssue[] };
export type IspdbImportPlan = { files: string[]; providers: PlannedProvider[]; failures: FileFailure[] };

export type ProgressCallback = (phase: "read" | "write", done: number, total: number) => void;

export function planIspdbImport(files: readonly IspdbFile[], onProgress?: ProgressCallback): IspdbImportPlan {
  const providers: PlannedProvider[] = [];
  const failures: FileFailure[] = [];
  for (const [index, entry] of files.entries()) {
    const { file } = entry;
    if ("readError" in entry) {
      failures.push({ file, issues: [{ field: "(file)", message: `cannot read: ${entry.readError}` }] });
    } else {
      const parsed = safeParseIspdbXml(entry.text, file);
      if (parsed.ok)
        providers.push({ file, provider: parsed.provider, mapping: mapProvider(parsed.provider, { file }) });
      else failures.push({ file, issues: parsed.error.issues });
    }
    onProgress?.("read", index + 1, files.length);
  }
  addSharedIdWarnings(providers);
  return { files: files.map((f) => f.file), providers, failures };
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const fileStem = (file: string) => file.replace(/\.xml$/i, "");

// The ISPDB reuses a provider id across regional files (zoho.com for zoho.jp, zoho.in, …).
function providersSharingIds(providers: PlannedProvider[]): Map<string, PlannedProvider[]> {
  const byBase = new Map<string, PlannedProvider[]>();
  for (const p of providers) {
    const base = slugify(p.provider.id);
    byBase.set(base, [...(byBase.get(base) ?? []), p]);
  }
  return byBase;
}

function addSharedIdWarnings(providers: PlannedProvider[]): void {
  for (const group of providersSharingIds(providers).values()) {
    if (group.length < 2) continue;
    for (const p of group) {
      const others = group.filter((o) => o !== p).map((o) => o.file);
      p.mapping.problems.push({
        severity: DATA_PROBLEM_SEVERITY["shared-provider-id"],
        code: "shared-provider-id",
        entry: "(emailProvider)",
        message: `provider id "${p.provider.id}" is also used by ${others.join(", ")}; each file is imported as its own service`,
      });
    }
  }
}

// Slugs come from the provider id (ispdb-aol-com), so they survive re-imports. Where several
// files share an id, the file named after the id keeps the plain slug and the others take their
// file name (ispdb-zoho-jp); a slug held by a reviewed ("data") service is never taken over.
export function planSlugs(
  providers: PlannedProvider[],
  reserved: ReadonlySet<string> = new Set(),
): Map<PlannedProvider, string> {
  const slugs = new Map<PlannedProvider, string>();
  const taken = new Set(reserved);
  const claim = (p: PlannedProvider, wanted: string) => {
    let slug = wanted;
    for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
    taken.add(slug);
    slugs.set(p, slug);
  };
  const groups = [...providersSharingIds(providers).entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [base, group] of groups) {
    const owner = group.find((p) => slugify(fileStem(p.file)) === base) ?? group[0];
    if (owner) claim(owner, `ispdb-${base || "provider"}`);
  }
  for (const [base, group] of groups) {
    for (const p of group) {
      if (!slugs.has(p)) claim(p, `ispdb-${slugify(fileStem(p.file)) || base || "provider"}`);
    }
  }
  return slugs;
}

export type ImportedService = { file: string; providerId: string; slug: string; claims: number; endpoints: number };
export type ReportedProblem = DataProblem & { file: string; providerId: string };

export type ImportReport = {
  asOf: string;
  filesRead: number;
  providersImported: number;
  filesFailed: number;
  failures: FileFailure[];
  imported: ImportedService[];
  claims: number;
  endpoints: number;
  propertyCounts: Record<IspdbPropertyKey, { yes: number; partial: number }>;
  problems: ReportedProblem[];
  unmapped: Array<{ file: string; entry: string }>;
};

// `imported` is what the writer stored; before (or without) a write it is empty and the report
// still lists every failure and data problem of the plan.
export function buildImportReport(plan: IspdbImportPlan, asOf: string, imported: ImportedService[] = []): ImportReport {
  const propertyCounts = Object.fromEntries(
    ISPDB_PROPERTY_KEYS.map((k) => [k, { yes: 0, partial: 0 }]),
  ) as ImportReport["propertyCounts"];
  for (const { mapping } of plan.providers) {
    for (const c of mapping.claims) propertyCounts[c.property][c.value] += 1;
  }
  const severityOrder = { error: 0, warning: 1 };
  const problems = plan.providers
    .flatMap(({ file, provider, mapping }) => mapping.problems.map((p) => ({ file, providerId: provider.id, ...p })))
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.file.localeCompare(b.file));
  return {
    asOf,
    filesRead: plan.files.length,
    providersImported: imported.length,
    filesFailed: plan.failures.length,
    failures: plan.failures,
    imported,
    claims: imported.reduce((n, r) => n + r.claims, 0),
    endpoints: imported.reduce((n, r) => n + r.endpoints, 0),
    propertyCounts,
    problems,
    unmapped: plan.providers.flatMap(({ file, mapping }) => mapping.unmapped.map((entry) => ({ file, entry }))),
  };
}
