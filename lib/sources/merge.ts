import { getDomainWithoutSuffix, parse as parseDomain } from "tldts";
import type { CompanyRecord, ServiceRecord } from "@/lib/schemas/data";
import type { DocumentationFile, Kind } from "@/lib/schemas/documentation";
import { DATA_FILES, DataValidationError, type DataIssue } from "@/lib/seed/load-data";
import type { EditorialFile } from "@/lib/sources/editorial";
import { compilePattern, hasPlaceholder } from "@/lib/sources/read-result";
import type { DatasetKey, SourceRecord, Snapshot } from "@/lib/sources/record";

// Merges the records of every dataset, the documentation files and the reviewed 2006 data into
// one service per real provider. Identity, in order of strength (see README "How records merge"):
//   1. literal mail domains shared by two records;
//   2. a documentation file and a reviewed service with the same slug; editorial links;
//   3. a dataset's domain pattern matching a domain another dataset lists (unless a record of
//      the pattern's own dataset lists that domain literally: FairEmail's yahoo\..* is not Yahoo Japan);
//   4. for records that name no domain: the normalized provider name, then a server host name
//      used by exactly one provider that does name domains.
// Pure: the caller reads the files.

export type MemberRef =
  | { kind: "dataset"; dataset: DatasetKey; record: SourceRecord }
  | { kind: "documentation"; file: DocumentationFile }
  | { kind: "reviewed"; company: CompanyRecord; service: ServiceRecord };

export type MergeInput = {
  snapshots: Snapshot[];
  documentation: DocumentationFile[];
  reviewed: CompanyRecord[];
  editorial: EditorialFile;
};

export type MergedService = {
  slug: string;
  name: string;
  nameEn: string | null;
  kana: string | null;
  company: { slug: string; name: string; nameEn: string | null; homepage: string | null };
  homepage: string | null;
  kind: Kind;
  // "editorial" or the documentation that states it
  kindBasis: "editorial" | "documentation" | "rule";
  segment: "personal" | "business" | null;
  domains: string[];
  mxPatterns: string[];
  hostPatterns: string[];
  members: MemberRef[];
};

export function refOf(member: MemberRef): string {
  if (member.kind === "dataset") return `${member.dataset}:${member.record.id}`;
  if (member.kind === "documentation") return `documentation:${member.file.slug}`;
  return `reviewed:${member.service.slug}`;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function domainsOf(m: MemberRef): string[] {
  if (m.kind === "dataset") return m.record.domains;
  if (m.kind === "documentation") return m.file.domains;
  return [];
}

function nameOf(m: MemberRef): string {
  if (m.kind === "dataset") return m.record.name;
  if (m.kind === "documentation") return m.file.name;
  return m.service.name;
}

function usableHosts(record: SourceRecord): string[] {
  return record.settings.map((s) => s.host).filter((h) => !hasPlaceholder(h) && !h.includes("*"));
}

export function groupMembers(input: MergeInput): MemberRef[][] {
  const excluded = new Set(input.editorial.exclude.map((e) => e.ref));
  const members: MemberRef[] = [
    ...input.reviewed.flatMap((company) =>
      company.services.map((service) => ({ kind: "reviewed" as const, company, service })),
    ),
    ...input.documentation.map((file) => ({ kind: "documentation" as const, file })),
    ...input.snapshots.flatMap((s) =>
      s.records.map((record) => ({ kind: "dataset" as const, dataset: s.dataset.key, record })),
    ),
  ].filter((m) => !excluded.has(refOf(m)));
  const uf = new UnionFind(members.length);
  const index = new Map(members.map((m, i) => [refOf(m), i]));
  const standalone = new Set(input.editorial.standalone);

  // 1. literal domains
  const byDomain = new Map<string, number>();
  const unlinked = new Set(input.editorial.unlinkedDomains);
  members.forEach((m, i) => {
    for (const d of domainsOf(m)) {
      if (unlinked.has(d)) continue;
      const first = byDomain.get(d);
      if (first === undefined) byDomain.set(d, i);
      else uf.union(first, i);
    }
  });

  // 2. same slug across documentation and reviewed data; editorial links
  members.forEach((m, i) => {
    if (m.kind !== "documentation") return;
    const reviewed = index.get(`reviewed:${m.file.slug}`);
    if (reviewed !== undefined) uf.union(reviewed, i);
  });
  // A link to a record a new release of its dataset no longer has is a data problem like any
  // other: reported with the rest, so the import that dropped the record is refused.
  const dangling: DataIssue[] = [];
  input.editorial.links.forEach((link, li) => {
    const ids = link.flatMap((ref, ri) => {
      const i = index.get(ref);
      if (i === undefined)
        dangling.push({
          file: DATA_FILES.editorial,
          record: `links[${li}]`,
          field: `[${ri}]`,
          message: `"${ref}" is a record no dataset has (or one editorial.json excludes)`,
        });
      return i === undefined ? [] : [i];
    });
    for (const i of ids.slice(1)) uf.union(ids[0]!, i);
  });
  if (dangling.length > 0) throw new DataValidationError(dangling);

  // 3. domain patterns against domains other datasets list
  const literalByDataset = new Map<string, Set<string>>();
  for (const m of members) {
    if (m.kind !== "dataset") continue;
    const set = literalByDataset.get(m.dataset) ?? new Set<string>();
    m.record.domains.forEach((d) => set.add(d));
    literalByDataset.set(m.dataset, set);
  }
  members.forEach((m, i) => {
    if (m.kind !== "dataset" || standalone.has(refOf(m))) return;
    const own = literalByDataset.get(m.dataset) ?? new Set<string>();
    for (const pattern of m.record.domainPatterns) {
      const re = compilePattern(pattern);
      if (!re) continue;
      for (const [domain, j] of byDomain) {
        if (!own.has(domain) && re.test(domain)) uf.union(i, j);
      }
    }
  });

  // 4. records without domains: by name, then by a host only one named provider uses
  const byName = new Map<string, number>();
  members.forEach((m, i) => {
    if (m.kind === "reviewed" || standalone.has(refOf(m))) return;
    const key = normalizeName(nameOf(m));
    if (key === "") return;
    const hasDomains = domainsOf(m).length > 0 || (m.kind === "dataset" && m.record.domainPatterns.length > 0);
    const first = byName.get(key);
    if (first === undefined) byName.set(key, i);
    // Two records with domains and the same name (ten files of one ISP) are one provider too.
    else if (!hasDomains || m.kind === "dataset") uf.union(first, i);
  });
  const hostOwners = new Map<string, Set<number>>();
  members.forEach((m, i) => {
    if (m.kind !== "dataset" || m.record.domains.length === 0 || standalone.has(refOf(m))) return;
    for (const h of usableHosts(m.record)) {
      const set = hostOwners.get(h) ?? new Set<number>();
      set.add(i);
      hostOwners.set(h, set);
    }
  });
  members.forEach((m, i) => {
    if (m.kind !== "dataset" || m.record.domains.length > 0 || standalone.has(refOf(m))) return;
    for (const h of usableHosts(m.record)) {
      const owners = [...(hostOwners.get(h) ?? [])].map((j) => uf.find(j));
      const roots = new Set(owners);
      if (roots.size === 1) {
        uf.union(i, owners[0]!);
        break;
      }
    }
  });

  const groups = new Map<number, MemberRef[]>();
  members.forEach((m, i) => {
    const root = uf.find(i);
    const list = groups.get(root) ?? [];
    list.push(m);
    groups.set(root, list);
  });
  return [...groups.values()];
}

// Where several records give a name, the first in this order is shown.
const NAME_ORDER: Array<MemberRef["kind"] | DatasetKey> = [
  "documentation",
  "reviewed",
  "thunderbird-ispdb",
  "deltachat-provider-db",
  "fairemail",
  "nodemailer",
  "mailcore2",
];
const orderOf = (m: MemberRef) => NAME_ORDER.indexOf(m.kind === "dataset" ? m.dataset : m.kind);

export function primaryDomain(domains: string[], members: MemberRef[]): string | null {
  if (domains.length === 0) return null;
  const counts = new Map<string, number>();
  for (const m of members) {
    // an ISPDB file is named after its provider's main domain
    if (m.kind === "dataset" && m.dataset === "thunderbird-ispdb") {
      const fileDomain = m.record.id.replace(/\.xml$/, "");
      counts.set(fileDomain, (counts.get(fileDomain) ?? 0) + 1);
    }
    for (const d of domainsOf(m)) counts.set(d, (counts.get(d) ?? 0) + 1);
    // a domain whose label is in a record's name ("gmail" in "Gmail") names the provider
    const name = normalizeName(nameOf(m));
    for (const d of domains) {
      const label = getDomainWithoutSuffix(d);
      if (label && name.includes(normalizeName(label))) counts.set(d, (counts.get(d) ?? 0) + 2);
    }
  }
  return [...domains].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.length - b.length || a.localeCompare(b),
  )[0]!;
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

function baseSlug(members: MemberRef[], domain: string | null, name: string, editorial: EditorialFile): string {
  const chosen = members.map((m) => editorial.slugs[refOf(m)]).find((s) => s !== undefined);
  if (chosen) return chosen;
  const fixed = members.find((m) => m.kind === "documentation") ?? members.find((m) => m.kind === "reviewed");
  if (fixed?.kind === "documentation") return fixed.file.slug;
  if (fixed?.kind === "reviewed") return fixed.service.slug;
  if (domain) {
    const label = getDomainWithoutSuffix(domain);
    if (label) return slugify(label);
  }
  return slugify(name) || "provider";
}

export function mergeSources(input: MergeInput): MergedService[] {
  const groups = groupMembers(input).map((members) => [...members].sort((a, b) => orderOf(a) - orderOf(b)));
  const drafts = groups.map((members) => {
    const domains = [...new Set(members.flatMap(domainsOf))].sort();
    const domain = primaryDomain(domains, members);
    const nameSource =
      members.find((m) => !(m.kind === "dataset" && /^[a-z0-9.-]+$/.test(m.record.name))) ?? members[0]!;
    const name = nameOf(nameSource);
    return { members, domains, domain, name, slug: baseSlug(members, domain, name, input.editorial) };
  });

  // A label shared by two providers (mail.com and mail.de) falls back to the whole domain.
  const slugCounts = new Map<string, number>();
  drafts.forEach((d) => slugCounts.set(d.slug, (slugCounts.get(d.slug) ?? 0) + 1));
  const used = new Set<string>();
  const services: MergedService[] = [];
  for (const d of drafts) {
    let slug = d.slug;
    const fixed = d.members.some((m) => m.kind !== "dataset" || input.editorial.slugs[refOf(m)] !== undefined);
    if ((slugCounts.get(slug) ?? 0) > 1 && d.domain && !fixed) {
      const registrable = parseDomain(d.domain).domain ?? d.domain;
      slug = slugify(registrable);
    }
    for (let n = 2; used.has(slug); n++) slug = `${d.slug}-${n}`;
    used.add(slug);
    services.push(toService(slug, d.name, d.domains, d.members, input.editorial));
  }

  // Two providers with one name would be two identical rows: the domain tells them apart.
  const nameCounts = new Map<string, number>();
  services.forEach((s) => nameCounts.set(s.name, (nameCounts.get(s.name) ?? 0) + 1));
  for (const s of services) {
    if ((nameCounts.get(s.name) ?? 0) > 1) {
      const domain = primaryDomain(s.domains, s.members);
      s.name = `${s.name} (${domain ?? s.slug})`;
    }
  }
  return services.sort((a, b) => a.slug.localeCompare(b.slug));
}

function toService(
  slug: string,
  name: string,
  domains: string[],
  members: MemberRef[],
  editorial: EditorialFile,
): MergedService {
  const doc = members.find((m): m is Extract<MemberRef, { kind: "documentation" }> => m.kind === "documentation")?.file;
  const reviewed = members.find((m): m is Extract<MemberRef, { kind: "reviewed" }> => m.kind === "reviewed");
  const edit = editorial.services[slug] ?? {};
  const datasetRecords = members.filter((m): m is Extract<MemberRef, { kind: "dataset" }> => m.kind === "dataset");
  const website =
    datasetRecords.map((m) => m.record.website).find((w) => w !== null && !w.includes("github.com")) ?? null;
  const homepage = edit.homepage ?? doc?.homepage ?? reviewed?.service.homepage ?? website;
  const shownName = edit.name ?? doc?.name ?? reviewed?.service.name ?? name;
  const kind: Kind = edit.kind ?? doc?.kind ?? "other";
  const segment = edit.segment !== undefined ? edit.segment : (doc?.segment ?? reviewed?.service.segment ?? null);
  const company = doc?.company
    ? { slug: doc.company.slug, name: doc.company.name, nameEn: doc.company.nameEn, homepage: doc.company.homepage }
    : reviewed
      ? {
          slug: reviewed.company.slug,
          name: reviewed.company.name,
          nameEn: reviewed.company.nameEn ?? null,
          homepage: reviewed.company.homepage ?? null,
        }
      : { slug, name: shownName, nameEn: edit.nameEn ?? null, homepage };
  const hostPatterns = [
    ...new Set([...(doc?.hostPatterns ?? []), ...datasetRecords.flatMap((m) => usableHosts(m.record))]),
  ].sort();
  return {
    slug,
    name: shownName,
    nameEn: edit.nameEn ?? doc?.nameEn ?? reviewed?.service.nameEn ?? null,
    kana: edit.kana ?? doc?.kana ?? null,
    company,
    homepage,
    kind,
    kindBasis: edit.kind ? "editorial" : doc ? "documentation" : "rule",
    segment,
    domains,
    mxPatterns: [
      ...new Set([...(doc?.mxPatterns ?? []), ...datasetRecords.flatMap((m) => m.record.mxPatterns)]),
    ].sort(),
    hostPatterns,
    members,
  };
}
