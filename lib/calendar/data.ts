import calendarJson from "@/data/calendar.json";
import { calendarFileSchema, type CalendarEntry } from "@/lib/schemas/calendar";

// The reviewed calendar, bundled at build like the articles: it changes only by a reviewed
// commit, and the seed has already checked it against the catalogue (lib/seed/load-data.ts).
export const CALENDAR_ENTRIES: readonly CalendarEntry[] = calendarFileSchema.parse(calendarJson);
