// Every limit on what a data file or an imported dataset may hold, in one place. Each sits far
// above the largest real value (measured over data/ and the pinned datasets in
// ../shared/sources, noted beside each) and far below what costs anything: one bad record must
// cost kilobytes, not the gigabytes a 50 MB display name once did on its way to a page.

/** One file read whole: a data file, a dataset's file, an article. Largest real: 107 KB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A name shown in a table cell or a heading. Largest real: 40 characters. */
export const MAX_NAME_LENGTH = 200;
/** A key, a slug, a record id, a short label. Largest real: 52. */
export const MAX_KEY_LENGTH = 200;
/** A title, a reason, a plan or a platform. Largest real: 116. */
export const MAX_TITLE_LENGTH = 300;
/** A sentence of prose: a note, a warning, a definition, a finding. Largest real: 509. */
export const MAX_TEXT_LENGTH = 2000;
/** A URL. Largest real: 319. */
export const MAX_URL_LENGTH = 2000;
/** A host or domain name, as DNS allows (RFC 1035). */
export const MAX_HOST_LENGTH = 253;
/** A regular expression over domains or MX hosts. Largest real: 42. */
export const MAX_PATTERN_LENGTH = 500;
/** A comma-separated list of them in one field (FairEmail's). Largest real: 417. */
export const MAX_PATTERN_LIST_LENGTH = 5000;
/** Entries in one list (domains of one provider, claims of one service). Largest real: 191. */
export const MAX_LIST = 2000;
/** Records in one file or dataset. Largest real: 167. */
export const MAX_RECORDS = 10_000;

/**
 * Dates may lie this many days past today (UTC): a source in Japan writes tomorrow's UTC date
 * for most of its morning. Beyond that a date is in the future, and a claim dated there would
 * stay the current one for ever.
 */
export const FUTURE_DATE_TOLERANCE_DAYS = 1;
