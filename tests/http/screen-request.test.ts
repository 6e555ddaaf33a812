import { describe, expect, it } from "vitest";
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
