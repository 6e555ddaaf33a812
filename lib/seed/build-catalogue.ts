import { DATA_FILES, DataValidationError, type CatalogueData, type DataIssue } from "@/lib/seed/load-data";
import type { ClaimRecord, ClientRecord, PropertyRecord, SourceRecord as ReviewedSource } from "@/lib/schemas/data";
import type { DocumentationFile, Kind } from "@/lib/schemas/documentation";
import { DATASETS } from "@/lib/sources/datasets";
import { claimsFromSettings, insecureSettings, loginClaims, type ClaimWarning } from "@/lib/sources/claims";
import { mergeSources, refOf, type MergeInput, type MergedService } from "@/lib/sources/merge";
import { describeSetting, type DatasetKey, type Finding, type Setting, type Snapshot } from "@/lib/sources/record";

// Turns every validated input (reviewed files, documentation, dataset snapshots, editorial
// decisions) into one plan of sources, companies, services, claims and endpoints. Pure: the
// writer stores the plan in one transaction, so what the site serves is exactly this.

export type SourceKind = "page" | "documentation" | "dataset" | "probe";

export type PlannedSource = {
  key: string;
  kind: SourceKind;
  title: string;
  titleEn: string | null;
  url: string | null;
  // the date the source is cited with: a page's own date, the day an undated page was read, a
  // dataset's last change
  asOf: string | null;
  // a page that shows no date of its own; cited with the day it was read
  undated: boolean;
  version: string | null;
  license: string | null;
  note: string | null;
};

export type PlannedClaim = {
  property: string;
  source: string;
  value: "yes" | "no" | "partial" | "unknown";
  asOf: string;
  // when someone last checked the fact; null for a dataset entry without a date of its own
  verifiedOn: string | null;
  note: string | null;
  noteEn: string | null;
  warnings: ClaimWarning[];
  details: { records?: string[]; settings?: string[] } | null;
};

export type PlannedEndpoint = {
  direction: "incoming" | "outgoing";
  protocol: "pop3" | "imap" | "smtp";
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  authMethods: string[];
  source: string;
  asOf: string;
};

// Shown on the service page: a dataset's status for the provider, a documentation warning in
// the provider's own context, or a data-quality finding from an import.
export type PlannedNotice =
  | { kind: "status"; source: string; status: "preparation" | "broken"; asOf: string }
  | { kind: "warning"; source: string; ja: string; en: string }
  | { kind: "finding"; source: string; code: Finding["code"]; setting: string | null; message: string };

export type PlannedService = {
  slug: string;
  name: string;
  nameEn: string | null;
  kana: string | null;
  plan: string | null;
  kind: Kind;
  kindBasis: MergedService["kindBasis"];
  segment: "personal" | "business" | null;
  homepage: string | null;
  status: "active" | "renamed" | "discontinued";
  statusAsOf: string | null;
  editorsPick: boolean;
  formerNames: Array<{ name: string; until: string | null }>;
  domains: string[];
  mxPatterns: string[];
  hostPatterns: string[];
  members: string[];
  claims: PlannedClaim[];
  endpoints: PlannedEndpoint[];
  notices: PlannedNotice[];
  // settings that send a password without TLS, as the sources list them
  insecureSettings: Array<{ source: string; setting: string }>;
};

export type PlannedCompany = {
  slug: string;
  name: string;
  nameEn: string | null;
  homepage: string | null;
  services: PlannedService[];
};

export type CataloguePlan = {
  properties: PropertyRecord[];
  sources: PlannedSource[];
  companies: PlannedCompany[];
  clients: ClientRecord[];
};

export type CatalogueInputs = MergeInput & {
  properties: PropertyRecord[];
  sources: ReviewedSource[];
  clients: ClientRecord[];
};

const DIRECTION = { pop3: "incoming", imap: "incoming", smtp: "outgoing" } as const;

function datasetSource(s: Snapshot): PlannedSource {
  const d = s.dataset;
  return {
    key: d.key,
    kind: "dataset",
    title: d.title,
    titleEn: d.title,
    url: d.url,
    asOf: d.date,
    undated: false,
    version: d.version,
    license: d.license,
    note: null,
  };
}

function documentSources(file: DocumentationFile): PlannedSource[] {
  return file.documents.map((d) => ({
    key: d.key,
    kind: d.publisher === "first-party" ? "documentation" : "page",
    title: d.title,
    titleEn: null,
    url: d.url,
    asOf: d.published ?? d.recorded,
    undated: d.published === null,
    version: null,
    license: null,
    note: null,
  }));
}

function reviewedClaim(c: ClaimRecord, sources: Map<string, PlannedSource>): PlannedClaim {
  const source = sources.get(c.source);
  return {
    property: c.property,
    source: c.source,
    value: c.value,
    asOf: c.asOf,
    // a page states what was true on its date
    verifiedOn: source?.kind === "dataset" ? null : c.asOf,
    note: c.note ?? null,
    noteEn: c.noteEn ?? null,
    warnings: [],
    details: null,
  };
}

function uniqueSettings(settings: Setting[]): Setting[] {
  const seen = new Set<string>();
  return settings.filter((s) => {
    const key = describeSetting(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function endpointsOf(settings: Setting[], source: string, asOf: string): PlannedEndpoint[] {
  return settings.map((s) => ({
    direction: DIRECTION[s.protocol],
    protocol: s.protocol,
    host: s.host,
    port: s.port,
    security: s.security,
    authMethods: s.auth,
    source,
    asOf,
  }));
}

function planService(
  merged: MergedService,
  inputs: CatalogueInputs,
  sources: Map<string, PlannedSource>,
  propertyKeys: Set<string>,
): PlannedService {
  const claims: PlannedClaim[] = [];
  const endpoints: PlannedEndpoint[] = [];
  const notices: PlannedNotice[] = [];
  const insecure: PlannedService["insecureSettings"] = [];
  let reviewed: Extract<MergedService["members"][number], { kind: "reviewed" }> | undefined;

  for (const m of merged.members) {
    if (m.kind === "reviewed") {
      reviewed = m;
      claims.push(...m.service.claims.map((c) => reviewedClaim(c, sources)));
      endpoints.push(...m.service.endpoints.map((e) => ({ ...e, authMethods: e.authMethods })));
    }
  }

  // one claim per dataset and property, from all of that dataset's records for the provider
  const byDataset = new Map<DatasetKey, Extract<MergedService["members"][number], { kind: "dataset" }>[]>();
  for (const m of merged.members) {
    if (m.kind !== "dataset") continue;
    byDataset.set(m.dataset, [...(byDataset.get(m.dataset) ?? []), m]);
  }
  for (const [dataset, members] of byDataset) {
    const snapshot = inputs.snapshots.find((s) => s.dataset.key === dataset)!;
    const asOf = snapshot.dataset.date;
    const settings = uniqueSettings(members.flatMap((m) => m.record.settings));
    const checked =
      members
        .map((m) => m.record.checked)
        .filter((c): c is string => c !== null)
        .sort()
        .at(-1) ?? null;
    const records = members.map((m) => m.record.id);
    for (const derived of claimsFromSettings(settings, DATASETS[dataset].logsInByDefault)) {
      claims.push({
        property: derived.property,
        source: dataset,
        value: derived.value,
        asOf,
        verifiedOn: checked,
        note: derived.settings.join("; "),
        noteEn: null,
        warnings: derived.warnings,
        details: { records, settings: derived.settings },
      });
    }
    for (const login of loginClaims(members.map((m) => m.record))) {
      if (!propertyKeys.has(login.property)) continue;
      claims.push({
        property: login.property,
        source: dataset,
        value: login.value,
        asOf,
        verifiedOn: checked,
        // settings are language-neutral; without them the entry itself is the statement
        note: login.settings.length > 0 ? login.settings.join("; ") : null,
        noteEn: null,
        warnings: [],
        details: login.settings.length > 0 ? { records, settings: login.settings } : { records },
      });
    }
    endpoints.push(...endpointsOf(settings, dataset, asOf));
    insecure.push(
      ...insecureSettings(settings, DATASETS[dataset].logsInByDefault).map((setting) => ({ source: dataset, setting })),
    );
    for (const m of members) {
      if (m.record.status === "preparation" || m.record.status === "broken") {
        notices.push({ kind: "status", source: dataset, status: m.record.status, asOf: m.record.checked ?? asOf });
      }
      for (const f of m.record.findings) {
        notices.push({ kind: "finding", source: dataset, code: f.code, setting: f.setting, message: f.message });
      }
    }
  }

  const doc = merged.members.find(
    (m): m is Extract<MergedService["members"][number], { kind: "documentation" }> => m.kind === "documentation",
  )?.file;
  if (doc) {
    const docDate = new Map(doc.documents.map((d) => [d.key, d.published ?? d.recorded]));
    const explicit = new Set(doc.facts.map((f) => `${f.property}|${f.document}`));
    for (const f of doc.facts) {
      if (!propertyKeys.has(f.property)) continue;
      const date = docDate.get(f.document)!;
      claims.push({
        property: f.property,
        source: f.document,
        value: f.value,
        asOf: date,
        verifiedOn: date,
        note: f.note,
        noteEn: f.noteEn,
        warnings: [],
        details: null,
      });
    }
    // what a documented setting proves, where the page states no fact of its own about it
    const byDocument = new Map<string, Setting[]>();
    for (const e of doc.endpoints) {
      const setting: Setting = {
        protocol: e.protocol,
        host: e.host,
        port: e.port,
        security: e.security,
        auth: e.auth ?? [],
      };
      byDocument.set(e.document, [...(byDocument.get(e.document) ?? []), setting]);
    }
    for (const [document, settings] of byDocument) {
      const date = docDate.get(document)!;
      for (const derived of claimsFromSettings(settings, true)) {
        if (explicit.has(`${derived.property}|${document}`)) {
          const fact = claims.find((c) => c.property === derived.property && c.source === document);
          if (fact) fact.warnings = derived.warnings;
          continue;
        }
        claims.push({
          property: derived.property,
          source: document,
          value: derived.value,
          asOf: date,
          verifiedOn: date,
          note: derived.settings.join("; "),
          noteEn: null,
          warnings: derived.warnings,
          details: { settings: derived.settings },
        });
      }
      endpoints.push(...endpointsOf(settings, document, date));
      insecure.push(...insecureSettings(settings, true).map((setting) => ({ source: document, setting })));
    }
    notices.push(...doc.warnings.map((w) => ({ kind: "warning" as const, source: w.document, ja: w.ja, en: w.en })));
  }

  const service = reviewed?.service;
  return {
    slug: merged.slug,
    name: merged.name,
    nameEn: merged.nameEn,
    kana: merged.kana,
    plan: service?.plan ?? null,
    kind: merged.kind,
    kindBasis: merged.kindBasis,
    segment: merged.segment,
    homepage: merged.homepage,
    status: service?.status ?? "active",
    statusAsOf: service?.statusAsOf ?? null,
    editorsPick: service?.editorsPick ?? false,
    formerNames: (service?.formerNames ?? []).map((f) => ({ name: f.name, until: f.until ?? null })),
    domains: merged.domains,
    mxPatterns: merged.mxPatterns,
    hostPatterns: merged.hostPatterns,
    members: merged.members.map(refOf),
    claims,
    endpoints: dedupeEndpoints(endpoints),
    notices,
    insecureSettings: insecure,
  };
}

// The endpoint table holds one row per protocol, host, port and source.
function dedupeEndpoints(endpoints: PlannedEndpoint[]): PlannedEndpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((e) => {
    const key = `${e.protocol}|${e.host}|${e.port}|${e.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// A domain two services list (cox.net in Yahoo's ISPDB file and in Cox's own record) belongs to
// the more specific one: the service listing the fewest domains.
function assignDomains(merged: MergedService[]): void {
  const owner = new Map<string, MergedService>();
  for (const m of merged) {
    for (const d of m.domains) {
      const current = owner.get(d);
      if (!current || m.domains.length < current.domains.length) owner.set(d, m);
    }
  }
  for (const m of merged) m.domains = m.domains.filter((d) => owner.get(d) === m);
}

// The plan from loaded, validated files; problems only visible after merging (an editorial
// entry for a service that does not exist) are reported like any other data problem.
export function planCatalogue(data: CatalogueData): CataloguePlan {
  const plan = buildCataloguePlan({ ...data, reviewed: data.companies });
  const slugs = new Set(plan.companies.flatMap((c) => c.services.map((s) => s.slug)));
  const issues: DataIssue[] = Object.keys(data.editorial.services)
    .filter((slug) => !slugs.has(slug))
    .map((slug) => ({
      file: DATA_FILES.editorial,
      record: `services."${slug}"`,
      field: "(key)",
      message: `no service has the slug "${slug}" after merging`,
    }));
  data.calendar.forEach((entry, i) =>
    entry.services.forEach((slug, si) => {
      if (!slugs.has(slug))
        issues.push({
          file: DATA_FILES.calendar,
          record: `#${i + 1} "${entry.id}"`,
          field: `services[${si}]`,
          message: `no service has the slug "${slug}" after merging`,
        });
    }),
  );
  if (issues.length > 0) throw new DataValidationError(issues);
  return plan;
}

export function buildCataloguePlan(inputs: CatalogueInputs): CataloguePlan {
  const sources = new Map<string, PlannedSource>();
  for (const s of inputs.sources) {
    sources.set(s.key, {
      key: s.key,
      kind: s.kind,
      title: s.title,
      titleEn: s.titleEn ?? null,
      url: s.url ?? null,
      asOf: s.asOf ?? null,
      undated: s.undated,
      version: null,
      license: null,
      note: s.note ?? null,
    });
  }
  for (const snapshot of inputs.snapshots) sources.set(snapshot.dataset.key, datasetSource(snapshot));
  for (const file of inputs.documentation) for (const s of documentSources(file)) sources.set(s.key, s);

  const propertyKeys = new Set(inputs.properties.filter((p) => p.appliesTo !== "client").map((p) => p.key));
  const merged = mergeSources(inputs);
  assignDomains(merged);
  const companies = new Map<string, PlannedCompany>();
  for (const m of merged) {
    const service = planService(m, inputs, sources, propertyKeys);
    const company = companies.get(m.company.slug) ?? { ...m.company, services: [] };
    company.services.push(service);
    companies.set(m.company.slug, company);
  }
  return {
    properties: inputs.properties,
    sources: [...sources.values()],
    companies: [...companies.values()],
    clients: inputs.clients,
  };
}
