import { describe, expect, it } from "vitest";
import { endOfPartialDate, httpDateSeconds, isNotModified } from "@/lib/open-data/http";

const validators = { etag: '"abc"', lastModified: new Date("2026-12-01T10:00:00Z") };
const headers = (h: Record<string, string>) => new Headers(h);

describe("conditional requests (RFC 9110 §13)", () => {
  it("matches If-None-Match, weak or strong, in a list, or *", () => {
    expect(isNotModified(headers({ "if-none-match": '"abc"' }), validators)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": 'W/"abc"' }), validators)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": '"x", "abc"' }), validators)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": "*" }), validators)).toBe(true);
    expect(isNotModified(headers({ "if-none-match": '"x"' }), validators)).toBe(false);
  });

  it("answers If-Modified-Since only without If-None-Match", () => {
    const since = "Tue, 01 Dec 2026 10:00:00 GMT";
    expect(isNotModified(headers({ "if-modified-since": since }), validators)).toBe(true);
    expect(isNotModified(headers({ "if-modified-since": "Tue, 01 Dec 2026 09:59:59 GMT" }), validators)).toBe(false);
    expect(isNotModified(headers({ "if-modified-since": since, "if-none-match": '"x"' }), validators)).toBe(false);
    expect(isNotModified(headers({ "if-modified-since": "yesterday" }), validators)).toBe(false);
    expect(isNotModified(headers({}), validators)).toBe(false);
  });

  it("dates a partial date at the end of the period it names, never in the future", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(endOfPartialDate("2026-11-30", now).toISOString()).toBe("2026-11-30T23:59:59.000Z");
    expect(endOfPartialDate("2026-02", now).toISOString()).toBe("2026-02-28T23:59:59.000Z");
    expect(endOfPartialDate("2025", now).toISOString()).toBe("2025-12-31T23:59:59.000Z");
    expect(endOfPartialDate("2026-12-31", new Date("2026-12-31T12:00:00Z")).toISOString()).toBe(
      "2026-12-31T12:00:00.000Z",
    );
    expect(httpDateSeconds(new Date("2026-12-01T10:00:00.900Z")).toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });
});
