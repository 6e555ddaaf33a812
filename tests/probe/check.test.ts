import { describe, expect, it } from "vitest";
import { readCheckConfig } from "@/lib/check/config";
import { MAX_CHECKED_HOSTS, MAX_CHECKED_SERVERS, plannedServers } from "@/lib/check/run-check";
import type { CheckedServer } from "@/lib/check/types";
import { computeVerdict } from "@/lib/check/verdict";
import { parseEnv } from "@/lib/env";

describe("check configuration", () => {
  it("is read from a validated environment", () => {
    const config = readCheckConfig(
      parseEnv({ PROBE_ALLOW_LOOPBACK: "1", AUTOCONFIG_BASE_URL: "http://127.0.0.1:3399/" }),
    );
    expect(config.allowLoopback).toBe(true);
    expect(config.urlsFor?.("example.jp", "postmaster@example.jp").ispdb).toBe(
      "http://127.0.0.1:3399/ispdb/example.jp",
    );
    expect(readCheckConfig(parseEnv({})).allowLoopback).toBe(false);
    expect(readCheckConfig(parseEnv({})).urlsFor).toBeUndefined();
    expect(readCheckConfig(parseEnv({ AUTOCONFIG_BASE_URL: "" })).urlsFor).toBeUndefined();
    expect(() => parseEnv({ PROBE_ALLOW_LOOPBACK: "yes please" })).toThrow(/PROBE_ALLOW_LOOPBACK/);
    expect(() => parseEnv({ AUTOCONFIG_BASE_URL: "ftp://x" })).toThrow(/AUTOCONFIG_BASE_URL/);
  });
});

describe("the verdict in plain words", () => {
  const server = (fields: Partial<CheckedServer>): CheckedServer => ({
    host: "mail.example.jp",
    port: 993,
    protocol: "imap",
    security: "tls",
    address: "203.0.113.1",
    outcome: "yes",
    failure: null,
    tlsVersion: "TLSv1.3",
    cipher: "TLS_AES_256_GCM_SHA384",
    weakTls: false,
    chainValid: true,
    chainError: null,
    hostnameMatches: true,
    certSubject: "mail.example.jp",
    certIssuer: "CA",
    certValidTo: "2027-01-01T00:00:00.000Z",
    certDaysLeft: 90,
    certExpired: false,
    certSelfSigned: false,
    starttlsOffered: null,
    plaintextInsteadOfTls: false,
    authBeforeTls: null,
    authAfterTls: ["PLAIN"],
    plaintextAuthBeforeTls: [],
    apop: null,
    timings: { resolveMs: 1, connectMs: 1, greetingMs: 1, handshakeMs: 1, totalMs: 4 },
    direction: "incoming",
    declared: "SSL",
    ...fields,
  });

  it("all good", () => {
    const v = computeVerdict([server({}), server({ port: 465, protocol: "smtp", direction: "outgoing" })]);
    expect(v).toMatchObject({
      receiving: "encrypted",
      sending: "encrypted",
      passwordsBeforeTls: "no",
      certificates: "ok",
      tls: "ok",
      plainSettings: [],
    });
  });

  it("names each problem", () => {
    const v = computeVerdict([
      server({ certExpired: true, chainValid: false, chainError: "CERT_HAS_EXPIRED", certDaysLeft: -3 }),
      server({
        port: 143,
        security: "starttls",
        declared: "plain",
        outcome: "no",
        tlsVersion: null,
        starttlsOffered: false,
        authBeforeTls: ["PLAIN"],
        plaintextAuthBeforeTls: ["PLAIN", "LOGIN-COMMAND"],
      }),
      server({
        port: 465,
        protocol: "smtp",
        direction: "outgoing",
        weakTls: true,
        tlsVersion: "TLSv1",
        hostnameMatches: false,
      }),
      server({
        port: 587,
        protocol: "smtp",
        direction: "outgoing",
        outcome: "unknown",
        tlsVersion: null,
        failure: { step: "connect", code: "timeout", message: "" },
      }),
    ]);
    expect(v.receiving).toBe("partly");
    expect(v.sending).toBe("encrypted");
    expect(v.passwordsBeforeTls).toBe("yes");
    expect(v.passwordServers).toEqual([
      { host: "mail.example.jp", port: 143, protocol: "imap", methods: ["PLAIN", "LOGIN-COMMAND"] },
    ]);
    expect(v.certificates).toBe("problems");
    expect(v.certificateProblems.map((p) => `${p.port} ${p.kind}`)).toEqual(["993 expired", "465 hostname-mismatch"]);
    expect(v.tls).toBe("weak");
    expect(v.plainSettings).toEqual([{ host: "mail.example.jp", port: 143, protocol: "imap" }]);
  });

  it("says unknown when nothing answered", () => {
    const down = server({
      outcome: "unknown",
      tlsVersion: null,
      authAfterTls: null,
      failure: { step: "connect", code: "ECONNREFUSED", message: "" },
    });
    expect(computeVerdict([down])).toMatchObject({
      receiving: "unknown",
      sending: "unknown",
      passwordsBeforeTls: "unknown",
      certificates: "unknown",
      tls: "unknown",
    });
  });
});

describe("the servers a check probes", () => {
  it("plans only mail servers, each once, with the domain put in", () => {
    const { planned, skipped } = plannedServers(
      {
        id: "x",
        domains: ["example.jp"],
        displayName: "x",
        incoming: [
          { type: "imap", hostname: "imap.%EMAILDOMAIN%", port: 993, socketType: "SSL", authentication: [] },
          { type: "imap", hostname: "IMAP.example.jp", port: 993, socketType: "SSL", authentication: [] },
          { type: "exchange", hostname: "ex.example.jp", port: 443, socketType: "SSL", authentication: [] },
        ],
        outgoing: [{ type: "smtp", hostname: "smtp.example.jp", port: 25, socketType: "plain", authentication: [] }],
        webServices: [],
        documentation: [],
      },
      "example.jp",
    );
    expect(planned.map((p) => `${p.target.host}:${p.target.port}/${p.target.security}`)).toEqual([
      "imap.example.jp:993/tls",
      "smtp.example.jp:25/starttls",
    ]);
    expect(skipped).toBe(2);
  });

  it("probes at most four hosts and eight servers, however many the settings name", () => {
    const smtp = (i: number, port = 587) => ({
      type: "smtp" as const,
      hostname: `host${i}.example.net`,
      port,
      socketType: "STARTTLS" as const,
      authentication: [],
    });
    const config = (outgoing: Array<ReturnType<typeof smtp>>) => ({
      id: "x",
      domains: ["example.jp"],
      displayName: "x",
      incoming: [],
      outgoing,
      webServices: [],
      documentation: [],
    });
    const manyHosts = plannedServers(config([1, 2, 3, 4, 5, 6].map((i) => smtp(i))), "example.jp");
    expect(new Set(manyHosts.planned.map((p) => p.target.host)).size).toBe(MAX_CHECKED_HOSTS);
    expect(manyHosts.skipped).toBe(2);
    const onePort = [25, 110, 143, 465, 587, 993, 995, 2525, 2465, 2587];
    const manyPorts = plannedServers(config(onePort.map((port) => smtp(1, port))), "example.jp");
    expect(manyPorts.planned).toHaveLength(MAX_CHECKED_SERVERS);
    expect(manyPorts.skipped).toBe(2);
  });
});
