import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { lookupAutoconfig, type AutoconfigUrls } from "@/lib/autoconfig/lookup";
import type { MxRecord } from "@/lib/autoconfig/types";
import { parseIspdbXml } from "@/lib/ispdb/parse";
import { describeWithSharedSources, ISPDB_FILES } from "../helpers/shared-sources";

describeWithSharedSources("lookupAutoconfig against a local web server with real ISPDB files", () => {
  type Route = { file?: string; body?: string; status?: number; hang?: true };
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const hanging: ServerResponse[] = [];
  // What the ISPDB service does: every <domain> a file lists answers with that file.
  const ispdbIndex = new Map<string, string>();
  let server: Server;
  let base: string;

  const read = (file: string) => readFileSync(path.join(ISPDB_FILES, file), "utf8");
  const urlsFor = (domain: string, emailAddress: string): AutoconfigUrls => ({
    autoconfig: `${base}/autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(emailAddress)}`,
    wellKnown: `${base}/${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
    ispdb: `${base}/autoconfig.thunderbird.net/v1.1/${domain}`,
  });
  const noMx = async (): Promise<MxRecord[]> => [];
  const mxMustNotBeAsked = async (): Promise<MxRecord[]> => {
    throw new Error("MX must not be looked up once a config is found");
  };
  const outcomes = (attempts: Array<{ step: string; outcome: string }>) =>
    attempts.map((a) => `${a.step}:${a.outcome}`);

  beforeAll(async () => {
    for (const file of readdirSync(ISPDB_FILES).filter((f) => f.endsWith(".xml"))) {
      for (const domain of parseIspdbXml(read(file), file).domains) {
        if (!ispdbIndex.has(domain.toLowerCase())) ispdbIndex.set(domain.toLowerCase(), file);
      }
    }
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      requests.push(`${url.pathname}${url.search}`);
      const route = routes.get(url.pathname);
      const ispdb = /^\/autoconfig\.thunderbird\.net\/v1\.1\/([^/]+)$/.exec(url.pathname);
      const file = route?.file ?? (ispdb && !route ? ispdbIndex.get(ispdb[1]!) : undefined);
      if (route?.hang) {
        hanging.push(res);
        return;
      }
      if (file || route?.body !== undefined) {
        // No XML content type on purpose: the lookup must not depend on it.
        res.writeHead(route?.status ?? 200, { "content-type": "application/octet-stream" });
        res.end(file ? read(file) : route?.body);
        return;
      }
      res.writeHead(route?.status ?? 404, { "content-type": "text/plain" });
      res.end("not here");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    routes.clear();
    requests.length = 0;
  });

  it("takes the provider's autoconfig host first, sending the address it asks about", async () => {
    routes.set("/autoconfig.aol.com/mail/config-v1.1.xml", { file: "aol.com.xml" });
    const result = await lookupAutoconfig("aol.com", {
      urlsFor,
      resolveMx: mxMustNotBeAsked,
      emailAddress: "alice@aol.com",
    });
    expect(result).toMatchObject({
      domain: "aol.com",
      answeredBy: "autoconfig",
      url: `${base}/autoconfig.aol.com/mail/config-v1.1.xml?emailaddress=alice%40aol.com`,
      guessed: false,
      mxHosts: [],
    });
    expect(result.config.displayName).toBe("AOL Mail");
    expect(result.config.incoming.map((s) => `${s.type} ${s.hostname}:${s.port}`)).toEqual([
      "imap imap.aol.com:993",
      "pop3 pop.aol.com:995",
    ]);
    expect(result.attempts).toEqual([
      { step: "autoconfig", url: result.url, outcome: "found", detail: "AOL Mail", ms: expect.any(Number) },
    ]);
    expect(requests).toEqual(["/autoconfig.aol.com/mail/config-v1.1.xml?emailaddress=alice%40aol.com"]);

    await lookupAutoconfig("aol.com", { urlsFor, resolveMx: mxMustNotBeAsked });
    expect(requests.at(-1)).toBe("/autoconfig.aol.com/mail/config-v1.1.xml?emailaddress=postmaster%40aol.com");
  });

  it("falls back to the well-known URL when the autoconfig host answers 404", async () => {
    routes.set("/posteo.de/.well-known/autoconfig/mail/config-v1.1.xml", { file: "posteo.de.xml" });
    const result = await lookupAutoconfig("posteo.de", { urlsFor, resolveMx: mxMustNotBeAsked });
    expect(result.answeredBy).toBe("well-known");
    expect(result.config.id).toBe("posteo.de");
    expect(result.attempts.map((a) => [a.step, a.outcome, a.detail])).toEqual([
      ["autoconfig", "not-found", "HTTP 404"],
      ["well-known", "found", "Posteo"],
    ]);
  });

  it("asks the ISPDB when the provider serves neither URL", async () => {
    const result = await lookupAutoconfig("aim.com", { urlsFor, resolveMx: mxMustNotBeAsked });
    expect(result).toMatchObject({
      answeredBy: "ispdb",
      url: `${base}/autoconfig.thunderbird.net/v1.1/aim.com`,
      guessed: false,
    });
    expect(result.config.id).toBe("aol.com");
    expect(outcomes(result.attempts)).toEqual(["autoconfig:not-found", "well-known:not-found", "ispdb:found"]);
  });

  it("finds Microsoft 365 from the MX host before Outlook.com's consumer settings", async () => {
    const resolveMx = async (domain: string): Promise<MxRecord[]> => {
      expect(domain).toBe("contoso-example.com");
      return [
        { exchange: "backup-mx.example.net", priority: 20 },
        { exchange: "contoso-example-com.mail.protection.outlook.com.", priority: 10 },
      ];
    };
    const result = await lookupAutoconfig("contoso-example.com", { urlsFor, resolveMx });
    expect(result).toMatchObject({
      answeredBy: "mx-ispdb",
      url: `${base}/autoconfig.thunderbird.net/v1.1/mail.protection.outlook.com`,
      mxHosts: ["contoso-example-com.mail.protection.outlook.com", "backup-mx.example.net"],
      guessed: false,
    });
    expect(result.config.displayName).toBe("Microsoft 365");
    expect(outcomes(result.attempts)).toEqual([
      "autoconfig:not-found",
      "well-known:not-found",
      "ispdb:not-found",
      "mx:found",
      "mx-ispdb:found",
    ]);
  });

  it("finds Outlook.com from its MX host the same way", async () => {
    const resolveMx = async (): Promise<MxRecord[]> => [
      { exchange: "example-org.olc.protection.outlook.com", priority: 0 },
    ];
    const result = await lookupAutoconfig("example.org", { urlsFor, resolveMx });
    expect(result).toMatchObject({
      answeredBy: "mx-ispdb",
      url: `${base}/autoconfig.thunderbird.net/v1.1/olc.protection.outlook.com`,
    });
    expect(result.config.id).toBe("hotmail.com");
  });

  it("falls back from the MX host's parent to its registrable domain", async () => {
    const resolveMx = async (): Promise<MxRecord[]> => [{ exchange: "mx01.mail.icloud.com", priority: 10 }];
    const result = await lookupAutoconfig("family-example.net", { urlsFor, resolveMx });
    expect(result.answeredBy).toBe("mx-ispdb");
    expect(result.config.id).toBe("me.com");
    expect(
      result.attempts.filter((a) => a.step === "mx-ispdb").map((a) => [a.url.replace(base, ""), a.outcome]),
    ).toEqual([
      ["/autoconfig.thunderbird.net/v1.1/mail.icloud.com", "not-found"],
      ["/autoconfig.thunderbird.net/v1.1/icloud.com", "found"],
    ]);
  });

  it("uses three labels for an MX host under ne.jp", async () => {
    const resolveMx = async (): Promise<MxRecord[]> => [{ exchange: "mx3.biglobe.ne.jp", priority: 10 }];
    const result = await lookupAutoconfig("my-shop.jp", { urlsFor, resolveMx });
    expect(result.answeredBy).toBe("mx-ispdb");
    expect(result.url).toBe(`${base}/autoconfig.thunderbird.net/v1.1/biglobe.ne.jp`);
  });

  it("guesses, and says so, when nothing answers", async () => {
    const resolveMx = async (): Promise<MxRecord[]> => [{ exchange: "mx1.mailhost.example.net", priority: 5 }];
    const result = await lookupAutoconfig("small-hoster.org", { urlsFor, resolveMx });
    expect(result).toMatchObject({
      answeredBy: "guess",
      guessed: true,
      url: null,
      mxHosts: ["mx1.mailhost.example.net"],
    });
    expect(outcomes(result.attempts)).toEqual([
      "autoconfig:not-found",
      "well-known:not-found",
      "ispdb:not-found",
      "mx:found",
      "mx-ispdb:not-found",
      "mx-ispdb:not-found",
    ]);
    expect(
      [...result.config.incoming, ...result.config.outgoing].map(
        (s) => `${s.type} ${s.hostname}:${s.port} ${s.socketType}`,
      ),
    ).toEqual([
      "imap imap.small-hoster.org:993 SSL",
      "pop3 pop.small-hoster.org:995 SSL",
      "smtp smtp.small-hoster.org:465 SSL",
      "smtp smtp.small-hoster.org:587 STARTTLS",
    ]);

    const withoutMx = await lookupAutoconfig("small-hoster.org", { urlsFor, resolveMx: noMx });
    expect(withoutMx.answeredBy).toBe("guess");
    expect(withoutMx.attempts.at(-1)).toMatchObject({
      step: "mx",
      outcome: "not-found",
      detail: "no MX records",
      url: "dns:small-hoster.org?type=MX",
    });
  });

  it("records a server that never answers as a timeout and goes on", async () => {
    routes.set("/autoconfig.posteo.de/mail/config-v1.1.xml", { hang: true });
    routes.set("/posteo.de/.well-known/autoconfig/mail/config-v1.1.xml", { file: "posteo.de.xml" });
    const result = await lookupAutoconfig("posteo.de", { urlsFor, resolveMx: mxMustNotBeAsked, timeoutMs: 300 });
    expect(result.answeredBy).toBe("well-known");
    expect(result.attempts[0]).toMatchObject({
      step: "autoconfig",
      outcome: "timeout",
      detail: "no complete answer within 300 ms",
    });
    expect(result.attempts[0]!.ms).toBeGreaterThanOrEqual(250);
    expect(result.attempts[1]).toMatchObject({ step: "well-known", outcome: "found" });
  });

  it("records a resolver that never answers as a timeout and still guesses", async () => {
    const resolveMx = () => new Promise<MxRecord[]>(() => {});
    const result = await lookupAutoconfig("quiet.example.com", { urlsFor, resolveMx, timeoutMs: { mx: 200 } });
    expect(result.answeredBy).toBe("guess");
    expect(result.attempts.at(-1)).toMatchObject({ step: "mx", outcome: "timeout" });
  });

  it("marks what is not a clientConfig for the domain as invalid and goes on", async () => {
    routes.set("/autoconfig.posteo.de/mail/config-v1.1.xml", { body: "<html><body>Welcome to nginx!" });
    // A real config, but for someone else.
    routes.set("/posteo.de/.well-known/autoconfig/mail/config-v1.1.xml", { file: "aol.com.xml" });
    const result = await lookupAutoconfig("posteo.de", { urlsFor, resolveMx: mxMustNotBeAsked });
    expect(result.answeredBy).toBe("ispdb");
    expect(result.config.id).toBe("posteo.de");
    expect(result.attempts.map((a) => [a.step, a.outcome, a.detail])).toEqual([
      ["autoconfig", "invalid", expect.stringMatching(/^\(document\): not well-formed XML/)],
      ["well-known", "invalid", "the config does not list posteo.de among its domains"],
      ["ispdb", "found", "Posteo"],
    ]);
  });

  it("records server errors, refused connections and oversized answers, and goes on", async () => {
    routes.set("/autoconfig.posteo.de/mail/config-v1.1.xml", { status: 500, body: "oops" });
    routes.set("/posteo.de/.well-known/autoconfig/mail/config-v1.1.xml", {
      body: `<clientConfig>${" ".repeat(600 * 1024)}</clientConfig>`,
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const first = await lookupAutoconfig("posteo.de", { urlsFor, resolveMx: mxMustNotBeAsked });
    expect(first.attempts.map((a) => [a.step, a.outcome, a.detail])).toEqual([
      ["autoconfig", "error", "HTTP 500"],
      ["well-known", "invalid", "larger than 524288 bytes"],
      ["ispdb", "found", "Posteo"],
    ]);

    const refused = await lookupAutoconfig("posteo.de", {
      urlsFor: (d, e) => ({ ...urlsFor(d, e), autoconfig: `http://127.0.0.1:${closedPort}/mail/config-v1.1.xml` }),
      resolveMx: mxMustNotBeAsked,
    });
    expect(refused.attempts[0]).toMatchObject({
      step: "autoconfig",
      outcome: "error",
      detail: expect.stringMatching(/^ECONNREFUSED/),
    });
  });

  it("looks up an IDN domain by its ASCII form", async () => {
    const result = await lookupAutoconfig("例え.jp", { urlsFor, resolveMx: noMx });
    expect(result.domain).toBe("xn--r8jz45g.jp");
    expect(requests[0]).toBe(
      "/autoconfig.xn--r8jz45g.jp/mail/config-v1.1.xml?emailaddress=postmaster%40xn--r8jz45g.jp",
    );
    expect(result.config.incoming[0]?.hostname).toBe("imap.xn--r8jz45g.jp");
  });

  it("stops when the caller cancels", async () => {
    routes.set("/autoconfig.posteo.de/mail/config-v1.1.xml", { hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("caller went away")), 100);
    await expect(
      lookupAutoconfig("posteo.de", { urlsFor, resolveMx: mxMustNotBeAsked, signal: controller.signal }),
    ).rejects.toThrow("caller went away");
  });
});
