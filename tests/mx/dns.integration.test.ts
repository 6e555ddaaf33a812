import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMxResolver } from "@/lib/mx/dns";
import { startDnsServer, type TestDnsServer } from "../check/dns-server";

// The mail-domain resolver against a DNS server on loopback: the three record types, the AD bit
// and the trust decision around it.
describe("the mail-domain resolver", () => {
  let server: TestDnsServer;
  const longTxt = `v=spf1 ${Array.from({ length: 30 }, (_, i) => `ip4:192.0.2.${i}`).join(" ")} -all`;

  beforeAll(async () => {
    server = await startDnsServer({
      "": { signed: true },
      "signed.test": {
        mx: [{ exchange: "mx.signed.test", priority: 10 }],
        txt: [longTxt, "other"],
        signed: true,
      },
      "_25._tcp.mx.signed.test": {
        tlsa: [{ usage: 3, selector: 1, matching: 1, data: "ab".repeat(32) }],
        signed: true,
      },
      "_25._tcp.mx.unsigned.test": { tlsa: [{ usage: 3, selector: 0, matching: 0, data: "0102" }] },
      "broken.test": { servfail: true },
    });
  });
  afterAll(() => server?.close());

  const at = (options: { trustAd?: boolean } = {}) =>
    createMxResolver({ server: { host: "127.0.0.1", port: server.port }, timeoutMs: 2000, ...options });

  it("reads MX, TXT (long records joined) and TLSA with the AD bit of a loopback resolver", async () => {
    const dns = at();
    expect(await dns.mx("Signed.Test.")).toEqual({
      ok: true,
      records: [{ exchange: "mx.signed.test", priority: 10 }],
      authenticated: true,
    });
    expect(await dns.txt("signed.test")).toEqual({ ok: true, records: [longTxt, "other"], authenticated: true });
    expect(await dns.tlsa("_25._tcp.mx.signed.test")).toEqual({
      ok: true,
      records: [{ usage: 3, selector: 1, matching: 1, data: "ab".repeat(32) }],
      authenticated: true,
    });
    expect(await dns.tlsa("_25._tcp.mx.unsigned.test")).toEqual({
      ok: true,
      records: [{ usage: 3, selector: 0, matching: 0, data: "0102" }],
      authenticated: false,
    });
    expect(await dns.validates()).toBe(true);
  });

  it("tells NODATA, NXDOMAIN and SERVFAIL apart", async () => {
    const dns = at();
    expect(await dns.tlsa("signed.test")).toEqual({ ok: true, records: [], authenticated: true });
    expect(await dns.txt("missing.test")).toMatchObject({ ok: false, code: "nxdomain" });
    expect(await dns.mx("broken.test")).toMatchObject({ ok: false, code: "servfail" });
  });

  it("ignores the AD bit of a resolver it does not trust, and then does not claim to validate", async () => {
    const dns = at({ trustAd: false });
    expect(await dns.tlsa("_25._tcp.mx.signed.test")).toMatchObject({ ok: true, authenticated: false });
    expect(await dns.validates()).toBe(false);
  });

  it("reports a resolver nobody answers at as a timeout", async () => {
    const gone = await startDnsServer({});
    const port = gone.port;
    await gone.close();
    const dns = createMxResolver({ server: { host: "127.0.0.1", port }, timeoutMs: 400 });
    expect(await dns.mx("signed.test")).toMatchObject({ ok: false });
  });
});
