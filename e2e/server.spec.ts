import { expect, test } from "@playwright/test";

// What server.ts answers before Next (npm start runs it; so does e2e/serve.sh): 4xx, never 5xx.
test.describe("bad requests get a 4xx from the production server", () => {
  test("a malformed %-escape in the path is a 400", async ({ request }) => {
    expect((await request.get("/ja/providers/%E0%A4%A")).status()).toBe(400);
  });

  test("TRACE and unknown methods are a 405 with Allow; so is writing to Next's assets", async ({ request }) => {
    const trace = await request.fetch("/ja", { method: "TRACE" });
    expect(trace.status()).toBe(405);
    expect(trace.headers()["allow"]).toBe("GET, HEAD, POST");
    expect((await request.fetch("/ja", { method: "PROPFIND" })).status()).toBe(405);
    const put = await request.put("/_next/static/chunks/x.js", { data: "x" });
    expect(put.status()).toBe(405);
    expect(put.headers()["allow"]).toBe("GET, HEAD");
  });

  test("a malformed server-action body is a 400, an unknown action a 404, a cross-origin post a 403", async ({
    request,
  }) => {
    // the check form's action, as the page names it for posting without JavaScript
    const html = await (await request.get("/ja/tools/check")).text();
    const actionId = /&quot;id&quot;:&quot;([0-9a-f]{40,64})&quot;/.exec(html)?.[1];
    expect(actionId).toBeDefined();
    const action = (id: string) => ({ "next-action": id, "content-type": "text/plain;charset=UTF-8" });
    expect((await request.post("/ja/tools/check", { headers: action(actionId!), data: "not json" })).status()).toBe(
      400,
    );
    expect((await request.post("/ja/tools/check", { headers: action("0".repeat(42)), data: "[]" })).status()).toBe(404);
    const crossOrigin = await request.post("/ja/tools/check", {
      headers: { ...action(actionId!), origin: "https://evil.example" },
      data: "[]",
    });
    expect(crossOrigin.status()).toBe(403);
  });

  test("an unknown path under /api is a JSON 404", async ({ request }) => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const response = await request.fetch("/api/no-such-thing", { method });
      expect(response.status()).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(await response.json()).toEqual({ error: "Not found" });
    }
  });
});
