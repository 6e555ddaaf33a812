import { claimWarnings, type ClaimInfo, type ServiceSummary } from "@/lib/queries/catalogue";

// The public JSON shape of a service: every service property is present, "unknown" with a
// null source where no source says anything, so API users cannot mistake silence for "no".
export type ApiClaim = {
  value: ClaimInfo["value"];
  asOf: string | null;
  source: { key: string; kind: string; title: string; url: string | null } | null;
  note: string | null;
  // what a reader must be told beside the value, e.g. "password-without-tls"
  warnings: string[];
};

export function toApiClaim(claim: ClaimInfo | undefined): ApiClaim {
  if (!claim) return { value: "unknown", asOf: null, source: null, note: null, warnings: [] };
  return {
    value: claim.value,
    asOf: claim.asOf,
    source: {
      key: claim.source.key,
      kind: claim.source.kind,
      title: claim.source.titleEn ?? claim.source.title,
      url: claim.source.url,
    },
    note: claim.note,
    warnings: claimWarnings(claim),
  };
}

export function toApiProvider(p: ServiceSummary, propertyKeys: string[]) {
  return {
    slug: p.slug,
    name: p.name,
    nameEn: p.nameEn,
    plan: p.plan,
    segment: p.segment,
    kind: p.kind,
    status: p.status,
    newestEvidence: p.newestEvidence,
    editorsPick: p.editorsPick,
    formerNames: p.formerNames,
    support: Object.fromEntries(propertyKeys.map((key) => [key, toApiClaim(p.support[key])])),
  };
}
