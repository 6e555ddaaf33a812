import { firstDay, lastDay, nextDay } from "@/lib/calendar/timeline";

// An iCalendar (RFC 5545) writer for all-day events: small enough to own. The maintained
// libraries either need Node 22 (ical-generator 11) or bring a validator and random UIDs (ics);
// here every line is ours and tested (tests/calendar/ics.test.ts).

export type IcsEvent = {
  uid: string;
  // YYYY, YYYY-MM or YYYY-MM-DD: a partial date spans the period it names
  start: string;
  // the last day, inclusive, as precise as the source; omitted: the period start names
  end?: string;
  summary: string;
  description: string;
  url: string;
};

export type IcsCalendar = {
  // -//Owner//Product//Language (RFC 5545 §3.7.3)
  prodId: string;
  name: string;
  // when this calendar's content last changed, as an ISO instant; written as every event's DTSTAMP
  stamp: string;
  events: IcsEvent[];
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT values (§3.3.11): backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds one content line into lines of at most 75 octets (§3.1): each continuation starts with a
 * space, which counts towards its 75. A UTF-8 character is never split across lines.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

const basicDate = (day: string) => day.replaceAll("-", "");

/** An ISO instant as a UTC DATE-TIME: 2026-12-05T00:00:00.000Z → 20261205T000000Z. */
function utcDateTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function calendarIcs(calendar: IcsCalendar): string {
  const stamp = utcDateTime(calendar.stamp);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((e) => [
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(firstDay(e.start))}`,
      // DTEND of an all-day event is the day after the last one (§3.6.1).
      `DTEND;VALUE=DATE:${basicDate(nextDay(lastDay(e.end ?? e.start)))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      // URI values are not TEXT: commas and semicolons stay as they are.
      `URL:${e.url}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
