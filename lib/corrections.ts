import { getEnv } from "@/lib/env";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { serviceMessages } from "@/lib/i18n/messages/service";
import { format } from "@/lib/i18n/format";

// Where readers send corrections, from CORRECTIONS_CONTACT (validated in lib/env.ts). The service
// pages, the about page and /.well-known/security.txt all read it here, so they never disagree.

export type CorrectionsContact =
  { kind: "email"; address: string; href: string } | { kind: "url"; url: string; href: string };

export type CorrectionSubject = {
  locale: Locale;
  service: { slug: string; name: string };
  // absent for a report about the service as a whole
  property?: { key: string; label: string };
};

// value: an e-mail address or an https URL, as lib/env.ts accepts them.
export function toCorrectionsContact(value: string | undefined): CorrectionsContact | null {
  if (!value) return null;
  if (/^https:\/\//i.test(value)) return { kind: "url", url: value, href: value };
  return { kind: "email", address: value, href: `mailto:${value}` };
}

// For the about page and security.txt: null when no contact is configured, and then no page
// should offer one.
export function getCorrectionsContact(): CorrectionsContact | null {
  return toCorrectionsContact(getEnv().CORRECTIONS_CONTACT);
}

// The configured public origin, or null. A loopback origin is the development default, and a
// report that names it points nowhere a reader or an editor can open.
export function publicSiteUrl(siteUrl: string | undefined): string | null {
  if (!siteUrl) return null;
  try {
    const { hostname } = new URL(siteUrl);
    if (hostname === "localhost" || hostname === "[::1]" || hostname.startsWith("127.")) return null;
  } catch {
    return null;
  }
  return siteUrl.replace(/\/+$/, "");
}

// A link that opens a report already naming the service (and the property, from a claim row):
// a mailto: with subject and body (RFC 6068: percent-encoded, CRLF line breaks), or the form URL
// with service, property and lang parameters added to whatever query it already has.
export function correctionHref(
  contact: CorrectionsContact,
  { locale, service, property }: CorrectionSubject,
  siteUrl: string | null = null,
): string {
  if (contact.kind === "url") {
    const url = new URL(contact.url);
    url.searchParams.set("service", service.slug);
    if (property) url.searchParams.set("property", property.key);
    url.searchParams.set("lang", locale);
    return url.toString();
  }
  const t = serviceMessages[locale].correction;
  const page = `${siteUrl ?? ""}${localePath(locale, `/providers/${service.slug}`)}`;
  const subject = property
    ? format(t.subjectProperty, { service: service.name, property: property.label })
    : format(t.subject, { service: service.name });
  const body = [
    format(t.bodyService, { service: service.name, slug: service.slug }),
    ...(property ? [format(t.bodyProperty, { property: property.label, key: property.key })] : []),
    format(t.bodyPage, { page }),
    "",
    t.bodyPrompt,
    "",
  ].join("\r\n");
  return `mailto:${contact.address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

// RFC 9116 asks for an Expires under a year ahead; half a year, cut to the day, keeps the file
// the same all day and stale copies short-lived.
const SECURITY_TXT_LIFETIME_DAYS = 180;

export function securityTxt(contact: CorrectionsContact, now: Date, siteUrl: string | null): string {
  const expires = new Date(now.getTime() + SECURITY_TXT_LIFETIME_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  const lines = [
    "# Reports about this site's security, and corrections to its data.",
    `Contact: ${contact.href}`,
    `Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    "Preferred-Languages: ja, en",
    // Canonical must be where the file really is: without a configured origin, say nothing.
    ...(siteUrl ? [`Canonical: ${siteUrl}/.well-known/security.txt`] : []),
  ];
  return `${lines.join("\n")}\n`;
}
