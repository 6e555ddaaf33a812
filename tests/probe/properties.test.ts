import type { TLSSocket } from "node:tls";
import { describe, expect, it } from "vitest";
import { contradicts, newestNonProbeClaim, parseProbeDetails } from "@/lib/probe/evidence";
import type { SourceKind, SupportValue } from "@/lib/generated/prisma/enums";
import { findingsFromResults, transportOutcome, transportProperty } from "@/lib/probe/properties";
import { transportPropertyKey } from "@/lib/mail";
import { hasApopTimestamp } from "@/lib/probe/protocols";
import { parsePortSpec, targetForEndpoint, targetsForHost } from "@/lib/probe/probe-service";
import { describeTls } from "@/lib/probe/tls-facts";
import { normalizeTlsVersion, weakReasonsFor } from "@/lib/received";
import type { EndpointProbeResult, ProbeTarget, TlsFacts } from "@/lib/probe/types";

const TLS: TlsFacts = {
  version: "TLSv1.3",
  cipher: "TLS_AES_256_GCM_SHA384",
  cipherStandardName: "TLS_AES_256_GCM_SHA384",
  weak: false,
  chainValid: true,
  chainError: null,
  hostnameMatches: true,
  hostnameError: null,
  certificate: null,
};

function result(
  target: Partial<ProbeTarget> & Pick<ProbeTarget, "protocol" | "security" | "port">,
  fields: Partial<EndpointProbeResult> = {},
): EndpointProbeResult {
  return {
    target: { host: "mail.example.jp", ...target },
    address: "203.0.113.1",
    status: "ok",
    failure: null,
    greeting: "220 ready",
    starttlsOffered: null,
    starttlsAccepted: null,
    plaintextInsteadOfTls: false,
    tls: null,
    capabilitiesBeforeTls: null,
    capabilitiesAfterTls: null,
    authBeforeTls: null,
    authAfterTls: null,
    plaintextAuthBeforeTls: [],
    apop: null,
    timings: { resolveMs: 1, connectMs: 1, greetingMs: 1, handshakeMs: null, totalMs: 3 },
    transcript: [],
    ...fields,
  };
}

const failed = (target: Parameters<typeof result>[0], code = "timeout") =>
  result(target, { status: "failed", failure: { step: "connect", code, message: code }, greeting: null });

describe("which property an endpoint speaks to", () => {
  it.each([
    [{ protocol: "smtp", security: "tls", port: 465 }, "smtps"],
    [{ protocol: "smtp", security: "starttls", port: 587 }, "submission-starttls"],
    [{ protocol: "smtp", security: "starttls", port: 25 }, "smtp-starttls"],
    [{ protocol: "pop3", security: "tls", port: 995 }, "pop3s"],
    [{ protocol: "pop3", security: "starttls", port: 110 }, "pop3-stls"],
    [{ protocol: "imap", security: "tls", port: 993 }, "imaps"],
    [{ protocol: "imap", security: "starttls", port: 143 }, "imap-starttls"],
  ] as const)("%o → %s", (t, key) => {
    expect(transportProperty({ host: "h", ...t })).toBe(key);
  });

  it("SMTP STARTTLS: 25 relays, any other port is submission unless it belongs to implicit TLS, as in the ISPDB importer", () => {
    for (const port of [2525, 2587, 8025]) {
      const t = { protocol: "smtp", security: "starttls", port } as const;
      expect(transportProperty({ host: "h", ...t })).toBe("submission-starttls");
      expect(transportProperty({ host: "h", ...t })).toBe(transportPropertyKey(t));
    }
    expect(transportProperty({ host: "h", protocol: "smtp", security: "starttls", port: 465 })).toBeNull();
  });

  it("turns a STARTTLS server on 2525 into a submission-starttls finding, and one on 465 into none", () => {
    const upgraded = { starttlsOffered: true, starttlsAccepted: true, tls: TLS };
    const on2525 = findingsFromResults([result({ protocol: "smtp", security: "starttls", port: 2525 }, upgraded)]);
    expect(on2525.map((f) => `${f.property} ${f.value}`)).toEqual(["submission-starttls yes"]);
    const on465 = findingsFromResults([result({ protocol: "smtp", security: "starttls", port: 465 }, upgraded)]);
    expect(on465).toEqual([]);
  });
});

describe("weak TLS, judged by lib/mail like the Received analyzer", () => {
  function fakeSocket(version: string, cipher: string): TLSSocket {
    const socket = {
      getCipher: () => ({ name: cipher, standardName: cipher, version }),
      getProtocol: () => version,
      getPeerCertificate: () => ({}),
      authorized: false,
      authorizationError: "no certificate",
    };
    return socket as unknown as TLSSocket;
  }

  it.each([
    ["TLSv1.3", "TLS_AES_256_GCM_SHA384", false],
    ["TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256", false],
    ["TLSv1.1", "ECDHE-RSA-AES128-SHA", true],
    ["TLSv1", "ECDHE-RSA-AES128-SHA", true],
    // anonymous key exchange in OpenSSL's spelling, which the probe's own pattern used to miss
    ["TLSv1.2", "ADH-AES256-GCM-SHA384", true],
    ["TLSv1.2", "AECDH-AES128-SHA", true],
    // MD5 MACs, which the Received analyzer used to miss
    ["TLSv1.2", "IDEA-CBC-MD5", true],
    ["TLSv1.2", "TLS_KRB5_WITH_IDEA_CBC_MD5", true],
    ["TLSv1.2", "DES-CBC3-SHA", true],
    ["TLSv1.2", "RC4-SHA", true],
  ])("%s %s weak: %s", (version, cipher, weak) => {
    const facts = describeTls(fakeSocket(version, cipher), "mail.example.jp");
    expect(facts.weak).toBe(weak);
    // the Received analyzer reads the same session the same way
    expect(weakReasonsFor(normalizeTlsVersion(version), cipher).length > 0).toBe(weak);
  });
});

describe("yes, no or unknown", () => {
  it("yes once TLS is up and the server spoke", () => {
    expect(transportOutcome(result({ protocol: "smtp", security: "tls", port: 465 }, { tls: TLS }))).toBe("yes");
    expect(
      transportOutcome(
        result(
          { protocol: "smtp", security: "starttls", port: 587 },
          { starttlsOffered: true, starttlsAccepted: true, tls: TLS },
        ),
      ),
    ).toBe("yes");
  });
  it("no when the server answered without offering it", () => {
    expect(
      transportOutcome(result({ protocol: "smtp", security: "starttls", port: 587 }, { starttlsOffered: false })),
    ).toBe("no");
    expect(
      transportOutcome(
        result(
          { protocol: "smtp", security: "starttls", port: 587 },
          { starttlsOffered: true, starttlsAccepted: false },
        ),
      ),
    ).toBe("no");
    expect(
      transportOutcome(
        result(
          { protocol: "pop3", security: "tls", port: 995 },
          { status: "failed", greeting: null, plaintextInsteadOfTls: true },
        ),
      ),
    ).toBe("no");
  });
  it("unknown when the connection failed or timed out", () => {
    expect(transportOutcome(failed({ protocol: "imap", security: "tls", port: 993 }))).toBe("unknown");
    expect(transportOutcome(failed({ protocol: "imap", security: "starttls", port: 143 }, "ECONNREFUSED"))).toBe(
      "unknown",
    );
  });
});

describe("findingsFromResults", () => {
  const plainSubmission = result(
    { protocol: "smtp", security: "starttls", port: 587 },
    {
      starttlsOffered: false,
      capabilitiesBeforeTls: ["AUTH PLAIN LOGIN"],
      authBeforeTls: ["PLAIN", "LOGIN"],
      plaintextAuthBeforeTls: ["PLAIN", "LOGIN"],
    },
  );

  it("maps a plain-only submission server: STARTTLS no, SMTP AUTH yes, CRAM-MD5 no", () => {
    const findings = findingsFromResults([plainSubmission]);
    expect(Object.fromEntries(findings.map((f) => [f.property, f.value]))).toEqual({
      "submission-starttls": "no",
      "smtp-auth": "yes",
      "cram-md5": "no",
    });
    const starttls = findings.find((f) => f.property === "submission-starttls")!;
    expect(starttls.note).toContain("STARTTLS not offered");
    expect(starttls.note).toContain("password in clear offered before TLS: PLAIN LOGIN");
    expect(starttls.details.endpoints[0]).toMatchObject({
      port: 587,
      outcome: "no",
      starttlsOffered: false,
      plaintextAuthBeforeTls: ["PLAIN", "LOGIN"],
    });
  });

  it("leaves out properties no endpoint could decide", () => {
    const findings = findingsFromResults([
      failed({ protocol: "smtp", security: "tls", port: 465 }),
      failed({ protocol: "pop3", security: "tls", port: 995 }),
    ]);
    expect(findings).toEqual([]);
  });

  it("says yes when any endpoint for the property has it, and keeps every endpoint as evidence", () => {
    const findings = findingsFromResults([
      failed({ protocol: "smtp", security: "tls", port: 465, host: "a.example.jp" }),
      result(
        { protocol: "smtp", security: "tls", port: 465, host: "b.example.jp" },
        { tls: TLS, capabilitiesAfterTls: ["AUTH CRAM-MD5"], authAfterTls: ["CRAM-MD5"] },
      ),
    ]);
    const smtps = findings.find((f) => f.property === "smtps")!;
    expect(smtps.value).toBe("yes");
    expect(smtps.details.endpoints.map((e) => [e.host, e.outcome])).toEqual([
      ["a.example.jp", "unknown"],
      ["b.example.jp", "yes"],
    ]);
    expect(findings.find((f) => f.property === "cram-md5")?.value).toBe("yes");
  });

  it("reads APOP from the POP3 greeting", () => {
    expect(hasApopTimestamp("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>")).toBe(true);
    expect(hasApopTimestamp("+OK Dovecot (Debian) ready.")).toBe(false);
    const findings = findingsFromResults([
      result(
        { protocol: "pop3", security: "starttls", port: 110 },
        { apop: true, starttlsOffered: false, capabilitiesBeforeTls: [], authBeforeTls: [] },
      ),
    ]);
    expect(findings.find((f) => f.property === "apop")?.value).toBe("yes");
    expect(findings.find((f) => f.property === "pop3-stls")?.value).toBe("no");
  });

  it("writes details that read back through the schema", () => {
    const [finding] = findingsFromResults([plainSubmission], new Date("2026-11-27T12:00:00Z"));
    // through JSON and back, as the Json column stores it
    const parsed = parseProbeDetails(JSON.parse(JSON.stringify(finding!.details)));
    expect(parsed?.probedAt).toBe("2026-11-27T12:00:00.000Z");
    expect(parseProbeDetails(null)).toBeNull();
    expect(parseProbeDetails("a string")).toBeNull();
    expect(parseProbeDetails({ kind: "other" })).toBeNull();
  });
});

describe("contradictions", () => {
  it("yes against no is a contradiction; unknown contradicts nothing", () => {
    expect(contradicts("no", "yes")).toBe(true);
    expect(contradicts("yes", "no")).toBe(true);
    expect(contradicts("no", "partial")).toBe(true);
    expect(contradicts("yes", "yes")).toBe(false);
    expect(contradicts("yes", "unknown")).toBe(false);
  });

  it("finds the claim the page would show without the probe", () => {
    const claims: { value: SupportValue; verifiedOn: string | null; source: { kind: SourceKind; key: string } }[] = [
      { value: "no", verifiedOn: "2026-11-27", source: { kind: "probe", key: "probe" } },
      { value: "yes", verifiedOn: "2006-02", source: { kind: "page", key: "page" } },
      { value: "no", verifiedOn: "2006-02", source: { kind: "documentation", key: "doc-2006" } },
      { value: "yes", verifiedOn: "2005", source: { kind: "documentation", key: "doc-2005" } },
    ];
    // documentation outranks a page; of two documents, the newer one
    expect(newestNonProbeClaim(claims)).toBe(claims[2]);
    expect(newestNonProbeClaim([claims[0]!])).toBeNull();
  });
});

describe("targets", () => {
  it("probes the seven standard ports on a bare host, or the ones asked for", () => {
    expect(targetsForHost("mail.example.jp").map((t) => t.port)).toEqual([465, 587, 25, 995, 110, 993, 143]);
    expect(targetsForHost("mail.example.jp", ["993", "2465=smtps"])).toEqual([
      { host: "mail.example.jp", port: 993, protocol: "imap", security: "tls" },
      { host: "mail.example.jp", port: 2465, protocol: "smtp", security: "tls" },
    ]);
    expect(() => parsePortSpec("2465")).toThrow(/not a standard mail port/);
    expect(() => parsePortSpec("70000")).toThrow(/not a port/);
  });

  it("probes a catalogue endpoint marked 'none' as STARTTLS", () => {
    expect(targetForEndpoint({ host: "h", port: 110, protocol: "pop3", security: "none" })?.security).toBe("starttls");
    expect(targetForEndpoint({ host: "h", port: 80, protocol: "http", security: "none" })).toBeNull();
  });
});
