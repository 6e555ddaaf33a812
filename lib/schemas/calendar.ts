import { z } from "zod";
import { slugSchema } from "@/lib/schemas/data";
import { calendarDateSchema, partialDateSchema, scheduledDateSchema } from "@/lib/schemas/dates";
import {
  MAX_LIST,
  MAX_NAME_LENGTH,
  MAX_RECORDS,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from "@/lib/schemas/limits";

// data/calendar.json: dated changes that break mail setups. Reviewed by hand like the other data
// files and as strict: every entry says who changes what, what to do, and where that was read.

const localized = (max: number) => z.strictObject({ ja: z.string().min(1).max(max), en: z.string().min(1).max(max) });

export const calendarSourceSchema = z.strictObject({
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  url: z.url({ protocol: /^https$/ }).max(MAX_URL_LENGTH),
  // who wrote it: the company itself or a third party reporting on it
  publisher: z.string().min(1).max(MAX_NAME_LENGTH),
  // the page's own date, where it shows one
  published: partialDateSchema.optional(),
  // the day someone read it for this entry
  read: calendarDateSchema,
});

export const calendarEntrySchema = z
  .strictObject({
    id: slugSchema,
    // the day (or month, or year: as precise as the source) the change starts
    date: scheduledDateSchema,
    // the last day of a change rolled out over a period
    dateEnd: scheduledDateSchema.optional(),
    // the source says the change finishes later without a date yet ("later in 2026")
    endToBeAnnounced: z.boolean().default(false),
    who: localized(MAX_NAME_LENGTH),
    // one line: the page's heading and the calendar event's summary
    title: localized(MAX_TITLE_LENGTH),
    what: localized(MAX_TEXT_LENGTH),
    action: localized(MAX_TEXT_LENGTH),
    // where the sources disagree or a date could not be confirmed from the company's own page
    note: localized(MAX_TEXT_LENGTH).optional(),
    sources: z.array(calendarSourceSchema).min(1).max(20),
    // catalogue service slugs and data/clients.json slugs; checked against both by the seed
    services: z.array(slugSchema).max(MAX_LIST).default([]),
    clients: z.array(slugSchema).max(MAX_LIST).default([]),
  })
  // "2026" ends after "2026-07-01" begins: compare the end with as much of the start as it names.
  .refine((e) => e.dateEnd === undefined || e.dateEnd >= e.date.slice(0, e.dateEnd.length), {
    error: "must not be before date",
    path: ["dateEnd"],
  })
  .refine((e) => !(e.dateEnd !== undefined && e.endToBeAnnounced), {
    error: "an entry with a dateEnd has an end; remove endToBeAnnounced",
    path: ["endToBeAnnounced"],
  });

export const calendarFileSchema = z.array(calendarEntrySchema).max(MAX_RECORDS);
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export type CalendarSource = z.infer<typeof calendarSourceSchema>;
