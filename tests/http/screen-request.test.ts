import { describe, expect, it } from "vitest";
import { isAcceptableFormPost, isWellFormedActionBody } from "@/lib/http/action-body";
import { ACTION_BODY_LIMIT, screenRequest } from "@/lib/http/screen-request";

const ACTION_ID = "7f".repeat(21);

describe("requests refused before Next", () => {
  it("lets ordinary requests through", () => {
    expect(screenRequest("GET", "/ja/providers?has=pop3s", {})).toBeNull();
    expect(screenRequest("HEAD", "/_next/static/chunks/a.js", {})).toBeNull();
    expect(screenRequest("DELETE", "/api/received", {})).toBeNull();
    expect(screenRequest("POST", "/ja/tools/check", { "next-action": ACTION_ID, "content-length": "120" })).toBeNull();
    // the API's handlers bound their own bodies
    expect(screenRequest("POST", "/api/received", { "transfer-encoding": "chunked" })).toBeNull();
  });

  it("answers malformed escapes in the path with 400, but not in the query", () => {
    expect(screenRequest("GET", "/ja/providers/%E0%A4%A", {})).toMatchObject({ status: 400 });
    expect(screenRequest("GET", "/ja/%", {})).toMatchObject({ status: 400 });
    expect(screenRequest("GET", "/ja/a%00b", {})).toMatchObject({ status: 400 });
    expect(screenRequest("GET", "http://example.com/", {})).toMatchObject({ status: 400 });
    expect(screenRequest("GET", "/ja/providers?q=%E0%A4%A", {})).toBeNull();
  });

  it("answers TRACE, unknown methods and writes to assets with 405 and Allow", () => {
    expect(screenRequest("TRACE", "/ja", {})).toEqual({
      status: 405,
      message: "Method Not Allowed",
      headers: { allow: "GET, HEAD, POST" },
    });
    expect(screenRequest("PROPFIND", "/api/providers", {})).toMatchObject({ status: 405 });
    expect(screenRequest("PUT", "/_next/static/chunks/a.js", {})).toMatchObject({
      status: 405,
      headers: { allow: "GET, HEAD" },
    });
    expect(screenRequest("POST", "/_next/static/x", { "content-length": "1" })).toMatchObject({ status: 405 });
  });

  it("refuses a cross-origin post with 403, as Next would refuse its action", () => {
    const post = { "next-action": ACTION_ID, "content-length": "2", host: "127.0.0.1:3000" };
    expect(screenRequest("POST", "/ja", { ...post, origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(screenRequest("POST", "/ja", { ...post, origin: "http://evil.example" })).toMatchObject({ status: 403 });
    expect(screenRequest("POST", "/ja", { ...post, origin: "null" })).toMatchObject({ status: 403 });
    expect(
      screenRequest("POST", "/ja", { ...post, origin: "https://site.example", "x-forwarded-host": "site.example" }),
    ).toBeNull();
  });

  it("refuses action posts with a bad id, no length or a body over the limit", () => {
    expect(screenRequest("POST", "/ja", { "next-action": "x", "content-length": "1" })).toMatchObject({
      status: 400,
    });
    expect(screenRequest("POST", "/ja", { "next-action": ACTION_ID })).toMatchObject({ status: 411 });
    expect(
      screenRequest("POST", "/ja", { "next-action": ACTION_ID, "content-length": String(ACTION_BODY_LIMIT + 1) }),
    ).toMatchObject({ status: 413 });
  });
});

describe("a server action's body", () => {
  const multipart = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return new Response(form);
  };
  const check = async (fields: Record<string, string>) => {
    const response = multipart(fields);
    return isWellFormedActionBody(
      response.headers.get("content-type") ?? undefined,
      Buffer.from(await response.arrayBuffer()),
    );
  };

  it("is accepted as React writes it", async () => {
    expect(await isWellFormedActionBody("text/plain;charset=UTF-8", Buffer.from('["$K1"]'))).toBe(true);
    // what Chromium sent for the check form (React 19's encodeReply of the state and the form)
    expect(
      await check({
        _1_$ACTION_REF_1: "",
        "_1_$ACTION_1:0": '{"id":"60b7aa800ae52f0909c025fa72a623b66fbcc64f30","bound":"$@1"}',
        "_1_$ACTION_1:1": '[{"status":"idle"}]',
        _1_$ACTION_KEY: "k20cfe73c0ed0e40240fd18fff33a8a31",
        _1_locale: "ja",
        _1_domain: "postmaster@local-test.example",
        "0": '[{"status":"idle"},"$K1"]',
      }),
    ).toBe(true);
  });

  it("is refused when a row is not JSON, the multipart is broken or the type is wrong", async () => {
    expect(await isWellFormedActionBody("text/plain", Buffer.from("domain=x"))).toBe(false);
    expect(await isWellFormedActionBody("text/plain", Buffer.from(""))).toBe(false);
    expect(await isWellFormedActionBody("text/plain", Buffer.from("null"))).toBe(false);
    expect(await check({ "0": '"\\ud800"' })).toBe(false);
    expect(await isWellFormedActionBody("application/json", Buffer.from("[]"))).toBe(false);
    expect(await isWellFormedActionBody("multipart/form-data; boundary=x", Buffer.from("--x\r\n"))).toBe(false);
    expect(await check({ "1_domain": "example.jp" })).toBe(false);
    expect(await check({ "0": "[", "1_domain": "example.jp" })).toBe(false);
    expect(await check({ "0": "[]", "2": "nope" })).toBe(false);
  });
});

describe("a form posted without JavaScript", () => {
  const ids = new Set([ACTION_ID]);
  const post = async (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const response = new Response(form);
    return isAcceptableFormPost(
      response.headers.get("content-type") ?? undefined,
      Buffer.from(await response.arrayBuffer()),
      ids,
    );
  };

  it("is passed on when it names the build's actions", async () => {
    expect(await post({ [`$ACTION_ID_${ACTION_ID}`]: "", domain: "example.jp" })).toBe(true);
    expect(await post({ $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${ACTION_ID}","bound":"$@1"}`, domain: "x" })).toBe(
      true,
    );
  });

  it("is refused when it names another action or its body is not multipart", async () => {
    expect(await post({ [`$ACTION_ID_${"0".repeat(42)}`]: "" })).toBe(false);
    expect(await post({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"nope"}' })).toBe(false);
    expect(await post({ $ACTION_REF_1: "" })).toBe(false);
    expect(await post({ domain: "example.jp" })).toBe(false);
    expect(await isAcceptableFormPost("multipart/form-data; boundary=x", Buffer.from("garbage"), ids)).toBe(false);
  });
});
