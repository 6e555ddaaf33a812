import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckDns } from "@/lib/check/dns";
import { startDnsServer, type TestDnsServer } from "./dns-server";

// The check's DNS questions asked of a real DNS server on loopback, as c-ares sees its answers.
describe("the check's DNS against a loopback server", () => {
  let server: TestDnsServer;
  const at = (port: number) =>
    createCheckDns({ server: { host: "127.0.0.1", port }, timeoutMs: 2000, controlName: "control.test" });

  beforeAll(async () => {
    server = await startDnsServer({
      "control.test": { a: ["192.0.2.1"] },
      "mail.example": {
        mx: [
          { exchange: "mx2.mail.example", priority: 20 },
          { exchange: "mx1.mail.example", priority: 10 },
        ],
      },
      "web-only.example": { a: ["192.0.2.2"] },
      "broken.example": { servfail: true },
    });
  });
  afterAll(() => server?.close());

  it("reads MX hosts, an empty answer, NXDOMAIN and SERVFAIL", async () => {
    const dns = at(server.port);
    expect(await dns.inspect("mail.example")).toEqual({
      domain: { kind: "exists", mxHosts: ["mx1.mail.example", "mx2.mail.example"] },
      controlOk: true,
    });
    expect(await dns.inspect("web-only.example")).toEqual({ domain: { kind: "exists", mxHosts: [] }, controlOk: true });
    expect(await dns.inspect("typo.example")).toEqual({ domain: { kind: "nxdomain" }, controlOk: true });
    expect(await dns.inspect("broken.example")).toEqual({
      domain: { kind: "failed", code: "ESERVFAIL" },
      controlOk: true,
    });
  });

  it("sees a resolver nobody answers at as a failure of the control lookup too", async () => {
    const gone = await startDnsServer({});
    const port = gone.port;
    await gone.close();
    const result = await at(port).inspect("mail.example");
    expect(result.controlOk).toBe(false);
    expect(result.domain.kind).toBe("failed");
  });
});
