import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import { probeEndpoints } from "@/lib/probe/probe-service";
import { findingsFromResults } from "@/lib/probe/properties";
import type { ProbeOptions, ProbeTarget } from "@/lib/probe/types";
import { startTestServers, type TestServers } from "../servers";

// Needs Dovecot (Debian: dovecot-pop3d dovecot-imapd); startTestServers fails with the
// apt-get line when it is missing.
let servers: TestServers;
let dovecot: NonNullable<TestServers["dovecot"]>;
let options: ProbeOptions;

beforeAll(async () => {
  servers = await startTestServers({ dovecot: true });
  dovecot = servers.dovecot!;
  options = { allowLoopback: true, ca: servers.certs.ca, timeoutMs: 3000 };
});
afterAll(async () => {
  await servers?.stop();
});

const target = (
  protocol: "pop3" | "imap",
  port: number,
  security: ProbeTarget["security"],
  host = "localhost",
): ProbeTarget => ({
  host,
  port,
  protocol,
  security,
});

describe("Dovecot POP3", () => {
  it("POP3S: implicit TLS, then CAPA over TLS", async () => {
    const r = await probeEndpoint(target("pop3", dovecot.pop3s, "tls"), options);
    expect(r.failure).toBeNull();
    expect(r.greeting).toMatch(/^\+OK Dovecot/);
    expect(r.tls).toMatchObject({ chainValid: true, hostnameMatches: true, weak: false });
    expect(r.authAfterTls).toEqual(expect.arrayContaining(["USER", "PLAIN", "LOGIN", "CRAM-MD5"]));
    expect(r.apop).toBe(false);
  });

  it("STLS as on the internet: no USER or PLAIN/LOGIN before TLS, all of them after", async () => {
    const r = await probeEndpoint(target("pop3", dovecot.pop3, "starttls", dovecot.strictHost), options);
    expect(r.failure).toBeNull();
    expect(r.starttlsOffered).toBe(true);
    expect(r.starttlsAccepted).toBe(true);
    expect(r.capabilitiesBeforeTls).toContain("STLS");
    expect(r.authBeforeTls).toEqual(["CRAM-MD5"]);
    expect(r.plaintextAuthBeforeTls).toEqual([]);
    expect(r.authAfterTls).toEqual(expect.arrayContaining(["USER", "PLAIN", "LOGIN", "CRAM-MD5"]));
    expect(r.tls?.version).toBe("TLSv1.3");
    const commands = r.transcript.filter((l) => l.startsWith("C: ")).map((l) => l.slice(3));
    expect(commands).toEqual(["CAPA", "STLS", "CAPA", "QUIT"]);
  });

  it("flags USER and PLAIN/LOGIN where Dovecot offers them before TLS (a client it trusts)", async () => {
    const r = await probeEndpoint(target("pop3", dovecot.pop3, "starttls", dovecot.trustedHost), options);
    expect(r.starttlsOffered).toBe(true);
    expect(r.plaintextAuthBeforeTls).toEqual(["USER", "PLAIN", "LOGIN"]);
  });
});

describe("Dovecot IMAP", () => {
  it("IMAPS: implicit TLS, then CAPABILITY over TLS", async () => {
    const r = await probeEndpoint(target("imap", dovecot.imaps, "tls"), options);
    expect(r.failure).toBeNull();
    expect(r.greeting).toMatch(/^\* OK /);
    expect(r.tls?.chainValid).toBe(true);
    expect(r.authAfterTls).toEqual(["PLAIN", "LOGIN", "CRAM-MD5"]);
  });

  it("STARTTLS as on the internet: LOGINDISABLED before TLS, PLAIN/LOGIN after", async () => {
    const r = await probeEndpoint(target("imap", dovecot.imap, "starttls", dovecot.strictHost), options);
    expect(r.failure).toBeNull();
    expect(r.starttlsOffered).toBe(true);
    expect(r.capabilitiesBeforeTls).toContain("LOGINDISABLED");
    expect(r.authBeforeTls).toEqual(["CRAM-MD5"]);
    expect(r.plaintextAuthBeforeTls).toEqual([]);
    expect(r.capabilitiesAfterTls).not.toContain("LOGINDISABLED");
    expect(r.authAfterTls).toEqual(["PLAIN", "LOGIN", "CRAM-MD5"]);
    const commands = r.transcript.filter((l) => l.startsWith("C: ")).map((l) => l.slice(3).split(" ")[1]);
    expect(commands).toEqual(["CAPABILITY", "STARTTLS", "CAPABILITY", "LOGOUT"]);
  });

  it("flags the LOGIN command and AUTH=PLAIN/LOGIN where offered before TLS", async () => {
    const r = await probeEndpoint(target("imap", dovecot.imap, "starttls", dovecot.trustedHost), options);
    expect(r.plaintextAuthBeforeTls).toEqual(["PLAIN", "LOGIN", "LOGIN-COMMAND"]);
  });

  it("notices clear text on a port where TLS was expected", async () => {
    const r = await probeEndpoint(target("imap", dovecot.imap, "tls"), options);
    expect(r.plaintextInsteadOfTls).toBe(true);
  });
});

describe("a whole Dovecot service", () => {
  it("maps onto the receiving properties", async () => {
    const run = await probeEndpoints(
      [
        target("pop3", dovecot.pop3s, "tls"),
        target("pop3", dovecot.pop3, "starttls", dovecot.strictHost),
        target("imap", dovecot.imaps, "tls"),
        target("imap", dovecot.imap, "starttls", dovecot.strictHost),
      ],
      options,
    );
    const values = Object.fromEntries(findingsFromResults(run.results).map((f) => [f.property, f.value]));
    expect(values).toEqual({
      pop3s: "yes",
      "pop3-stls": "yes",
      imaps: "yes",
      "imap-starttls": "yes",
      apop: "no",
      "cram-md5": "yes",
    });
  });
});
