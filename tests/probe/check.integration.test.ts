import net from "node:net";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupAutoconfig } from "@/lib/autoconfig/lookup";
import { readCheckConfig } from "@/lib/check/config";
import { guardedFetch } from "@/lib/check/guarded-fetch";
import { runMailCheck } from "@/lib/check/run-check";
import type { CheckedServer } from "@/lib/check/types";
import { parseEnv } from "@/lib/env";
import { parseIspdbXml } from "@/lib/ispdb/parse";
import {
  clientConfigXml,
  startAutoconfigServer,
  type AutoconfigServer,
  type AutoconfigServerEntry,
} from "../servers/autoconfig";
import { startTestServers, type TestServers } from "../servers";

// The settings a clientConfig document with these servers parses to.
function configFor(entries: AutoconfigServerEntry[]) {
  return parseIspdbXml(clientConfigXml("local-test.example", entries), "test.xml");
}

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

  it("reports a closed port and a silent one the same way, and takes as long for either", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const config = (port: number) => configFor([{ type: "smtp", hostname: "localhost", port, socketType: "STARTTLS" }]);
    const check = async (port: number) => {
      const started = performance.now();
      const report = await runMailCheck(DOMAIN, {
        lookup: async () => ({ domain: DOMAIN, answeredBy: "ispdb", guessed: false, config: config(port) }),
        probe: { allowLoopback: true, timeoutMs: 600 },
      });
      return { server: report.servers[0]!, ms: performance.now() - started };
    };
    const [refused, silent] = await Promise.all([check(closedPort), check(servers.silent)]);
    // alike but for the port and the name lookup's own time
    const alike = ({ port: _port, ...rest }: CheckedServer) => ({
      ...rest,
      timings: { ...rest.timings, resolveMs: 0, totalMs: 0 },
    });
    expect(alike(refused.server)).toEqual(alike(silent.server));
    expect(refused.server.timings.totalMs).toBe(refused.server.timings.resolveMs);
    expect(refused.server.failure).toEqual({
      step: "connect",
      code: "no-answer",
      message: "no connection: the port is closed or did not answer",
    });
    // the refusal came back at once, but the check waited out the timeout, as for the silent port
    expect(refused.ms).toBeGreaterThanOrEqual(600);
    expect(silent.ms).toBeGreaterThanOrEqual(600);
  });

  it("fetches the settings through the address guard", async () => {
    const result = await lookup(false)(DOMAIN);
    // loopback refused: no step could fetch, so the lookup fell back to guessing
    expect(result.answeredBy).toBe("guess");
    expect(result.attempts.find((a) => a.step === "ispdb")?.detail).toContain("loopback");
  });
});
