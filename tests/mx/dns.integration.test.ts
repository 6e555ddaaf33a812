import dgram from "node:dgram";
import net from "node:net";
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

  it("asks again over TCP when the UDP answer is truncated", async () => {
    // Answers over UDP with TC set and nothing in it; over TCP (same port) with one TXT record.
    const answer = (query: Buffer, truncated: boolean) => {
      const questionEnd = query.length - 11; // the query ends with our 11-byte OPT record
      const header = Buffer.from(query.subarray(0, 12));
      header.writeUInt16BE(truncated ? 0x8380 : 0x8180, 2);
      header.writeUInt16BE(truncated ? 0 : 1, 6);
      header.writeUInt16BE(0, 10);
      const text = Buffer.from("v=TLSRPTv1; rua=mailto:big@example.test");
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0);
      rr.writeUInt16BE(16, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(text.length + 1, 10);
      const record = truncated ? [] : [rr, Buffer.from([text.length]), text];
      return Buffer.concat([header, query.subarray(12, questionEnd), ...record]);
    };
    const udp = dgram.createSocket("udp4");
    udp.on("message", (query, from) => udp.send(answer(query, true), from.port, from.address));
    await new Promise<void>((resolve) => udp.bind(0, "127.0.0.1", resolve));
    const port = udp.address().port;
    const tcp = net.createServer((socket) => {
      socket.once("data", (chunk: Buffer) => {
        const reply = answer(chunk.subarray(2), false);
        const length = Buffer.alloc(2);
        length.writeUInt16BE(reply.length);
        socket.end(Buffer.concat([length, reply]));
      });
    });
    await new Promise<void>((resolve) => tcp.listen(port, "127.0.0.1", resolve));
    try {
      const dns = createMxResolver({ server: { host: "127.0.0.1", port }, timeoutMs: 2000 });
      expect(await dns.txt("_smtp._tls.big.test")).toEqual({
        ok: true,
        records: ["v=TLSRPTv1; rua=mailto:big@example.test"],
        authenticated: false,
      });
    } finally {
      udp.close();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    }
  });
});
