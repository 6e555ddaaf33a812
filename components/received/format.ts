import { format } from "@/lib/i18n/format";
import type { ReceivedText } from "@/components/received/received-text";
import { formatNumber, type Locale } from "@/lib/i18n/locales";
import type { TlsVersion } from "@/lib/received/types";

const VERSION_LABELS: Record<TlsVersion, string> = {
  SSLv2: "SSL 2.0",
  SSLv3: "SSL 3.0",
  "1.0": "TLS 1.0",
  "1.1": "TLS 1.1",
  "1.2": "TLS 1.2",
  "1.3": "TLS 1.3",
};

export function tlsVersionLabel(version: TlsVersion): string {
  return VERSION_LABELS[version];
}

const ISO_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// Shown in the offset the server wrote, not the reader's zone: that is what the header says, and
// the server and browser renders of a client component then agree.
export function formatHopDate(iso: string): string {
  const m = ISO_RE.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} ${m[3] === "Z" ? "UTC" : m[3]}`;
}

export function formatDelay(locale: Locale, t: ReceivedText["delay"], seconds: number): string {
  const abs = Math.abs(seconds);
  const n = (v: number) => formatNumber(locale, v);
  let value: string;
  if (abs < 60) value = format(t.seconds, { s: n(abs) });
  else if (abs < 3600) value = format(t.minutes, { m: n(Math.floor(abs / 60)), s: n(abs % 60) });
  else if (abs < 86_400) value = format(t.hours, { h: n(Math.floor(abs / 3600)), m: n(Math.floor((abs % 3600) / 60)) });
  else value = format(t.days, { d: n(Math.floor(abs / 86_400)), h: n(Math.floor((abs % 86_400) / 3600)) });
  // a later hop stamped earlier: the clocks disagree, the message did not travel back in time
  return seconds < 0 ? format(t.skew, { value }) : value;
}

export function hopNames(locale: Locale, t: ReceivedText["path"], hops: number[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(hops.map((hop) => format(t.hop, { hop })));
}
