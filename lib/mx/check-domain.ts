import type { TLSSocket } from "node:tls";
import { guardedFetch, type Dial } from "@/lib/check/guarded-fetch";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import type { EndpointProbeResult, LookupAll } from "@/lib/probe/types";
import { matchTlsaRecord } from "./dane";
import type { DnsAnswer, MxResolver, TlsaRecord } from "./dns";
import {
  mxPatternMatches,
  readDmarcRecord,
  readMtaStsPolicy,
  readMtaStsRecord,
  readSpfRecord,
  readTlsRptRecord,
} from "./records";
import type {
  DaneCheck,
  DomainTransportReport,
  MtaStsCheck,
  MtaStsProblem,
  MxHostCheck,
  MxList,
  NotTestedReason,
  RecordCheck,
  StarttlsCheck,
} from "./types";

// The mail domain's own transport security, as a sending server would see it: its MX hosts and
// STARTTLS on port 25, MTA-STS, TLS-RPT, DANE, with SPF and DMARC as context. Every verdict keeps
// "not-tested" (could not test from here: port 25 blocked on our side, a resolver that does not
// validate, a DNS timeout) apart from "no", which is said only when the domain's own servers or
// records answered it. Nothing here sends mail: the SMTP dialogue is EHLO, STARTTLS, QUIT.

// More MX hosts than this are not worth a visitor's wait (and one form post would open many
// connections); they are listed but not probed.
export const MAX_PROBED_MX = 4;
// A policy is a few lines; 64 KiB is the size senders accept (Google's MTA-STS documentation).
export const MAX_POLICY_BYTES = 64 * 1024;

export type DomainCheckOptions = {
  resolver: MxResolver;
  timeoutMs?: number;
  // false where the deployment knows port 25 is blocked: STARTTLS is then "not-tested" untried
  port25?: boolean;
  // test seams, as in the probe: loopback is allowed only with a lookup that maps the test names
  allowLoopback?: boolean;
  lookup?: LookupAll;
  // the port to dial for an MX host (tests map 25 to a loopback server's port)
  smtpPortFor?: (host: string) => number;
  // the connection for the MTA-STS policy fetch (tests map 443 to a loopback server)
  dial?: Dial;
  // extra trusted roots instead of the system's (tests pass their CA)
  ca?: string | Buffer | Array<string | Buffer>;
  clientName?: string;
  now?: () => Date;
  // the verification job's host limiter: each port-25 connection to an MX host waits for a slot
  // of that host like the endpoint probes do (a provider's MX may also be its submission host)
  limit?: <T>(host: string, fn: () => Promise<T>) => Promise<T>;
};

const CONNECT_FAILURES = new Set([
  "timeout",
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "EADDRNOTAVAIL",
]);

function notTestedStarttls(reason: NotTestedReason, failure: StarttlsCheck["failure"] = null): StarttlsCheck {
  return {
    verdict: "not-tested",
    reason,
    address: null,
    tlsVersion: null,
    weakTls: null,
    certificateValid: null,
    certificateError: null,
    hostnameMatches: null,
    certificateValidTo: null,
    failure,
  };
}

// What one port-25 probe says about STARTTLS. "no" only when the server itself answered: EHLO
// without STARTTLS, a refused STARTTLS, or a handshake that failed after the server agreed.
export function starttlsVerdict(result: EndpointProbeResult): StarttlsCheck {
  const failure = result.failure
    ? { step: result.failure.step, code: result.failure.code, message: result.failure.message }
    : null;
  const tls = result.tls;
  const base: StarttlsCheck = {
    ...notTestedStarttls("dialogue-failed", failure),
    address: result.address,
    tlsVersion: tls?.version ?? null,
    weakTls: tls?.weak ?? null,
    certificateValid: tls ? tls.chainValid && !tls.certificate?.expired : null,
    certificateError: tls?.chainError ?? null,
    hostnameMatches: tls?.hostnameMatches ?? null,
    certificateValidTo: tls?.certificate?.validTo ?? null,
  };
  if (tls) return { ...base, verdict: "yes", reason: null };
  // The probe reads a refused EHLO as an empty capability list; only a 250 answer to EHLO
  // (the greeting is 220) shows what the server offers.
  const ehloAnswered = result.transcript.some((line) => /^S: 250[ -]/.test(line));
  if (result.starttlsOffered === false && !ehloAnswered) return { ...base, reason: "rejected" };
  if (result.starttlsOffered === false) return { ...base, verdict: "no", reason: "not-offered" };
  if (result.starttlsAccepted === false) return { ...base, verdict: "no", reason: "refused-by-server" };
  if (result.starttlsAccepted === true && failure?.step === "handshake")
    return { ...base, verdict: "no", reason: "handshake-failed" };
  if (!failure) return base;
  if (failure.step === "resolve")
    return { ...base, reason: failure.code === "unresolvable" ? "unresolvable" : "refused-address" };
  if (failure.step === "connect" && CONNECT_FAILURES.has(failure.code))
    return { ...base, reason: "port-25-unreachable" };
  if (failure.step === "greeting" && failure.code === "rejected") return { ...base, reason: "rejected" };
  return base;
}

// chain of DER certificates as presented, leaf first
function presentedChain(socket: TLSSocket): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  for (let cert = socket.getPeerCertificate(true); cert?.raw && !seen.has(cert.fingerprint256);) {
    seen.add(cert.fingerprint256);
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return chain;
}

export function daneVerdict(
  tlsa: DnsAnswer<TlsaRecord>,
  mxSigned: boolean,
  validates: boolean,
  chain: Buffer[] | null,
): DaneCheck {
  if (!tlsa.ok) {
    // a signed denial (or any NXDOMAIN) means no TLSA records
    if (tlsa.code === "nxdomain") return { verdict: "none", reason: null, records: [] };
    return { verdict: "not-tested", reason: "dns-failed", records: [] };
  }
  if (tlsa.records.length === 0) return { verdict: "none", reason: null, records: [] };
  const unmatched = tlsa.records.map((r) => ({ ...r, verdict: null }));
  if (!validates) return { verdict: "not-tested", reason: "no-dnssec-validation", records: unmatched };
  // RFC 7672 §2.2: TLSA records count only when they, and the MX records that led to them, are
  // DNSSEC-validated
  if (!tlsa.authenticated) return { verdict: "unsigned", reason: "tlsa-unsigned", records: unmatched };
  if (!mxSigned) return { verdict: "unsigned", reason: "mx-unsigned", records: unmatched };
  if (!chain || chain.length === 0) {
    const usable = tlsa.records.some((r) => matchTlsaRecord(r, []) !== "unusable");
    return usable
      ? { verdict: "not-tested", reason: "no-certificate", records: unmatched }
      : { verdict: "unusable", reason: null, records: tlsa.records.map((r) => ({ ...r, verdict: "unusable" })) };
  }
  const records = tlsa.records.map((r) => ({ ...r, verdict: matchTlsaRecord(r, chain) }));
  const verdict = records.some((r) => r.verdict === "match")
    ? "valid"
    : records.some((r) => r.verdict === "no-match")
      ? "mismatch"
      : "unusable";
  return { verdict, reason: null, records };
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = (error as { code?: unknown } | undefined)?.code ?? cause?.code;
  return typeof code === "string" ? code : "error";
}

// OpenSSL's verification failures and Node's name check: the certificate is the problem.
const CERTIFICATE_ERROR =
  /^(ERR_TLS_CERT_ALTNAME_INVALID|CERT_|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_SSL_)/;

type PolicyFetch =
  { ok: true; text: string; fetch: string } | { ok: false; problem: MtaStsProblem | null; fetch: string };

async function fetchPolicy(domain: string, options: DomainCheckOptions, timeoutMs: number): Promise<PolicyFetch> {
  const fetch = guardedFetch({
    allowLoopback: options.allowLoopback ?? false,
    lookup: options.lookup,
    dial: options.dial,
    ca: options.ca,
  });
  try {
    // RFC 8461 §3.3: no redirects, no HTTP caching, a 200 answer only
    const response = await fetch(`https://mta-sts.${domain}/.well-known/mta-sts.txt`, {
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const status = `HTTP ${response.status}`;
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return { ok: false, problem: "redirect", fetch: status };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { ok: false, problem: "http-status", fetch: status };
    }
    // §3.2: the media type MUST be text/plain and senders SHOULD check it (so a host that lets
    // users upload files cannot have an HTML page or an image taken for a policy)
    const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (mediaType !== "text/plain") {
      await response.body?.cancel();
      return { ok: false, problem: "content-type", fetch: status };
    }
    const body = await readLimitedBody(response, MAX_POLICY_BYTES);
    if (!body.ok) return { ok: false, problem: "too-large", fetch: status };
    return { ok: true, text: new TextDecoder().decode(body.bytes), fetch: status };
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOTFOUND") return { ok: false, problem: "no-policy-host", fetch: code };
    if (CERTIFICATE_ERROR.test(code)) return { ok: false, problem: "certificate", fetch: code };
    if (code === "ECONNREFUSED") return { ok: false, problem: "refused", fetch: code };
    // a timeout, a reset, an address the guard refused: nothing learned about the policy
    return { ok: false, problem: null, fetch: (error as { name?: string }).name === "TimeoutError" ? "timeout" : code };
  }
}

async function checkMtaSts(
  domain: string,
  txt: DnsAnswer<string>,
  mxHosts: string[],
  options: DomainCheckOptions,
  timeoutMs: number,
): Promise<MtaStsCheck> {
  const empty: MtaStsCheck = {
    verdict: "none",
    reason: null,
    id: null,
    mode: null,
    maxAge: null,
    mxPatterns: [],
    mxNotCovered: [],
    problems: [],
    fetch: null,
  };
  if (!txt.ok && txt.code !== "nxdomain") return { ...empty, verdict: "not-tested", reason: "dns-failed" };
  const record = readMtaStsRecord(txt.ok ? txt.records : []);
  if (record.kind === "none") return empty;
  if (record.kind === "invalid")
    return { ...empty, verdict: "invalid", problems: [record.reason === "multiple" ? "txt-multiple" : "txt-bad-id"] };
  const fetched = await fetchPolicy(domain, options, timeoutMs);
  const withId = { ...empty, id: record.id, fetch: fetched.fetch };
  if (!fetched.ok)
    return fetched.problem
      ? { ...withId, verdict: "invalid", problems: [fetched.problem] }
      : { ...withId, verdict: "not-tested", reason: "policy-fetch-failed" };
  const policy = readMtaStsPolicy(fetched.text);
  const described = { ...withId, mode: policy.mode, maxAge: policy.maxAge, mxPatterns: policy.mx };
  if (!policy.valid)
    return { ...described, verdict: "invalid", problems: policy.problems.map((p) => `policy-${p}` as MtaStsProblem) };
  const mxNotCovered =
    policy.mode === "none" ? [] : mxHosts.filter((h) => !policy.mx.some((p) => mxPatternMatches(p, h)));
  return { ...described, mxNotCovered, verdict: mxNotCovered.length > 0 ? "mx-mismatch" : "valid" };
}

function recordCheck<T extends { kind: string }>(
  txt: DnsAnswer<string>,
  read: (records: string[]) => T,
): { check: RecordCheck; parsed: T | null } {
  if (!txt.ok && txt.code !== "nxdomain")
    return { check: { verdict: "not-tested", reason: "dns-failed", detail: txt.code }, parsed: null };
  const parsed = read(txt.ok ? txt.records : []);
  const verdict = parsed.kind === "valid" ? "yes" : parsed.kind === "none" ? "no" : "invalid";
  const detail = "reason" in parsed ? String(parsed.reason) : null;
  return { check: { verdict, reason: null, detail }, parsed };
}

function readMxList(answer: DnsAnswer<{ exchange: string; priority: number }>): {
  list: MxList;
  hosts: Array<{ host: string; priority: number }>;
} {
  if (!answer.ok)
    return answer.code === "nxdomain"
      ? { list: { status: "no-such-domain", signed: answer.authenticated }, hosts: [] }
      : { list: { status: "failed", code: answer.code }, hosts: [] };
  const hosts = [...answer.records]
    .sort((a, b) => a.priority - b.priority)
    .map((r) => ({ host: r.exchange.toLowerCase().replace(/\.$/, ""), priority: r.priority }));
  if (hosts.length === 0) return { list: { status: "none", signed: answer.authenticated }, hosts };
  if (hosts.length === 1 && hosts[0]!.host === "")
    return { list: { status: "null-mx", signed: answer.authenticated }, hosts: [] };
  return { list: { status: "found", signed: answer.authenticated }, hosts: hosts.filter((h) => h.host !== "") };
}

async function checkHost(
  host: string,
  priority: number,
  options: DomainCheckOptions,
  timeoutMs: number,
  mxSigned: boolean,
  validates: boolean,
): Promise<MxHostCheck> {
  let chain: Buffer[] | null = null;
  const [probe, tlsa] = await Promise.all([
    options.port25 === false
      ? Promise.resolve(null)
      : (options.limit ?? ((_host, fn) => fn()))(host, () =>
          probeEndpoint(
            { host, port: options.smtpPortFor?.(host) ?? 25, protocol: "smtp", security: "starttls" },
            {
              timeoutMs,
              allowLoopback: options.allowLoopback,
              lookup: options.lookup,
              ca: options.ca,
              clientName: options.clientName,
              onSecure: (_target, socket) => (chain = presentedChain(socket)),
            },
          ),
        ),
    options.resolver.tlsa(`_25._tcp.${host}`),
  ]);
  return {
    host,
    priority,
    probed: true,
    starttls: probe ? starttlsVerdict(probe) : notTestedStarttls("port-25-disabled"),
    dane: daneVerdict(tlsa, mxSigned, validates, chain),
    mtaStsMatch: null,
  };
}

// Letters, digits, hyphens and underscores in labels of 1–63, at least two labels: the domain
// becomes part of a URL (https://mta-sts.<domain>/…) and of DNS names, so nothing else may pass.
const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isCheckableDomain(domain: string): boolean {
  return DOMAIN_NAME.test(domain.toLowerCase().replace(/\.$/, ""));
}

export async function checkDomainTransport(
  domain: string,
  options: DomainCheckOptions,
): Promise<DomainTransportReport> {
  const started = Date.now();
  const name = domain.toLowerCase().replace(/\.$/, "");
  if (!DOMAIN_NAME.test(name)) throw new Error(`not a domain name: ${JSON.stringify(domain.slice(0, 80))}`);
  const timeoutMs = options.timeoutMs ?? 8000;
  const dns = options.resolver;
  const [mxAnswer, stsTxt, rptTxt, spfTxt, dmarcTxt, validates] = await Promise.all([
    dns.mx(name),
    dns.txt(`_mta-sts.${name}`),
    dns.txt(`_smtp._tls.${name}`),
    dns.txt(name),
    dns.txt(`_dmarc.${name}`),
    dns.validates(),
  ]);
  const { list, hosts: listed } = readMxList(mxAnswer);
  const mxSigned = list.status !== "failed" && list.signed;
  const [probed, mtaSts] = await Promise.all([
    Promise.all(
      listed
        .slice(0, MAX_PROBED_MX)
        .map(({ host, priority }) => checkHost(host, priority, options, timeoutMs, mxSigned, validates)),
    ),
    checkMtaSts(
      name,
      stsTxt,
      listed.map((h) => h.host),
      options,
      timeoutMs,
    ),
  ]);
  const skipped: MxHostCheck[] = listed
    .slice(MAX_PROBED_MX)
    .map(({ host, priority }) => ({ host, priority, probed: false, starttls: null, dane: null, mtaStsMatch: null }));
  const hosts = [...probed, ...skipped].map((h) => ({
    ...h,
    mtaStsMatch:
      mtaSts.verdict === "valid" || mtaSts.verdict === "mx-mismatch" ? !mtaSts.mxNotCovered.includes(h.host) : null,
  }));
  const tlsRpt = recordCheck(rptTxt, readTlsRptRecord);
  const spf = recordCheck(spfTxt, readSpfRecord);
  const dmarc = recordCheck(dmarcTxt, readDmarcRecord);
  return {
    domain: name,
    checkedAt: (options.now?.() ?? new Date()).toISOString(),
    dnssecValidation: validates,
    mx: list,
    hosts,
    mtaSts,
    tlsRpt: { ...tlsRpt.check, rua: tlsRpt.parsed?.kind === "valid" ? tlsRpt.parsed.rua : [] },
    spf: spf.check,
    dmarc: { ...dmarc.check, policy: dmarc.parsed?.kind === "valid" ? dmarc.parsed.policy : null },
    ms: Date.now() - started,
  };
}
