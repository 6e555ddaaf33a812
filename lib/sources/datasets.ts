import path from "node:path";
import { readFairEmailFile } from "@/lib/sources/read-fairemail";
import { readIspdbFolder } from "@/lib/sources/read-ispdb";
import { readMailCore2File } from "@/lib/sources/read-mailcore2";
import { readNodemailerFile } from "@/lib/sources/read-nodemailer";
import { readProviderDbFolder } from "@/lib/sources/read-provider-db";
import type { ReadResult } from "@/lib/sources/read-result";
import type { DatasetKey } from "@/lib/sources/record";

// Each dataset the project imports: where its input sits (relative to ../shared/sources, or to
// node_modules), how to read it, and the facts about the dataset itself that every claim cites.
export type DatasetDefinition = {
  key: DatasetKey;
  title: string;
  url: string;
  license: string;
  // path of the default input, relative to the repository root
  defaultInput: string;
  // whether the dataset's clients log in with the account's password when a record names no
  // method (FairEmail, MailCore2, nodemailer, Delta Chat); ISPDB records always name one
  logsInByDefault: boolean;
  read: (input: string) => Promise<ReadResult>;
};

const SHARED = path.join("..", "shared", "sources");

export const DATASETS: Record<DatasetKey, DatasetDefinition> = {
  "thunderbird-ispdb": {
    key: "thunderbird-ispdb",
    title: "Thunderbird ISPDB",
    url: "https://github.com/thunderbird/autoconfig",
    license: "MPL-2.0",
    defaultInput: path.join(SHARED, "ispdb", "files"),
    read: readIspdbFolder,
    logsInByDefault: false,
  },
  "deltachat-provider-db": {
    key: "deltachat-provider-db",
    title: "Delta Chat provider database",
    url: "https://github.com/chatmail/provider-db",
    license: "MPL-2.0",
    defaultInput: path.join(SHARED, "provider-db", "files"),
    read: readProviderDbFolder,
    logsInByDefault: true,
  },
  fairemail: {
    key: "fairemail",
    title: "FairEmail provider list",
    url: "https://github.com/M66B/FairEmail",
    license: "GPL-3.0 source file; only facts were taken",
    defaultInput: path.join(SHARED, "fairemail", "providers.json"),
    read: readFairEmailFile,
    logsInByDefault: true,
  },
  mailcore2: {
    key: "mailcore2",
    title: "MailCore2 provider list",
    url: "https://github.com/MailCore/mailcore2",
    license: "BSD-3-Clause",
    defaultInput: path.join(SHARED, "mailcore2", "providers.json"),
    read: readMailCore2File,
    logsInByDefault: true,
  },
  nodemailer: {
    key: "nodemailer",
    title: "nodemailer well-known SMTP services",
    url: "https://github.com/nodemailer/nodemailer",
    license: "MIT-0",
    defaultInput: path.join("node_modules", "nodemailer", "dist", "well-known", "services.json"),
    read: readNodemailerFile,
    logsInByDefault: true,
  },
};

// ../shared/sources/sources.json names each pinned dataset's commit and date.
export const SHARED_SOURCES_INDEX = path.join(SHARED, "sources.json");
export const SHARED_INDEX_KEYS: Partial<Record<DatasetKey, string>> = {
  "thunderbird-ispdb": "ispdb",
  "deltachat-provider-db": "provider-db",
  fairemail: "fairemail",
  mailcore2: "mailcore2",
};
