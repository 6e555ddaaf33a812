import { createHash } from "node:crypto";

// Each service is verified once a week, in an hour of its own: a stable hash of its slug picks
// one of the week's 168 hours, so the catalogue's load is spread over the week, a service keeps
// its hour from week to week, and adding services moves no other service's hour.
export const HOURS_PER_WEEK = 168;

export function weeklySlot(slug: string): number {
  const digest = createHash("sha256").update(slug).digest();
  return digest.readUInt32BE(0) % HOURS_PER_WEEK;
}

// The hour of the week in UTC, Monday 00:00–00:59 being 0.
export function hourOfWeek(date: Date): number {
  const mondayFirst = (date.getUTCDay() + 6) % 7;
  return mondayFirst * 24 + date.getUTCHours();
}

export function slugsDueAt(slugs: Iterable<string>, date: Date): string[] {
  const hour = hourOfWeek(date);
  return [...slugs].filter((slug) => weeklySlot(slug) === hour);
}
