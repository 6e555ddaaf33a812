import { leadingWordsInto } from "./tokenize";

export interface ParsedDate {
  /** ISO 8601 in the zone the server wrote, e.g. "2006-02-14T13:14:51+09:00". */
  iso: string;
  epochMs: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

// RFC 5322 §4.3 obsolete zones, plus names servers in the wild still write. Ambiguous names
// (IST, CST outside North America...) take the RFC reading or are left out.
const ZONE_MINUTES = new Map<string, number>([
  ["ut", 0],
  ["utc", 0],
  ["gmt", 0],
  ["z", 0],
  ["est", -300],
  ["edt", -240],
  ["cst", -360],
  ["cdt", -300],
  ["mst", -420],
  ["mdt", -360],
  ["pst", -480],
  ["pdt", -420],
  ["jst", 540],
  ["kst", 540],
  ["hkt", 480],
  ["sgt", 480],
  ["cet", 60],
  ["cest", 120],
  ["met", 60],
  ["mest", 120],
  ["bst", 60],
  ["eet", 120],
  ["eest", 180],
  ["wet", 0],
  ["west", 60],
  ["aest", 600],
  ["aedt", 660],
  ["nzst", 720],
  ["nzdt", 780],
]);

const DAY_RE = /^\d{1,2}$/;
const YEAR_RE = /^\d{2,4}$/;
const ALPHA_RE = /^[A-Za-z]{1,9}$/;

function digit(text: string, index: number): number {
  const c = text.charCodeAt(index) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at `index` as a number, or -1. */
function twoDigits(text: string, index: number): number {
  const tens = digit(text, index);
  const ones = digit(text, index + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/**
 * "hh:mm" or "hh:mm:ss" (one-digit hours allowed) as seconds of the day, or -1. Hand-parsed:
 * this runs once per hop and a regex match would allocate its result array each time.
 */
function secondsOfDay(word: string | undefined): number {
  if (word === undefined || word.length < 4 || word.length > 8) return -1;
  const short = word.charCodeAt(1) === 58;
  const hour = short ? digit(word, 0) : twoDigits(word, 0);
  const at = short ? 2 : 3;
  if (hour < 0 || word.charCodeAt(at - 1) !== 58) return -1;
  const minute = twoDigits(word, at);
  let second = 0;
  if (word.length === at + 5 && word.charCodeAt(at + 2) === 58) second = twoDigits(word, at + 3);
  else if (word.length !== at + 2) return -1;
  if (hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return -1;
  // a leap second (":60") is kept as :59 so the result stays a valid ISO time
  return hour * 3600 + minute * 60 + Math.min(second, 59);
}

function zoneMinutes(word: string | undefined): number | null {
  if (word === undefined || word.length > 12) return null;
  const sign = word.charCodeAt(0);
  if (word.length === 5 && (sign === 43 || sign === 45)) {
    const hours = twoDigits(word, 1);
    const minutes = twoDigits(word, 3);
    if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return null;
    return (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  }
  const name = word.startsWith("(") && word.endsWith(")") ? word.slice(1, -1).trim() : word;
  if (!ALPHA_RE.test(name)) return null;
  const lower = name.toLowerCase();
  const known = ZONE_MINUTES.get(lower);
  if (known !== undefined) return known;
  // Military single letters: RFC 5322 §4.3 says to read them as -0000 (unknown offset).
  if (lower.length === 1 && lower !== "j") return 0;
  return null;
}

function monthIndex(word: string | undefined): number {
  if (word === undefined || !ALPHA_RE.test(word) || word.length < 3) return -1;
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

function isDayName(word: string | undefined): boolean {
  return word !== undefined && ALPHA_RE.test(word) && DAYS.includes(word.slice(0, 3).toLowerCase());
}

function wordAt(words: string[], count: number, index: number): string | undefined {
  return index < count ? words[index] : undefined;
}

function skipComments(words: string[], count: number, from: number): number {
  let i = from;
  while (i < count && words[i]?.startsWith("(")) i++;
  return i;
}

function daysInMonth(year: number, month: number): number {
  if (month === 1) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

function pad2(n: number): string {
  return TWO_DIGITS[n] ?? String(n);
}

/**
 * Parses the RFC 5322 date-time after a Received field's last ";", obsolete forms included
 * (no day name, two-digit years, missing seconds, zone names, a zone only in a comment).
 * Anything after the date (comments, Courier's trailing id) is ignored.
 */
// Reused by every call (dates are parsed once per hop) and emptied after each, so it holds no
// slice of a pasted text once a call returns.
const WORDS: string[] = [];
const MAX_DATE_WORDS = 10;

export function parseReceivedDate(text: string): ParsedDate | null {
  const count = leadingWordsInto(text, MAX_DATE_WORDS, true, WORDS);
  try {
    return parseWords(WORDS, count);
  } finally {
    for (let i = 0; i < count; i++) WORDS[i] = "";
  }
}

function parseWords(all: string[], count: number): ParsedDate | null {
  // Walk the plain words, remembering where the time sat so a zone written only as a
  // comment right after it ("13:14:51 (JST)") is still found.
  let index = skipComments(all, count, 0);
  let dayWord = wordAt(all, count, index);
  if (isDayName(dayWord)) {
    index = skipComments(all, count, index + 1);
    dayWord = wordAt(all, count, index);
  }
  index = skipComments(all, count, index + 1);
  const month = monthIndex(wordAt(all, count, index));
  index = skipComments(all, count, index + 1);
  const yearWord = wordAt(all, count, index);
  index = skipComments(all, count, index + 1);
  const time = secondsOfDay(wordAt(all, count, index));
  if (!dayWord || !DAY_RE.test(dayWord) || month < 0 || !yearWord || !YEAR_RE.test(yearWord) || time < 0) {
    return null;
  }
  const offset = zoneMinutes(wordAt(all, count, index + 1));
  if (offset === null) return null;

  const day = Number(dayWord);
  let year = Number(yearWord);
  // RFC 5322 §4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx; three digits add 1900.
  if (yearWord.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearWord.length === 3) year += 1900;
  const hour = Math.floor(time / 3600);
  const minute = Math.floor(time / 60) % 60;
  const second = time % 60;
  if (year < 1000) return null;

  if (day < 1 || day > daysInMonth(year, month)) return null;
  const localSeconds = ((daysFromCivil(year, month + 1, day) * 24 + hour) * 60 + minute) * 60 + second;

  const abs = Math.abs(offset);
  // join() yields one flat string; a chain of "+" would keep a rope of a dozen pieces alive
  // in every hop of the result.
  const iso = [
    String(year),
    "-",
    pad2(month + 1),
    "-",
    pad2(day),
    "T",
    pad2(hour),
    ":",
    pad2(minute),
    ":",
    pad2(second),
    offset === 0 ? "Z" : offset < 0 ? "-" : "+",
    offset === 0 ? "" : pad2(Math.floor(abs / 60)),
    offset === 0 ? "" : ":",
    offset === 0 ? "" : pad2(abs % 60),
  ].join("");
  return { iso, epochMs: (localSeconds - offset * 60) * 1000 };
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
