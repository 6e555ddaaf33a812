import { describe, expect, it } from "vitest";
import {
  baselineHeaders,
  CACHED_PAGE_POLICY,
  createNonce,
  dynamicPagePolicy,
  isHttpsSite,
  RESOURCE_POLICY,
} from "@/lib/security/headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

// The effective sources of a fetch directive: its own, else default-src's (CSP3 §6.8.3).
function sourcesFor(policy: Map<string, string[]>, name: string): string[] {
  return policy.get(name) ?? policy.get("default-src") ?? [];
}

// What Mozilla Observatory's CSP test asks for full marks (its scoring of "content-security-policy"):
// no 'unsafe-inline' or 'unsafe-eval' for scripts unless a nonce with 'strict-dynamic' makes
// 'unsafe-inline' ignored, no scheme-wide or wildcard script and object sources, default-src
// 'none' (its bonus), and the clickjacking, base and form restrictions.
function observatoryProblems(policy: string): string[] {
  const d = directives(policy);
  const problems: string[] = [];
  const scripts = sourcesFor(d, "script-src");
  const nonce = scripts.some((s) => /^'nonce-[A-Za-z0-9+/_-]+={0,2}'$/.test(s));
  const strictDynamic = scripts.includes("'strict-dynamic'");
  if (scripts.includes("'unsafe-inline'") && !(nonce && strictDynamic)) problems.push("unsafe-inline scripts");
  if (scripts.includes("'unsafe-eval'")) problems.push("unsafe-eval");
  for (const name of ["script-src", "object-src"])
    for (const s of sourcesFor(d, name))
      if (s === "*" || /^[a-z][a-z0-9+.-]*:$/i.test(s)) problems.push(`${name} allows ${s}`);
  if (d.get("default-src")?.join(" ") !== "'none'") problems.push("default-src is not 'none'");
  if (sourcesFor(d, "object-src").join(" ") !== "'none'") problems.push("object-src is not 'none'");
  if (d.get("frame-ancestors")?.join(" ") !== "'none'") problems.push("frame-ancestors is not 'none'");
  if (!d.has("base-uri")) problems.push("no base-uri");
  if (!d.has("form-action")) problems.push("no form-action");
  return problems;
}

describe("content security policies", () => {
  it("a page rendered per request meets Observatory's rules for full marks", () => {
    const nonce = createNonce();
    const policy = dynamicPagePolicy(nonce);
    expect(observatoryProblems(policy)).toEqual([]);
    expect(directives(policy).get("script-src")).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
  });

  it("every policy blocks plug-ins, framing, <base> and foreign form targets, and never allows eval", () => {
    for (const policy of [dynamicPagePolicy(createNonce()), CACHED_PAGE_POLICY, RESOURCE_POLICY]) {
      const d = directives(policy);
      expect(d.get("object-src"), policy).toEqual(["'none'"]);
      expect(d.get("base-uri"), policy).toEqual(["'none'"]);
      expect(d.get("frame-ancestors"), policy).toEqual(["'none'"]);
      expect(d.get("form-action"), policy).toEqual(["'self'"]);
      expect(policy).not.toContain("unsafe-eval");
    }
  });

  it("a cached page cannot carry a nonce, so it allows inline scripts and nothing from elsewhere", () => {
    const d = directives(CACHED_PAGE_POLICY);
    expect(d.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(CACHED_PAGE_POLICY).not.toContain("nonce");
    expect(observatoryProblems(CACHED_PAGE_POLICY)).toEqual(["unsafe-inline scripts"]);
  });

  it("nonces are fresh, 128 bits, in the form Next reads", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const n of [...nonces].slice(0, 20)) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(n, "base64")).toHaveLength(16);
    }
  });
});

describe("baseline headers", () => {
  it("send HSTS only for an https site", () => {
    const names = (https: boolean) => baselineHeaders({ https }).map((h) => h.key);
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(isHttpsSite("https://mail.example.jp")).toBe(true);
    expect(isHttpsSite("http://localhost:3000")).toBe(false);
    expect(isHttpsSite(undefined)).toBe(false);
  });

  it("name every protection the issue lists", () => {
    const headers = Object.fromEntries(baselineHeaders({ https: true }).map((h) => [h.key, h.value]));
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    // Observatory's full marks for HSTS: at least six months
    expect(Number(/max-age=(\d+)/.exec(headers["Strict-Transport-Security"]!)![1])).toBeGreaterThanOrEqual(15_552_000);
  });
});
