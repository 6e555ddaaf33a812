import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fetchConfigDocument, MAX_RESPONSE_BYTES } from "@/lib/autoconfig/network";
import { guardedFetch, type Dial } from "@/lib/check/guarded-fetch";
import { resolveProbeAddresses } from "@/lib/probe/address-guard";
import { createTestCertificates, type TestCertificates } from "../servers/certs";

// The DNS rebinding attack on the autoconfig fetch, on loopback. A test resolver answers for
// rebind.test: first a public address, which the address guard accepts (loopback is NOT allowed
// here), then 127.0.0.1. Nothing is ever dialled outside this machine: the dial seam records the
// address the client chose and connects to a loopback server standing in for it, the "public"
// one for PUBLIC and the "internal" one (the server the attack is after) for 127.0.0.1. Each
// server records every request it receives.

// Classified "public" by the guard (it is in no special-purpose range); never actually dialled.
const PUBLIC = "192.0.3.7";

type Recorded = { host: string; url: string };
type Recorder = { port: number; requests: Recorded[]; close: () => Promise<void> };

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
}

function close(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function recorder(
  create: (handler: http.RequestListener) => http.Server | https.Server,
  route: (url: string, res: http.ServerResponse) => void,
): Promise<Recorder> {
  const requests: Recorded[] = [];
  const server = create((req, res) => {
    requests.push({ host: req.headers.host ?? "", url: req.url ?? "" });
    route(req.url ?? "", res);
  });
  return { port: await listen(server), requests, close: () => close(server) };
}

// Alternates its answers, as a name with a TTL of 0 whose server flips between two records can.
function rebindingResolver() {
  let calls = 0;
  return vi.fn(async (_host: string) => [{ address: calls++ % 2 === 0 ? PUBLIC : "127.0.0.1", family: 4 }]);
}

const publicOnly = () => vi.fn(async (_host: string) => [{ address: PUBLIC, family: 4 }]);

describe("the autoconfig fetch against DNS rebinding", () => {
  let certDir: string;
  let certs: TestCertificates;
  let internal: Recorder;
  let publicHttp: Recorder;
  let publicHttps: Recorder;
  const sniSeen: string[] = [];
  let dialled: string[];

  // PUBLIC:80 and PUBLIC:443 are the stand-ins, 127.0.0.1 (any port) is the internal server.
  const dial: Dial = (address, port) => {
    dialled.push(`${address}:${port}`);
    const target =
      address === "127.0.0.1"
        ? internal.port
        : address === PUBLIC && port === 80
          ? publicHttp.port
          : address === PUBLIC && port === 443
            ? publicHttps.port
            : null;
    if (target === null) throw new Error(`the test has no server for ${address}:${port}`);
    return net.connect({ host: "127.0.0.1", port: target });
  };

  beforeAll(async () => {
    certDir = mkdtempSync(path.join(tmpdir(), "msc-fetch-"));
    // its "wrong name" certificate is for mail.wrong-name.test, signed by the test CA
    certs = createTestCertificates(certDir);
    internal = await recorder(http.createServer, (_url, res) => res.end("internal secrets"));
    publicHttp = await recorder(http.createServer, (url, res) => {
      const redirect = /^\/redirect\?to=(.*)$/.exec(url);
      if (redirect?.[1]) {
        res.writeHead(302, { location: decodeURIComponent(redirect[1]) }).end();
      } else if (url === "/loop") {
        res.writeHead(302, { location: "/loop" }).end();
      } else if (url === "/large") {
        // chunked, no Content-Length: only counting the bytes can stop it
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        for (let i = 0; i < 16; i++) res.write(chunk);
        res.end();
      } else if (url === "/hang") {
        res.writeHead(200);
        res.write("<clientConfig>");
      } else {
        res.end("public answer");
      }
    });
    publicHttps = await recorder(
      (handler) => {
        const server = https.createServer({ key: certs.wrongName.key, cert: certs.wrongName.cert }, handler);
        server.on("secureConnection", (socket: TLSSocket) => sniSeen.push(String(socket.servername)));
        return server;
      },
      (_url, res) => res.end("public over tls"),
    );
  });

  afterAll(async () => {
    await Promise.all([internal?.close(), publicHttp?.close(), publicHttps?.close()]);
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    dialled = [];
    sniSeen.length = 0;
    for (const r of [internal, publicHttp, publicHttps]) r.requests.length = 0;
  });

  it("is a real attack on a client that resolves the name again to connect (the old design)", async () => {
    // What the old guardedFetch did: check the name with the guard, then let the HTTP client
    // resolve it again when it connects (here through the same resolver and dial seams).
    const lookup = rebindingResolver();
    const resolveAgainFetch = async (url: URL) => {
      await resolveProbeAddresses(url.hostname, { allowLoopback: false, lookup });
      const [answer] = await lookup(url.hostname);
      return new Promise<number>((resolve, reject) => {
        const request = http.get({
          path: url.pathname + url.search,
          headers: { host: url.host },
          createConnection: () => dial(answer!.address, 80),
        });
        request.on("response", (res) => (res.resume(), resolve(res.statusCode ?? 0)));
        request.on("error", reject);
      });
    };
    expect(await resolveAgainFetch(new URL("http://rebind.test/admin/delete?id=1"))).toBe(200);
    expect(internal.requests).toEqual([{ host: "rebind.test", url: "/admin/delete?id=1" }]);
  });

  it("connects only to the address it checked, so the internal server receives nothing", async () => {
    const lookup = rebindingResolver();
    const fetch = guardedFetch({ allowLoopback: false, lookup, dial });
    for (let i = 0; i < 3; i++) {
      const response = await fetch("http://rebind.test/admin/delete?id=1");
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("public answer");
      // each fetch resolves once; the next fetch's answer is 127.0.0.1, which it refuses
      await expect(fetch("http://rebind.test/admin/delete?id=1")).rejects.toThrow(/127\.0\.0\.1, a loopback address/);
    }
    expect(lookup).toHaveBeenCalledTimes(6);
    expect(dialled).toEqual([`${PUBLIC}:80`, `${PUBLIC}:80`, `${PUBLIC}:80`]);
    expect(publicHttp.requests).toHaveLength(3);
    expect(publicHttp.requests[0]).toEqual({ host: "rebind.test", url: "/admin/delete?id=1" });
    expect(internal.requests).toEqual([]);
  });

  it("re-resolves and re-checks each redirect hop, so a rebinding redirect is refused", async () => {
    const lookup = rebindingResolver();
    const fetch = guardedFetch({ allowLoopback: false, lookup, dial });
    const to = encodeURIComponent("http://rebind.test/latest/meta-data/iam/");
    await expect(fetch(`http://rebind.test/redirect?to=${to}`)).rejects.toMatchObject({
      code: "EADDRREFUSED",
      message: expect.stringContaining("loopback"),
    });
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(dialled).toEqual([`${PUBLIC}:80`]);
    expect(internal.requests).toEqual([]);
  });

  it.each([
    ["another port", "http://rebind.test:8080/admin", /port 443 \(https\) or 80 \(http\)/],
    ["https on a port not its own", "https://rebind.test:8443/", /port 443 \(https\) or 80 \(http\)/],
    ["https on port 80", "https://rebind.test:80/", /port 443 \(https\) or 80 \(http\)/],
    ["another scheme", "ftp://rebind.test/", /only to https or http/],
    ["a file", "file:///etc/passwd", /only to https or http/],
    ["a loopback address", "http://127.0.0.1/admin/delete?id=1", /loopback address/],
    ["an IPv6 loopback address", "http://[::1]/", /loopback address/],
    ["a private address", "http://10.0.0.1/", /private address/],
    ["the cloud metadata address", "http://169.254.169.254/latest/meta-data/iam/", /link-local address/],
    ["credentials in the URL", "http://user:pass@rebind.test/", /no credentials/],
  ])("refuses a redirect to %s before connecting", async (_name, location, message) => {
    const lookup = publicOnly();
    const fetch = guardedFetch({ allowLoopback: false, lookup, dial });
    await expect(fetch(`http://rebind.test/redirect?to=${encodeURIComponent(location)}`)).rejects.toThrow(message);
    expect(dialled).toEqual([`${PUBLIC}:80`]);
    expect(internal.requests).toEqual([]);
  });

  it("hands a redirect back unfollowed with redirect: manual, and refuses it with redirect: error", async () => {
    const fetch = guardedFetch({ allowLoopback: false, lookup: publicOnly(), dial });
    const to = encodeURIComponent("http://rebind.test/next");
    const response = await fetch(`http://rebind.test/redirect?to=${to}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://rebind.test/next");
    await expect(fetch(`http://rebind.test/redirect?to=${to}`, { redirect: "error" })).rejects.toThrow(
      /follows no redirects/,
    );
    expect(publicHttp.requests.map((r) => r.url)).toEqual([`/redirect?to=${to}`, `/redirect?to=${to}`]);
  });

  it("follows at most three redirects", async () => {
    const lookup = publicOnly();
    const fetch = guardedFetch({ allowLoopback: false, lookup, dial });
    await expect(fetch("http://rebind.test/loop")).rejects.toThrow(/more than 3 redirects/);
    expect(publicHttp.requests).toHaveLength(4);
    // every hop was resolved and checked again
    expect(lookup).toHaveBeenCalledTimes(4);
  });

  it("follows a redirect to https on 443, verifying the certificate against the name it was given", async () => {
    const lookup = publicOnly();
    const fetch = guardedFetch({ allowLoopback: false, lookup, dial, ca: certs.ca });
    const to = encodeURIComponent("https://mail.wrong-name.test/mail/config-v1.1.xml");
    const response = await fetch(`http://rebind.test/redirect?to=${to}`);
    expect(await response.text()).toBe("public over tls");
    expect(dialled).toEqual([`${PUBLIC}:80`, `${PUBLIC}:443`]);
    expect(sniSeen).toEqual(["mail.wrong-name.test"]);
    expect(publicHttps.requests).toEqual([{ host: "mail.wrong-name.test", url: "/mail/config-v1.1.xml" }]);

    // the same address under a name the certificate does not cover is not trusted
    await expect(fetch("https://other-name.test/")).rejects.toMatchObject({ code: "ERR_TLS_CERT_ALTNAME_INVALID" });
    // nor is a certificate from a CA the system does not trust
    await expect(guardedFetch({ allowLoopback: false, lookup, dial })("https://mail.wrong-name.test/")).rejects.toThrow(
      /certificate/,
    );
    expect(publicHttps.requests).toHaveLength(1);
  });

  it("keeps the autoconfig lookup's byte limit and timeout", async () => {
    const fetch = guardedFetch({ allowLoopback: false, lookup: publicOnly(), dial });
    const step = (timeoutMs: number) => ({ signal: AbortSignal.timeout(timeoutMs), timeoutMs });
    expect(await fetchConfigDocument("http://rebind.test/large", fetch, step(5000))).toEqual({
      ok: false,
      outcome: "invalid",
      detail: `larger than ${MAX_RESPONSE_BYTES} bytes`,
    });
    expect(await fetchConfigDocument("http://rebind.test/hang", fetch, step(300))).toEqual({
      ok: false,
      outcome: "timeout",
      detail: "no complete answer within 300 ms",
    });
    expect(await fetchConfigDocument("http://rebind.test/ok", fetch, step(5000))).toEqual({
      ok: true,
      xml: "public answer",
    });
  });
});
