import "server-only";
import { CALENDAR_ENTRIES } from "@/lib/calendar/data";
import { byDate, calendarStatus, changesAhead, todayUtc, type CalendarStatus } from "@/lib/calendar/timeline";
import { getDb } from "@/lib/db";
import type { CalendarEntry } from "@/lib/schemas/calendar";

// The calendar's entries joined to the catalogue. The entries are reviewed data bundled at build
// (lib/calendar/data.ts); the services and clients they name are rows the database holds now, so
// a service an import has since removed is shown without a link rather than as a dead one.

export type CalendarLink = { slug: string; name: string; nameEn: string | null; exists: boolean };
export type CalendarEntryView = Omit<CalendarEntry, "services" | "clients"> & {
  status: CalendarStatus;
  services: CalendarLink[];
  clients: CalendarLink[];
};

export async function getCalendar(today: string = todayUtc()): Promise<CalendarEntryView[]> {
  const serviceSlugs = [...new Set(CALENDAR_ENTRIES.flatMap((e) => e.services))];
  const clientSlugs = [...new Set(CALENDAR_ENTRIES.flatMap((e) => e.clients))];
  const db = getDb();
  const [services, clients] = await Promise.all([
    db.service.findMany({ where: { slug: { in: serviceSlugs } }, select: { slug: true, name: true, nameEn: true } }),
    db.mailClient.findMany({ where: { slug: { in: clientSlugs } }, select: { slug: true, name: true } }),
  ]);
  const serviceBySlug = new Map(services.map((s) => [s.slug, s]));
  const clientBySlug = new Map(clients.map((c) => [c.slug, { ...c, nameEn: null }]));
  const link = (rows: Map<string, { name: string; nameEn: string | null }>, slug: string): CalendarLink => {
    const row = rows.get(slug);
    return row
      ? { slug, name: row.name, nameEn: row.nameEn, exists: true }
      : { slug, name: slug, nameEn: null, exists: false };
  };
  return [...CALENDAR_ENTRIES].sort(byDate).map((e) => ({
    ...e,
    status: calendarStatus(e, today),
    services: e.services.map((slug) => link(serviceBySlug, slug)),
    clients: e.clients.map((slug) => link(clientBySlug, slug)),
  }));
}

/** The entries not yet over that affect one service (the page has already found its row). */
export function getServiceChangesAhead(slug: string, today: string = todayUtc()): CalendarEntry[] {
  return changesAhead([...CALENDAR_ENTRIES], today, (e) => e.services.includes(slug));
}

/** Per mail client slug, the entries not yet over that affect it. */
export function getClientChangesAhead(today: string = todayUtc()): Map<string, CalendarEntry[]> {
  const ahead = changesAhead([...CALENDAR_ENTRIES], today, (e) => e.clients.length > 0);
  const byClient = new Map<string, CalendarEntry[]>();
  for (const e of ahead) for (const slug of e.clients) byClient.set(slug, [...(byClient.get(slug) ?? []), e]);
  return byClient;
}
