import { afterEach, describe, expect, it, vi } from "vitest";
import { POST, runtime } from "@/app/api/received/route";
import { MAX_RECEIVED_BODY_BYTES } from "@/app/api/received/schema";
import {
  MAX_FINDING_HOPS,
  MAX_HOP_FIELD_CHARS,
  MAX_RECEIVED_RESPONSE_BYTES,
  MAX_SHOWN_HOPS,
  analyzeReceivedHeaders,
  receivedApiResponseSchema,
  toReceivedApiResponse,
} from "@/lib/received";
import { readFixture } from "./helpers";

const URL_ = "http://localhost/api/received";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  return POST(new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}

/** A body that arrives in chunks, so no Content-Length is computed for it. */
function streamOf(chunks: Uint8Array[], options: { failAfter?: number } = {}): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.failAfter !== undefined && index >= options.failAfter) {
        controller.error(new Error("connection reset"));
        return;
      }
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

const encoder = new TextEncoder();
const API_HOP_KEYS = [
  "authenticated",
  "by",
  "cipher",
  "clientCertificate",
  "date",
  "delaySeconds",
  "from",
  "hop",
  "local",
  "tls",
  "tlsVersion",
  "weak",
  "weakReasons",
  "with",
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /api/received", () => {
  it("runs on the Node.js runtime", () => {
    expect(runtime).toBe("nodejs");
  });

  it("analyzes a text/plain body", async () => {
    const res = await post(readFixture("sendmail-2006.eml"), { "content-type": "text/plain; charset=utf-8" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const json = receivedApiResponseSchema.parse(await res.json());
    expect(json.verdict).toBe("not-encrypted");
    expect(json.firstPlainHop).toBe(2);
    expect(json.hops[0]).toMatchObject({
      hop: 1,
      from: "[192.0.2.44]",
      by: "mail.example.jp",
      with: "ESMTP",
      tls: "yes",
      tlsVersion: "1.0",
      cipher: "DHE-RSA-AES256-SHA",
      authenticated: true,
      local: false,
      date: "2006-02-14T13:14:51+09:00",
      delaySeconds: null,
      weak: true,
      weakReasons: ["tls-below-1.2"],
    });
  });

  it("returns exactly the documented hop fields", async () => {
    const res = await post(readFixture("postfix-dovecot.eml"), { "content-type": "text/plain" });
    const json = (await res.json()) as { hops: Record<string, unknown>[] };
    expect(Object.keys(json).sort()).toEqual([
      "findings",
      "firstPlainHop",
      "hopCount",
      "hops",
      "hopsOmitted",
      "level",
      "verdict",
    ]);
    for (const hop of json.hops) expect(Object.keys(hop).sort()).toEqual(API_HOP_KEYS);
  });

  it("gives the page's level and reasons, with the certificate per hop", async () => {
    const res = await post(readFixture("sendmail-verify.eml"), { "content-type": "text/plain" });
    const json = receivedApiResponseSchema.parse(await res.json());
    // the old verdict stays as it was for existing callers
    expect(json.verdict).toBe("encrypted");
    expect(json.level).toBe("weak");
    expect(json.findings).toEqual([{ code: "certificate-failed", hops: [2], count: 1 }]);
    expect(json.hops.map((h) => h.clientCertificate)).toEqual(["not-presented", "failed", "verified"]);
  });

  it("analyzes a JSON body", async () => {
    const res = await post(JSON.stringify({ headers: readFixture("office365.eml") }), {
      "content-type": "application/json",
    });
    expect(res.status).toBe(200);
    const json = receivedApiResponseSchema.parse(await res.json());
    expect(json.verdict).toBe("encrypted");
    expect(json.hops).toHaveLength(4);
  });

  it("answers none for an empty text body", async () => {
    const res = await post("", { "content-type": "text/plain" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      verdict: "none",
      level: "none",
      findings: [],
      firstPlainHop: null,
      hopCount: 0,
      hops: [],
      hopsOmitted: 0,
    });
  });

  it.each([
    ["no content type", {}],
    ["text/html", { "content-type": "text/html" }],
    ["form data", { "content-type": "application/x-www-form-urlencoded" }],
    ["a non-UTF-8 charset", { "content-type": "text/plain; charset=iso-8859-1" }],
  ])("refuses %s with 400", async (_label, headers) => {
    const res = await post(new Blob([encoder.encode("Received: by x; y")]), headers);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string };
    expect(json.error).toMatch(/text\/plain|UTF-8/);
  });

  it.each([
    ["malformed JSON", "{headers:", /not valid JSON/],
    ["an array", "[]", /"headers"/],
    ["a missing field", '{"raw":"x"}', /"headers"/],
    ["a non-string field", '{"headers":42}', /"headers"/],
    ["null", "null", /"headers"/],
  ])("refuses %s with 400", async (_label, body, message) => {
    const res = await post(body, { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it("refuses invalid UTF-8 with 400", async () => {
    const bytes = new Uint8Array([...encoder.encode("Received: from "), 0xc3, 0x28, 0xff]);
    const res = await post(new Blob([bytes]), { "content-type": "text/plain" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/UTF-8/);
  });

  it("accepts exactly 1 MiB and judges all of it, returning the oldest hops and the count of the rest", async () => {
    const field =
      "Received: from a.example.com ([192.0.2.1]) by b.example.net with ESMTPS id X; Tue, 14 Feb 2023 10:00:00 +0000\n";
    const count = Math.floor(MAX_RECEIVED_BODY_BYTES / field.length);
    const last =
      "Received: from z.example.com ([192.0.2.9]) by y.example.net with SMTP id Z; Tue, 14 Feb 2023 10:00:00 +0000\n";
    let text = last + field.repeat(count - 1);
    text += "X".repeat(MAX_RECEIVED_BODY_BYTES - encoder.encode(text).length - 1) + "\n";
    // the padding line is glued onto the last field as a lost-indent continuation; it does no harm
    expect(encoder.encode(text).length).toBe(MAX_RECEIVED_BODY_BYTES);
    const res = await post(text, { "content-type": "text/plain" });
    expect(res.status).toBe(200);
    const json = receivedApiResponseSchema.parse(await res.json());
    expect(json).toMatchObject({ hopCount: count, hopsOmitted: count - MAX_SHOWN_HOPS, verdict: "not-encrypted" });
    expect(json.hops.map((h) => h.hop)).toEqual(Array.from({ length: MAX_SHOWN_HOPS }, (_, i) => i + 1));
    // the plain field sits at the very top, so it is only seen if nothing was cut off
    expect(json.firstPlainHop).toBe(count);
    expect(json.findings.find((f) => f.code === "not-encrypted")).toEqual({
      code: "not-encrypted",
      hops: [count],
      count: 1,
    });
  });

  it("keeps the answer under MAX_RECEIVED_RESPONSE_BYTES, whatever 1 MiB holds", async () => {
    const bodies = {
      // 87,000 hops of one word each: 19.6 MB of JSON before the cap
      "tiny fields": "Received: a\n".repeat(Math.floor(MAX_RECEIVED_BODY_BYTES / 12)),
      // every hop weak and not verified: findings naming tens of thousands of hops
      "weak hops":
        "Received: from a.example by b.example with ESMTPS (TLS1.0:RC4-MD5:128) id x; Tue, 14 Feb 2006 13:14:51 +0900\n".repeat(
          9000,
        ),
      // host names of a kilobyte and more
      "long fields":
        `Received: from ${"a".repeat(3000)} by ${"b".repeat(3000)} with ${"c".repeat(3000)} id x; Tue, 14 Feb 2006 13:14:51 +0900\n`.repeat(
          110,
        ),
      // one field of a megabyte
      "one huge field": `Received: from ${"あ".repeat(340_000)} by b.example; Tue, 14 Feb 2006 13:14:51 +0900\n`,
    };
    for (const [label, body] of Object.entries(bodies)) {
      expect(encoder.encode(body).byteLength, label).toBeLessThanOrEqual(MAX_RECEIVED_BODY_BYTES);
      const res = await post(body, { "content-type": "text/plain" });
      expect(res.status, label).toBe(200);
      const text = await res.text();
      expect(encoder.encode(text).byteLength, label).toBeLessThanOrEqual(MAX_RECEIVED_RESPONSE_BYTES);
      const json = receivedApiResponseSchema.parse(JSON.parse(text));
      expect(json.hops.length + json.hopsOmitted, label).toBe(json.hopCount);
      expect(json.hops.length, label).toBeLessThanOrEqual(MAX_SHOWN_HOPS);
      for (const hop of json.hops)
        for (const field of [hop.from, hop.by, hop.with, hop.cipher])
          expect(field?.length ?? 0, label).toBeLessThanOrEqual(MAX_HOP_FIELD_CHARS);
      for (const finding of json.findings) expect(finding.hops.length, label).toBeLessThanOrEqual(MAX_FINDING_HOPS);
    }
  });

  it("stops adding hops before the byte cap, even where every field escapes to six bytes a character", () => {
    const analysis = analyzeReceivedHeaders(
      "Received: from a.example by b.example; Tue, 14 Feb 2006 13:14:51 +0900\n".repeat(150),
    );
    const escaped = "\u0001".repeat(5000);
    for (const hop of analysis.hops) Object.assign(hop, { from: escaped, by: escaped, with: escaped, cipher: escaped });
    const response = toReceivedApiResponse(analysis);
    expect(encoder.encode(JSON.stringify(response)).byteLength).toBeLessThanOrEqual(MAX_RECEIVED_RESPONSE_BYTES);
    expect(response.hops.length).toBeGreaterThan(0);
    expect(response.hops.length).toBeLessThan(MAX_SHOWN_HOPS);
    expect(response).toMatchObject({ hopCount: 150, hopsOmitted: 150 - response.hops.length });
  });

  it("refuses a declared Content-Length over 1 MiB with 413 before reading", async () => {
    const pull = vi.fn();
    const body = new ReadableStream<Uint8Array>({ pull });
    const res = await post(body, {
      "content-type": "text/plain",
      "content-length": String(MAX_RECEIVED_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/1048576 bytes/);
    expect(pull.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it("counts streamed bytes when Content-Length is missing", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const chunks = Array.from({ length: 17 }, () => chunk); // 1 MiB + 64 KiB
    const res = await post(streamOf(chunks), { "content-type": "text/plain" });
    expect(res.status).toBe(413);
  });

  it("counts streamed bytes when Content-Length lies", async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x41);
    const chunks = [chunk, chunk, chunk, chunk, new Uint8Array([0x41])];
    const res = await post(streamOf(chunks), { "content-type": "text/plain", "content-length": "10" });
    expect(res.status).toBe(413);
  });

  it("refuses a malformed Content-Length with 400", async () => {
    const res = await post(streamOf([encoder.encode("x")]), { "content-type": "text/plain", "content-length": "ten" });
    expect(res.status).toBe(400);
  });

  it("answers 400, not 500, when the body stream fails", async () => {
    const res = await post(streamOf([encoder.encode("Received: by x; y")], { failAfter: 1 }), {
      "content-type": "text/plain",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/could not be read/);
  });

  it("never logs the body", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    await post("Received: from secret.example.com by x; y", { "content-type": "text/plain" });
    await post("{bad json secret", { "content-type": "application/json" });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
