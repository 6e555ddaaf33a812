import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupAutoconfig } from "@/lib/autoconfig/lookup";
import { readCheckConfig } from "@/lib/check/config";
import { guardedFetch } from "@/lib/check/guarded-fetch";
import { runMailCheck } from "@/lib/check/run-check";
import { parseEnv } from "@/lib/env";
import { clientConfigXml, startAutoconfigServer, type AutoconfigServer } from "../servers/autoconfig";
import { startTestServers, type TestServers } from "../servers";

describe("a whole check against local servers", () => {
  let servers: TestServers;
  let autoconfig: AutoconfigServer;
  const DOMAIN = "local-test.example";

  beforeAll(async () => {
    servers = await startTestServers({ dovecot: false });
    autoconfig = await startAutoconfigServer({
      [DOMAIN]: clientConfigXml(DOMAIN, [
        { type: "imap", hostname: "localhost", port: servers.smtp.plainOnly, socketType: "STARTTLS" },
        { type: "smtp", hostname: "localhost", port: servers.smtp.implicitTls, socketType: "SSL" },
        { type: "smtp", hostname: "localhost", port: servers.smtp.plainOnly, socketType: "plain" },
        { type: "smtp", hostname: "%EMAILLOCALPART%.example", port: 465, socketType: "SSL" },
      ]),
    });
  });
  afterAll(async () => {
    await autoconfig?.close();
    await servers?.stop();
  });

  const lookup = (allowLoopback: boolean) => (domain: string) =>
    lookupAutoconfig(domain, {
      urlsFor: readCheckConfig(parseEnv({ AUTOCONFIG_BASE_URL: autoconfig.url })).urlsFor,
      fetch: guardedFetch({ allowLoopback }),
      timeoutMs: 3000,
    });

  it("finds the settings, probes each server and judges them", async () => {
    const report = await runMailCheck(DOMAIN, {
      lookup: lookup(true),
      probe: { allowLoopback: true, timeoutMs: 3000 },
    });
    expect(report.answeredBy).toBe("ispdb");
    expect(report.guessed).toBe(false);
    // the placeholder host depends on the user and is skipped
    expect(report.skipped).toBe(1);
    expect(report.servers.map((s) => [s.direction, s.port, s.outcome])).toEqual([
      ["incoming", servers.smtp.plainOnly, "unknown"],
      ["outgoing", servers.smtp.implicitTls, "yes"],
      ["outgoing", servers.smtp.plainOnly, "no"],
    ]);
    expect(report.verdict.sending).toBe("partly");
    expect(report.verdict.passwordsBeforeTls).toBe("yes");
    // the test CA is not trusted here, as on a real visitor's check
    expect(report.verdict.certificates).toBe("problems");
    expect(report.verdict.plainSettings).toHaveLength(1);
  });

  it("fetches the settings through the address guard", async () => {
    const result = await lookup(false)(DOMAIN);
    // loopback refused: no step could fetch, so the lookup fell back to guessing
    expect(result.answeredBy).toBe("guess");
    expect(result.attempts.find((a) => a.step === "ispdb")?.detail).toContain("loopback");
  });
});
