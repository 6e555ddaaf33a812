// Pure readers for the mail domain's policy records: the MTA-STS TXT record and policy file
// (RFC 8461), TLS-RPT (RFC 8460), SPF (RFC 7208) and DMARC (RFC 7489). Each takes what DNS or
// HTTPS returned and says what it means, so the network code stays thin and these are unit-tested.

export type TagList = Map<string, string>;

// "k=v; k2=v2" with optional spaces; the first of a repeated tag wins.
function readTags(record: string): TagList {
  const tags: TagList = new Map();
  for (const part of record.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim().toLowerCase();
    if (key && !tags.has(key)) tags.set(key, part.slice(at + 1).trim());
  }
  return tags;
}

// Records that begin with the version tag; RFC 8461 §3.1 and RFC 8460 §3 discard the others.
function versioned(records: string[], prefix: RegExp): string[] {
  return records.filter((r) => prefix.test(r.trim()));
}

export type MtaStsRecord =
  | { kind: "none" }
  | { kind: "valid"; id: string }
  // more than one v=STSv1 record, or one without a valid id: "no policy" to a sender (§3.1)
  | { kind: "invalid"; reason: "multiple" | "bad-id" };

// §3.1: v=STSv1 first, id of 1–32 letters and digits.
export function readMtaStsRecord(records: string[]): MtaStsRecord {
  const candidates = versioned(records, /^v=STSv1\s*(;|$)/);
  if (candidates.length === 0) return { kind: "none" };
  if (candidates.length > 1) return { kind: "invalid", reason: "multiple" };
  const id = readTags(candidates[0]!).get("id") ?? "";
  return /^[a-zA-Z0-9]{1,32}$/.test(id) ? { kind: "valid", id } : { kind: "invalid", reason: "bad-id" };
}

export const MTA_STS_MODES = ["enforce", "testing", "none"] as const;
export type MtaStsMode = (typeof MTA_STS_MODES)[number];
// §3.2: max_age up to 31557600 seconds (about a year)
export const MAX_MAX_AGE = 31_557_600;

export type MtaStsPolicy =
  | { valid: true; mode: MtaStsMode; maxAge: number; mx: string[] }
  | { valid: false; problems: string[]; mode: MtaStsMode | null; maxAge: number | null; mx: string[] };

// §3.2: CRLF-separated "key: value" lines (a bare LF is accepted, as most senders do); version,
// mode and max_age once each, mx one or more times (none needed with mode "none"); unknown keys
// are ignored.
export function readMtaStsPolicy(text: string): MtaStsPolicy {
  const fields = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at < 0) continue;
    const key = line.slice(0, at).trim().toLowerCase();
    fields.set(key, [...(fields.get(key) ?? []), line.slice(at + 1).trim()]);
  }
  const one = (key: string) => fields.get(key)?.[0];
  const problems: string[] = [];
  if (one("version") !== "STSv1") problems.push("version");
  const modeText = one("mode");
  const mode = MTA_STS_MODES.find((m) => m === modeText) ?? null;
  if (!mode) problems.push("mode");
  const ageText = one("max_age") ?? "";
  const maxAge = /^\d{1,10}$/.test(ageText) && Number(ageText) <= MAX_MAX_AGE ? Number(ageText) : null;
  if (maxAge === null) problems.push("max_age");
  const mx = (fields.get("mx") ?? []).map((p) => p.toLowerCase().replace(/\.$/, "")).filter(Boolean);
  if (mx.length === 0 && mode !== "none") problems.push("mx");
  if (mx.some((p) => !/^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(p))) problems.push("mx");
  if (problems.length === 0 && mode && maxAge !== null) return { valid: true, mode, maxAge, mx };
  return { valid: false, problems: [...new Set(problems)], mode, maxAge, mx };
}

// §4.1: a pattern is a host name, or "*." and a name, where the wildcard stands for exactly the
// left-most label: "*.example.com" covers "mx1.example.com", not "example.com" nor
// "a.b.example.com". Case does not matter, nor a trailing dot.
export function mxPatternMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, "");
  const h = host.toLowerCase().replace(/\.$/, "");
  if (!p.startsWith("*.")) return p === h;
  const dot = h.indexOf(".");
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

export type TlsRptRecord =
  { kind: "none" } | { kind: "valid"; rua: string[] } | { kind: "invalid"; reason: "multiple" | "no-rua" | "bad-rua" };

// RFC 8460 §3: v=TLSRPTv1 first, rua= one or more mailto: or https: URIs separated by commas.
export function readTlsRptRecord(records: string[]): TlsRptRecord {
  const candidates = versioned(records, /^v=TLSRPTv1\s*(;|$)/);
  if (candidates.length === 0) return { kind: "none" };
  if (candidates.length > 1) return { kind: "invalid", reason: "multiple" };
  const rua = readTags(candidates[0]!).get("rua");
  if (!rua) return { kind: "invalid", reason: "no-rua" };
  const uris = rua
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  const good = uris.length > 0 && uris.every((u) => /^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/i.test(u));
  return good ? { kind: "valid", rua: uris } : { kind: "invalid", reason: "bad-rua" };
}

export type SpfRecord = { kind: "none" } | { kind: "valid"; record: string } | { kind: "invalid"; reason: "multiple" };

// RFC 7208 §4.5: records beginning "v=spf1" followed by a space or nothing; more than one is a
// permanent error.
export function readSpfRecord(records: string[]): SpfRecord {
  const candidates = records.filter((r) => /^v=spf1(\s|$)/i.test(r.trim()));
  if (candidates.length === 0) return { kind: "none" };
  if (candidates.length > 1) return { kind: "invalid", reason: "multiple" };
  return { kind: "valid", record: candidates[0]!.trim() };
}

export type DmarcPolicy = "none" | "quarantine" | "reject";
export type DmarcRecord =
  { kind: "none" } | { kind: "valid"; policy: DmarcPolicy } | { kind: "invalid"; reason: "multiple" | "bad-policy" };

// RFC 7489 §6.3, §6.6.3: one record beginning v=DMARC1, with p= none, quarantine or reject.
export function readDmarcRecord(records: string[]): DmarcRecord {
  const candidates = versioned(records, /^v=DMARC1\s*(;|$)/);
  if (candidates.length === 0) return { kind: "none" };
  if (candidates.length > 1) return { kind: "invalid", reason: "multiple" };
  const p = readTags(candidates[0]!).get("p")?.toLowerCase();
  return p === "none" || p === "quarantine" || p === "reject"
    ? { kind: "valid", policy: p }
    : { kind: "invalid", reason: "bad-policy" };
}
