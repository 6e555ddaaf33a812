import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReceivedDate } from "@/lib/received";

describe("parseReceivedDate", () => {
  it.each([
    ["Tue, 14 Feb 2006 13:14:51 +0900", "2006-02-14T13:14:51+09:00"],
    [" Tue, 14 Feb 2006 13:14:51 +0900 (JST)", "2006-02-14T13:14:51+09:00"],
    ["Mon, 6 Mar 2023 10:11:12 -0800 (PST)", "2023-03-06T10:11:12-08:00"],
    ["14 Feb 2006 04:20:11 -0000", "2006-02-14T04:20:11Z"],
    ["Thu,  2 Feb 2023 18:00:06 +0900", "2023-02-02T18:00:06+09:00"],
    ["Tue,14 Feb 2006 13:14:51 +0530", "2006-02-14T13:14:51+05:30"],
    ["Tuesday, 14 February 2006 13:14:51 +0900", "2006-02-14T13:14:51+09:00"],
    ["Tue, 14 Feb 2006 13:14 +0900", "2006-02-14T13:14:00+09:00"],
    ["Tue, 14 Feb 06 13:14:51 +0900", "2006-02-14T13:14:51+09:00"],
    ["Sun, 14 Feb 99 13:14:51 +0900", "1999-02-14T13:14:51+09:00"],
    ["Wed, 31 Dec 2008 23:59:60 +0000", "2008-12-31T23:59:59Z"],
    ["Tue, 14 Feb 2006 9:05 +0900", "2006-02-14T09:05:00+09:00"],
    ["Thu, 29 Feb 2024 00:00:00 -0930", "2024-02-29T00:00:00-09:30"],
  ])("parses %j", (text, iso) => {
    expect(parseReceivedDate(text)?.iso).toBe(iso);
  });

  it.each([
    ["JST", "+09:00", 9 * 60],
    ["GMT", "Z", 0],
    ["UT", "Z", 0],
    ["EST", "-05:00", -5 * 60],
    ["EDT", "-04:00", -4 * 60],
    ["PDT", "-07:00", -7 * 60],
    ["(JST)", "+09:00", 9 * 60],
  ])("understands the zone name %s", (zone, suffix, offsetMinutes) => {
    const parsed = parseReceivedDate(`Tue, 14 Feb 2006 13:14:51 ${zone}`);
    expect(parsed?.iso).toBe(`2006-02-14T13:14:51${suffix}`);
    expect(parsed?.epochMs).toBe(Date.UTC(2006, 1, 14, 13, 14, 51) - offsetMinutes * 60_000);
  });

  it("reads military zone letters as an unknown offset (RFC 5322 §4.3)", () => {
    expect(parseReceivedDate("14 Feb 2006 13:14:51 Q")?.iso).toBe("2006-02-14T13:14:51Z");
  });

  it("ignores what follows the date, such as Courier's queue id", () => {
    expect(parseReceivedDate("Fri, 12 May 2017 03:04:05 +0000\n  id 0000000000380A11")?.iso).toBe(
      "2017-05-12T03:04:05Z",
    );
  });

  it.each([
    "",
    "garbage",
    "Tue, 30 Feb 2006 13:14:51 +0900",
    "Tue, 14 Feb 2006 25:14:51 +0900",
    "Tue, 14 Feb 2006 13:14:5 +0900",
    "Tue, 14 Feb 2006 13:4:51 +0900",
    "Tue, 14 Feb 2006 13:60:00 +0900",
    "Thu, 29 Feb 2023 00:00:00 +0000",
    "Tue, 14 Feb 2006 13:14:51 +09000",
    "Tue, 14 Feb 2006 13:14:51",
    "Tue, 14 Feb 2006 13:14:51 XYZ",
    "Tue, 14 Feb 2006 13:14:51 +2400",
    "Tue, 14 Foo 2006 13:14:51 +0900",
    "(((((((((((",
  ])("returns null for %j", (text) => {
    expect(parseReceivedDate(text)).toBeNull();
  });

  it("agrees with Date.UTC on random valid dates and offsets", () => {
    const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (instant, offset) => {
          // write the instant as a server in zone `offset` would
          const local = new Date(instant.getTime() + offset * 60_000);
          const two = (n: number) => String(n).padStart(2, "0");
          const sign = offset < 0 ? "-" : "+";
          const zone = `${sign}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
          const text = `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${zone}`;
          const parsed = parseReceivedDate(text);
          expect(parsed?.epochMs).toBe(Math.floor(instant.getTime() / 1000) * 1000);
          expect(Date.parse(parsed?.iso ?? "")).toBe(parsed?.epochMs);
        },
      ),
      { numRuns: 500 },
    );
  });
});
