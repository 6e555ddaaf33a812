import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { buildSearchText } from "@/lib/catalogue/search-text";
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

// Reading a folder of ISPDB files and writing it to the catalogue. Every file ends up either
// imported or in `failures`; the database is written in one transaction after all files are
// parsed, so a crash half-way leaves the previous import intact.

export const ISPDB_SOURCE = {
  key: "thunderbird-ispdb",
  kind: "dataset",
  title: "Thunderbird ISPDB",
  url: "https://github.com/thunderbird/autoconfig",
} as const;

export type LoadedProvider = { file: string; provider: IspdbProvider; mapping: ProviderMapping };
export type FileFailure = { file: string; issues: IspdbParseIssue[] };
export type LoadedFolder = { files: string[]; providers: LoadedProvider[]; failures: FileFailure[] };

export type ReportedProblem = DataProblem & { file: string; providerId: string };

export type ImportReport = {
  asOf: string;
  filesRead: number;
  providersImported: number;
  filesFailed: number;
  failures: FileFailure[];
  imported: Array<{ file: string; providerId: string; slug: string; claims: number; endpoints: number }>;
  claims: number;
  endpoints: number;
  propertyCounts: Record<IspdbPropertyKey, { yes: number; partial: number }>;
  problems: ReportedProblem[];
  unmapped: Array<{ file: string; entry: string }>;
};

export type ProgressCallback = (phase: "read" | "write", done: number, total: number) => void;

export async function loadIspdbFolder(folder: string, onProgress?: ProgressCallback): Promise<LoadedFolder> {
  const files = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".xml"))
    .map((e) => e.name)
    .sort();
  const providers: LoadedProvider[] = [];
  const failures: FileFailure[] = [];
  for (const [index, file] of files.entries()) {
    let text: string | undefined;
    try {
      text = await readFile(path.join(folder, file), "utf8");
    } catch (error) {
      failures.push({ file, issues: [{ field: "(file)", message: `cannot read: ${(error as Error).message}` }] });
    }
    if (text !== undefined) {
      const parsed = safeParseIspdbXml(text, file);
      if (parsed.ok)
        providers.push({ file, provider: parsed.provider, mapping: mapProvider(parsed.provider, { file }) });
      else failures.push({ file, issues: parsed.error.issues });
    }
    onProgress?.("read", index + 1, files.length);
  }
  addSharedIdWarnings(providers);
  return { files, providers, failures };
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
function providersSharingIds(providers: LoadedProvider[]): Map<string, LoadedProvider[]> {
  const byBase = new Map<string, LoadedProvider[]>();
  for (const p of providers) {
    const base = slugify(p.provider.id);
    byBase.set(base, [...(byBase.get(base) ?? []), p]);
  }
  return byBase;
}

function addSharedIdWarnings(providers: LoadedProvider[]): void {
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
  providers: LoadedProvider[],
  reserved: ReadonlySet<string> = new Set(),
): Map<LoadedProvider, string> {
  const slugs = new Map<LoadedProvider, string>();
  const taken = new Set(reserved);
  const claim = (p: LoadedProvider, wanted: string) => {
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

export function emptyPropertyCounts(): ImportReport["propertyCounts"] {
  return Object.fromEntries(
    ISPDB_PROPERTY_KEYS.map((k) => [k, { yes: 0, partial: 0 }]),
  ) as ImportReport["propertyCounts"];
}

export async function writeIspdbImport(
  db: PrismaClient,
  loaded: LoadedFolder,
  options: { asOf: string; onProgress?: ProgressCallback },
): Promise<ImportReport> {
  const { asOf, onProgress } = options;
  const imported = await db.$transaction(
    async (tx) => {
      const properties = await tx.property.findMany({ where: { key: { in: [...ISPDB_PROPERTY_KEYS] } } });
      const propertyIds = new Map(properties.map((p) => [p.key, p.id]));
      const missing = ISPDB_PROPERTY_KEYS.filter((k) => !propertyIds.has(k));
      if (missing.length > 0) {
        throw new Error(
          `the database has no propert${missing.length === 1 ? "y" : "ies"} ${missing.join(", ")}; seed it first (npm run db:seed)`,
        );
      }
      const fields = { kind: ISPDB_SOURCE.kind, title: ISPDB_SOURCE.title, url: ISPDB_SOURCE.url, asOf };
      const source = await tx.source.upsert({
        where: { key: ISPDB_SOURCE.key },
        create: { key: ISPDB_SOURCE.key, ...fields },
        update: fields,
      });

      // Slugs held by anything that is not ours: services of another origin, and companies that
      // own such a service.
      const foreign = await tx.service.findMany({
        where: { origin: { not: "ispdb" } },
        select: { slug: true, company: { select: { slug: true } } },
      });
      const slugs = planSlugs(loaded.providers, new Set(foreign.flatMap((s) => [s.slug, s.company.slug])));

      const rows: ImportReport["imported"] = [];
      for (const [index, loadedProvider] of loaded.providers.entries()) {
        const { file, provider, mapping } = loadedProvider;
        const slug = slugs.get(loadedProvider)!;
        const companyFields = { name: provider.displayName, nameEn: null, homepage: null };
        const company = await tx.company.upsert({
          where: { slug },
          create: { slug, ...companyFields },
          update: companyFields,
        });
        const serviceFields = {
          companyId: company.id,
          name: provider.displayName,
          nameEn: null,
          plan: null,
          // the ISPDB does not say whether a provider serves people or businesses
          segment: null,
          homepage: null,
          status: "active",
          statusAsOf: null,
          editorsPick: false,
          origin: "ispdb",
          searchText: buildSearchText([provider.displayName, provider.shortName, provider.id, ...provider.domains]),
        } satisfies Prisma.ServiceUncheckedUpdateInput;
        const service = await tx.service.upsert({
          where: { slug },
          create: { slug, ...serviceFields },
          update: serviceFields,
        });
        await tx.claim.deleteMany({ where: { serviceId: service.id, sourceId: source.id } });
        await tx.claim.createMany({
          data: mapping.claims.map((c) => ({
            serviceId: service.id,
            propertyId: propertyIds.get(c.property)!,
            sourceId: source.id,
            value: c.value,
            asOf,
            note: c.note,
            details: c.details,
          })),
        });
        await tx.endpoint.deleteMany({ where: { serviceId: service.id, sourceId: source.id } });
        await tx.endpoint.createMany({
          data: mapping.endpoints.map((e) => ({
            serviceId: service.id,
            direction: e.direction,
            protocol: e.protocol,
            host: e.host,
            port: e.port,
            security: e.security,
            authMethods: e.authMethods,
            sourceId: source.id,
            asOf,
          })),
        });
        rows.push({
          file,
          providerId: provider.id,
          slug,
          claims: mapping.claims.length,
          endpoints: mapping.endpoints.length,
        });
        onProgress?.("write", index + 1, loaded.providers.length);
      }
      await refreshCurrentClaims(tx);
      return rows;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return buildReport(loaded, asOf, imported);
}

export function buildReport(loaded: LoadedFolder, asOf: string, imported: ImportReport["imported"]): ImportReport {
  const propertyCounts = emptyPropertyCounts();
  for (const { mapping } of loaded.providers) {
    for (const c of mapping.claims) propertyCounts[c.property][c.value] += 1;
  }
  const severityOrder = { error: 0, warning: 1 };
  const problems = loaded.providers
    .flatMap(({ file, provider, mapping }) => mapping.problems.map((p) => ({ file, providerId: provider.id, ...p })))
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.file.localeCompare(b.file));
  return {
    asOf,
    filesRead: loaded.files.length,
    providersImported: imported.length,
    filesFailed: loaded.failures.length,
    failures: loaded.failures,
    imported,
    claims: imported.reduce((n, r) => n + r.claims, 0),
    endpoints: imported.reduce((n, r) => n + r.endpoints, 0),
    propertyCounts,
    problems,
    unmapped: loaded.providers.flatMap(({ file, mapping }) => mapping.unmapped.map((entry) => ({ file, entry }))),
  };
}

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const errors = report.problems.filter((p) => p.severity === "error");
  const warnings = report.problems.filter((p) => p.severity === "warning");
  lines.push(
    `Thunderbird ISPDB import, as of ${report.asOf}`,
    `  files read:          ${report.filesRead}`,
    `  providers imported:  ${report.providersImported}`,
    `  files failed:        ${report.filesFailed}`,
    `  claims written:      ${report.claims}`,
    `  endpoints written:   ${report.endpoints}`,
    "",
    "Claims per property (yes / partial):",
    ...ISPDB_PROPERTY_KEYS.map(
      (k) =>
        `  ${k.padEnd(20)} ${String(report.propertyCounts[k].yes).padStart(4)} / ${report.propertyCounts[k].partial}`,
    ),
  );
  if (report.failures.length > 0) {
    lines.push("", `Files NOT imported (${report.failures.length}); fix them and run again:`);
    for (const f of report.failures) {
      for (const i of f.issues) lines.push(`  ${f.file}: field ${i.field}: ${i.message}`);
    }
  }
  lines.push(
    "",
    `Data problems in the ISPDB (imported as stated): ${errors.length} error(s), ${warnings.length} warning(s)`,
  );
  for (const p of [...errors, ...warnings]) {
    lines.push(`  ${p.severity.padEnd(7)} ${p.file}  ${p.entry}  [${p.code}] ${p.message}`);
  }
  if (report.unmapped.length > 0) {
    lines.push("", "Entries not stored (no property or endpoint protocol describes them):");
    for (const u of report.unmapped) lines.push(`  ${u.file}  ${u.entry}`);
  }
  return lines.join("\n");
}
