import { z } from "zod";
import { calendarDateSchema, monthOrDaySchema } from "@/lib/schemas/dates";
import {
  MAX_HOST_LENGTH,
  MAX_KEY_LENGTH,
  MAX_LIST,
  MAX_NAME_LENGTH,
  MAX_PATTERN_LENGTH,
  MAX_RECORDS,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from "@/lib/schemas/limits";

// The app's own shape of one provider as one dataset describes it. Every importer turns its
// source's format into this, and data/snapshots/<source>.json holds a list of them, so the
// catalogue is built from facts that live in the project, each with the dataset it came from.

export const DATASET_KEYS = [
  "thunderbird-ispdb",
  "deltachat-provider-db",
  "fairemail",
  "mailcore2",
  "nodemailer",
] as const;
export const datasetKeySchema = z.enum(DATASET_KEYS);
export type DatasetKey = z.infer<typeof datasetKeySchema>;

// Authentication methods in one vocabulary. Sources name them differently (ISPDB "OAuth2",
// nodemailer "LOGIN"); each reader maps its own names onto these.
export const AUTH_METHODS = [
  "password-cleartext",
  "password-encrypted",
  "oauth2",
  "ntlm",
  "gssapi",
  "client-ip",
  "tls-client-cert",
  "smtp-after-pop",
  "none",
] as const;
export const authMethodSchema = z.enum(AUTH_METHODS);
export type AuthMethod = z.infer<typeof authMethodSchema>;

export const hostSchema = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_HOST_LENGTH, `must be at most ${MAX_HOST_LENGTH} characters`)
  // %EMAILDOMAIN% and friends: some providers run one server name per customer domain.
  .regex(/^(?:[a-z0-9_.*-]|%[A-Z]+%)+$/, "must be a lower-case host name");

export const domainSchema = z
  .string()
  .max(MAX_HOST_LENGTH)
  .regex(/^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/, "must be a lower-case domain name");

export const settingSchema = z.strictObject({
  protocol: z.enum(["pop3", "imap", "smtp"]),
  host: hostSchema,
  port: z.int().min(1).max(65535),
  // tls: TLS from the first byte (implicit); starttls: upgraded on a cleartext port; none: no TLS
  security: z.enum(["tls", "starttls", "none"]),
  // empty when the source does not say how to log in
  auth: z.array(authMethodSchema).max(20).default([]),
});
export type Setting = z.infer<typeof settingSchema>;

export const FINDING_CODES = [
  "placeholder-name",
  "placeholder-host",
  "port-of-other-protocol",
  "tls-mode-contradicts-port",
  "unusual-port",
  "cleartext-password-without-tls",
  "unknown-authentication",
  "duplicate-setting",
  "duplicate-record",
  "template-record",
  "regex-domain",
] as const;
export const findingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof findingCodeSchema>;

// A data-quality finding: legal in the source, worth a reviewer's (and a reader's) attention.
export const findingSchema = z.strictObject({
  code: findingCodeSchema,
  // the setting as a reader finds it in the source, e.g. "pop3 pop.example.jp:110 none", or null
  setting: z.string().max(MAX_TITLE_LENGTH).nullable(),
  message: z.string().min(1).max(MAX_TEXT_LENGTH),
});
export type Finding = z.infer<typeof findingSchema>;

export const sourceRecordSchema = z.strictObject({
  // the record's own id in its dataset: a file name, a provider id
  id: z.string().min(1).max(MAX_KEY_LENGTH),
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  // literal mail domains whose addresses the provider serves
  domains: z.array(domainSchema).max(MAX_LIST),
  // regular expressions over mail domains and MX host names, as the dataset gives them
  domainPatterns: z.array(z.string().min(1).max(MAX_PATTERN_LENGTH)).max(MAX_LIST),
  mxPatterns: z.array(z.string().min(1).max(MAX_PATTERN_LENGTH)).max(MAX_LIST),
  website: z
    .url({ protocol: /^https?$/ })
    .max(MAX_URL_LENGTH)
    .nullable(),
  // Delta Chat: whether the provider works with a standard client as it is
  status: z.enum(["ok", "preparation", "broken"]).nullable(),
  // when the dataset's maintainers last checked this record (Delta Chat's last_checked)
  checked: monthOrDaySchema.nullable(),
  oauth2: z.boolean().nullable(),
  appPassword: z.boolean().nullable(),
  settings: z.array(settingSchema).max(100),
  findings: z.array(findingSchema).max(200),
});
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

export const datasetInfoSchema = z.strictObject({
  key: datasetKeySchema,
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  url: z.url({ protocol: /^https?$/ }).max(MAX_URL_LENGTH),
  // a commit or a package version
  version: z.string().min(1).max(100),
  // when the dataset last changed (its commit or publish date), not when any fact was verified
  date: calendarDateSchema,
  license: z.string().min(1).max(MAX_TITLE_LENGTH),
});
export type DatasetInfo = z.infer<typeof datasetInfoSchema>;

export const snapshotSchema = z.strictObject({
  format: z.literal(1),
  dataset: datasetInfoSchema,
  records: z.array(sourceRecordSchema).max(MAX_RECORDS),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export function describeSetting(s: Pick<Setting, "protocol" | "host" | "port" | "security">): string {
  return `${s.protocol} ${s.host}:${s.port} ${s.security}`;
}

export function emptyRecord(id: string, name: string): SourceRecord {
  return {
    id,
    name,
    domains: [],
    domainPatterns: [],
    mxPatterns: [],
    website: null,
    status: null,
    checked: null,
    oauth2: null,
    appPassword: null,
    settings: [],
    findings: [],
  };
}
