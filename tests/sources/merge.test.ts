import { describe, expect, it } from "vitest";
import { mergeSources, refOf } from "@/lib/sources/merge";
import { editorialFileSchema } from "@/lib/sources/editorial";
import { emptyRecord, type DatasetKey, type Setting, type Snapshot, type SourceRecord } from "@/lib/sources/record";

function record(
  id: string,
  name: string,
  domains: string[],
  hosts: string[] = [],
  extra: Partial<SourceRecord> = {},
): SourceRecord {
  const settings: Setting[] = hosts.map((host) => ({ protocol: "imap", host, port: 993, security: "tls", auth: [] }));
  return { ...emptyRecord(id, name), domains, settings, ...extra };
}

function snapshot(key: DatasetKey, records: SourceRecord[]): Snapshot {
  return {
    format: 1,
    dataset: { key, title: key, url: "https://example.org/", version: "abc1234", date: "2026-03-12", license: "MIT" },
    records,
  };
}

const noEditorial = editorialFileSchema.parse({});

function merge(snapshots: Snapshot[], editorial = noEditorial) {
  return mergeSources({ snapshots, documentation: [], reviewed: [], editorial });
}

describe("mergeSources", () => {
  it("makes one service of every dataset's record for one mail domain, slugged after the provider", () => {
    const services = merge([
      snapshot("thunderbird-ispdb", [
        record("googlemail.com.xml", "Google Mail", ["gmail.com", "googlemail.com"], ["imap.gmail.com"]),
      ]),
      snapshot("fairemail", [record("gmail", "Gmail", ["gmail.com"], ["imap.gmail.com"])]),
      snapshot("nodemailer", [record("Gmail", "Gmail", [], ["smtp.gmail.com"])]),
    ]);
    const gmail = services.find((s) => s.domains.includes("gmail.com"));
    expect(gmail?.slug).toBe("gmail");
    expect(gmail?.members.map(refOf).sort()).toEqual([
      "fairemail:gmail",
      "nodemailer:Gmail",
      "thunderbird-ispdb:googlemail.com.xml",
    ]);
  });

  it("merges ten files of one ISP by its name, but never a university into Gmail by a shared server", () => {
    const services = merge([
      snapshot("thunderbird-ispdb", [
        record("a.wind.ne.jp.xml", "群馬インターネット", ["a.wind.ne.jp"]),
        record("b.wind.ne.jp.xml", "群馬インターネット", ["b.wind.ne.jp"]),
        record("gmail.com.xml", "Gmail", ["gmail.com"], ["imap.gmail.com"]),
        record("umich.edu.xml", "University of Michigan", ["umich.edu"], ["imap.gmail.com"]),
      ]),
    ]);
    expect(services).toHaveLength(3);
    expect(services.find((s) => s.name === "群馬インターネット")?.domains).toEqual(["a.wind.ne.jp", "b.wind.ne.jp"]);
  });

  it("lets a domain pattern link another dataset's domain, unless its own dataset lists that domain elsewhere", () => {
    const services = merge([
      snapshot("fairemail", [
        record("yahoo", "Yahoo", ["ymail.com"], [], { domainPatterns: ["yahoo\\..*"] }),
        record("yahoo-jp", "Yahoo.co.jp", ["yahoo.co.jp"]),
      ]),
      snapshot("thunderbird-ispdb", [
        record("yahoo.com.xml", "Yahoo! Mail", ["yahoo.com", "yahoo.de"]),
        record("yahoo.co.jp.xml", "Yahoo! JAPAN", ["yahoo.co.jp"]),
      ]),
    ]);
    const yahoo = services.find((s) => s.domains.includes("yahoo.com"));
    const japan = services.find((s) => s.domains.includes("yahoo.co.jp"));
    expect(yahoo?.members.map(refOf).sort()).toEqual(["fairemail:yahoo", "thunderbird-ispdb:yahoo.com.xml"]);
    expect(japan?.members.map(refOf).sort()).toEqual(["fairemail:yahoo-jp", "thunderbird-ispdb:yahoo.co.jp.xml"]);
    expect(japan?.slug).not.toBe(yahoo?.slug);
  });

  it("attaches a record without domains by a host only one named provider uses, never by a placeholder", () => {
    const services = merge([
      snapshot("thunderbird-ispdb", [
        record("one.example.xml", "One", ["one.example"], ["mail.one.example", "mail.%EMAILDOMAIN%"]),
        record("two.example.xml", "Two", ["two.example"], ["mail.%EMAILDOMAIN%"]),
      ]),
      snapshot("nodemailer", [
        record("OneSMTP", "One SMTP", [], ["mail.one.example"]),
        record("Other", "Other", [], ["mail.%EMAILDOMAIN%"]),
      ]),
    ]);
    expect(services.find((s) => s.domains.includes("one.example"))?.members.map(refOf)).toContain("nodemailer:OneSMTP");
    expect(services.find((s) => s.name === "Other")?.members).toHaveLength(1);
    expect(services.find((s) => s.domains.includes("two.example"))?.members).toHaveLength(1);
  });

  it("gives two providers sharing a domain label distinct slugs", () => {
    const services = merge([
      snapshot("thunderbird-ispdb", [
        record("mail.com.xml", "Mail.com", ["mail.com"]),
        record("mail.de.xml", "mail.de", ["mail.de"]),
      ]),
    ]);
    expect(services.map((s) => s.slug).sort()).toEqual(["mail-com", "mail-de"]);
  });

  it("tells two providers of one name apart by their domain", () => {
    const editorial = editorialFileSchema.parse({ standalone: ["thunderbird-ispdb:mail.de.xml"] });
    const services = merge(
      [
        snapshot("thunderbird-ispdb", [
          record("mail.com.xml", "Mail", ["mail.com"]),
          record("mail.de.xml", "Mail", ["mail.de"]),
        ]),
      ],
      editorial,
    );
    expect(services.map((s) => s.name).sort()).toEqual(["Mail (mail.com)", "Mail (mail.de)"]);
  });

  it("follows editorial links, slugs and standalone records", () => {
    const editorial = editorialFileSchema.parse({
      links: [["fairemail:ses-east", "fairemail:ses-west"]],
      slugs: { "fairemail:ses-east": "amazon-ses" },
      standalone: ["thunderbird-ispdb:umich.edu.xml"],
      services: { "amazon-ses": { name: "Amazon SES", kind: "other", segment: "business" } },
    });
    const services = merge(
      [
        snapshot("fairemail", [
          record("ses-east", "SES us-east", [], ["email-smtp.us-east-1.amazonaws.com"]),
          record("ses-west", "SES us-west", [], ["email-smtp.us-west-2.amazonaws.com"]),
        ]),
        snapshot("thunderbird-ispdb", [
          record("umich.edu.xml", "Gmail", ["umich.edu"]),
          record("gmail.com.xml", "Gmail", ["gmail.com"]),
        ]),
      ],
      editorial,
    );
    const ses = services.find((s) => s.slug === "amazon-ses");
    expect(ses).toMatchObject({ name: "Amazon SES", kind: "other", kindBasis: "editorial", segment: "business" });
    expect(ses?.members).toHaveLength(2);
    expect(services.filter((s) => s.domains.includes("umich.edu") || s.domains.includes("gmail.com"))).toHaveLength(2);
  });
});
