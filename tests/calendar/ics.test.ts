import { describe, expect, it } from "vitest";
import { CALENDAR_ENTRIES } from "@/lib/calendar/data";
import { calendarFeed } from "@/lib/calendar/feed";
import { calendarIcs, escapeText, foldLine } from "@/lib/calendar/ics";

// A reader of what the writer promises (RFC 5545 §3.1, §3.3.11): unfold, split properties,
// unescape TEXT. Written apart from the writer so a shared mistake cannot pass both ways.
function parseIcs(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  // every line break is CRLF
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  const logical = text
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n");
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  const calendar: Record<string, string> = {};
  for (const line of logical) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    const raw = line.slice(colon + 1);
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else (current ?? calendar)[name] = raw;
  }
  return { calendar, events, logical };
}

const unescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });
  it("round-trips through an unescaper", () => {
    const text = "Outlook; Hotmail, Live \\ and\nmore";
    expect(unescape(escapeText(text))).toBe(text);
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds the 76th onto a line starting with a space", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });
  it("keeps every line within 75 octets, continuation space included", () => {
    const folded = foldLine("y".repeat(300));
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe("y".repeat(300));
  });
  it("never splits a multi-byte UTF-8 character", () => {
    const text = "SUMMARY:" + "変更".repeat(40) + "😀".repeat(10);
    const folded = foldLine(text);
    for (const line of folded.split("\r\n")) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
      // a line ends on a whole character: re-encoding gives the same bytes
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(text);
  });
});

describe("calendarIcs", () => {
  const ics = calendarIcs({
    prodId: "-//Test//Test//EN",
    name: "Changes, dated",
    stamp: "2026-12-05T00:00:00Z",
    events: [
      {
        uid: "a@test",
        start: "2026-07-01",
        end: "2026-12-31",
        summary: "TLS; 1.0, 1.1",
        description: "Line one\n\nLine two, with \\ backslash",
        url: "https://example.jp/en/calendar#a",
      },
      { uid: "b@test", start: "2026-12", summary: "Month", description: "d", url: "https://example.jp/b?x=1,2" },
      { uid: "c@test", start: "2024-09-16", summary: "Day", description: "d", url: "https://example.jp/c" },
    ],
  });
  const { calendar, events } = parseIcs(ics);

  it("is one VCALENDAR of VEVENTs with the required properties", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(calendar.PRODID).toBe("-//Test//Test//EN");
    expect(unescape(calendar["X-WR-CALNAME"]!)).toBe("Changes, dated");
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY", "DESCRIPTION", "URL"]),
      );
      expect(e.DTSTAMP).toBe("20261205T000000Z");
    }
  });

  it("writes all-day dates with an exclusive end, a partial date spanning its period", () => {
    expect(events.map((e) => [e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]])).toEqual([
      ["20260701", "20270101"],
      ["20261201", "20270101"],
      ["20240916", "20240917"],
    ]);
  });

  it("escapes TEXT values and leaves URIs as they are", () => {
    expect(events[0]!.SUMMARY).toBe("TLS\\; 1.0\\, 1.1");
    expect(unescape(events[0]!.DESCRIPTION!)).toBe("Line one\n\nLine two, with \\ backslash");
    expect(events[1]!.URL).toBe("https://example.jp/b?x=1,2");
  });
});

describe("the site's calendar feed", () => {
  it("holds every entry of data/calendar.json in both languages, folded and parseable", () => {
    for (const locale of ["ja", "en"] as const) {
      const { events } = parseIcs(calendarFeed(CALENDAR_ENTRIES, locale, "https://example.jp"));
      expect(events.map((e) => e.UID).sort()).toEqual(
        CALENDAR_ENTRIES.map((e) => `${e.id}@calendar.mail-security-compass`).sort(),
      );
      for (const e of events) expect(e.URL).toMatch(new RegExp(`^https://example\\.jp/${locale}/calendar#`));
    }
  });

  it("names the four dates of issue 14", () => {
    const { events } = parseIcs(calendarFeed(CALENDAR_ENTRIES, "en", undefined));
    const starts = Object.fromEntries(events.map((e) => [e.UID!.split("@")[0], e["DTSTART;VALUE=DATE"]]));
    expect(starts).toEqual({
      "outlook-com-modern-auth": "20240916",
      "gmail-pop-fetch-gmailify": "20260101",
      "exchange-online-pop-imap-legacy-tls": "20260701",
      "exchange-online-smtp-auth-basic": "20261201",
    });
    // without SITE_URL an event links to its first source, never to a guessed host
    for (const e of events) expect(e.URL).toMatch(/^https:\/\/(?!example)/);
  });
});
