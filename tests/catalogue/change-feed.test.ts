import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  changeFeedAtom,
  changeFeedJson,
  partialDateToDate,
  type ChangeFeedInput,
  type FeedChange,
} from "@/lib/changes/feed";
import { parseFeedFile } from "@/lib/changes/feed-paths";

const source = { title: "出典 & <資料>", titleEn: "Source & <docs>", url: "https://example.jp/doc?a=1&b=2" };
const change = (slug: string, date: string, from: FeedChange["from"], to: FeedChange["to"]["value"]): FeedChange => ({
  service: { slug, name: `${slug} メール & <co>`, nameEn: `${slug} Mail & <co>` },
  propertyKey: "pop3s",
  date,
  direction: from ? (to === "yes" ? "improved" : "worse") : "new",
  from,
  to: { value: to, source, asOf: date },
});

const input = (origin: string | undefined, extra: Partial<ChangeFeedInput> = {}): ChangeFeedInput => ({
  locale: "en",
  origin,
  changes: [
    change("gmail", "2026-11-29", { value: "yes" }, "no"),
    { ...change("gmail", "2026-11-29", null, "yes"), propertyKey: "imaps" },
    change("cpi", "2026-03", null, "partial"),
  ],
  propertyLabels: { pop3s: "POP3S", imaps: "IMAPS" },
  ...extra,
});

const parseAtom = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "link"].includes(name) }).parse(xml) as {
    feed: {
      id: string;
      title: string;
      updated: string;
      link: Array<{ "@_href": string; "@_rel"?: string }>;
      entry: Array<{ id: string; title: { "#text": string }; link: Array<{ "@_href": string }>; updated: string }>;
    };
  };
};

describe("changeFeedAtom", () => {
  it("writes valid Atom with one entry per service and date, titles escaped as HTML", () => {
    const { feed } = parseAtom(changeFeedAtom(input("https://example.jp")));
    expect(feed.entry).toHaveLength(2);
    expect(feed.entry[0]!.title["#text"]).toBe(
      "gmail Mail &amp; &lt;co&gt;: POP3S Supported→Not supported, IMAPS Supported",
    );
    expect(feed.entry[0]!.link[0]!["@_href"]).toBe("https://example.jp/en/providers/gmail");
    expect(feed.entry[0]!.updated).toBe("2026-11-29T00:00:00.000Z");
    expect(feed.entry[1]!.updated).toBe("2026-03-01T00:00:00.000Z");
    expect(feed.updated).toBe("2026-11-29T00:00:00.000Z");
    expect(feed.id).toBe("tag:example.jp,2026:changes/en");
    expect(feed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe("https://example.jp/feeds/en/changes.atom");
  });

  it("publishes paths only when no origin is configured", () => {
    const xml = changeFeedAtom(input(undefined));
    expect(xml).not.toMatch(/https?:\/\/(?!example\.jp|www\.w3\.org|github\.com)/);
    const { feed } = parseAtom(xml);
    expect(feed.entry[0]!.link[0]!["@_href"]).toBe("/en/providers/gmail");
    expect(feed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe("/feeds/en/changes.atom");
    expect(feed.entry[0]!.id).toMatch(/^tag:/);
  });

  it("names the service in a per-service feed and bounds the entries", () => {
    const service = { slug: "gmail", name: "Gmail", nameEn: null };
    const { feed } = parseAtom(changeFeedAtom(input(undefined, { service, locale: "ja", limit: 1 })));
    expect(feed.title).toContain("Gmail");
    expect(feed.entry).toHaveLength(1);
    expect(feed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe("/feeds/ja/providers/gmail.atom");
  });
});

describe("changeFeedJson", () => {
  it("writes JSON Feed 1.1 with plain-text titles and HTML content", () => {
    const feed = JSON.parse(changeFeedJson(input("https://example.jp"))) as Record<string, unknown> & {
      items: Array<Record<string, unknown>>;
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.language).toBe("en");
    expect(feed.feed_url).toBe("https://example.jp/feeds/en/changes.json");
    expect(feed.home_page_url).toBe("https://example.jp/en/changes");
    expect(feed.authors).toEqual([{ name: "Mail Security Compass", url: "https://example.jp/en" }]);
    expect(feed).not.toHaveProperty("author");
    expect(feed.items).toHaveLength(2);
    const item = feed.items[0]!;
    expect(item.title).toBe("gmail Mail & <co>: POP3S Supported→Not supported, IMAPS Supported");
    expect(item.id).toBe("tag:example.jp,2026:change/en/gmail/2026-11-29");
    expect(item.url).toBe("https://example.jp/en/providers/gmail");
    expect(item.date_published).toBe("2026-11-29T00:00:00.000Z");
    expect(item.content_html).toContain('<a href="https://example.jp/doc?a=1&amp;b=2">Source &amp; &lt;docs&gt;</a>');
    expect(item.tags).toEqual(["POP3S", "IMAPS"]);
  });

  it("uses paths without an origin", () => {
    const feed = JSON.parse(changeFeedJson(input(undefined))) as { feed_url: string; items: Array<{ url: string }> };
    expect(feed.feed_url).toBe("/feeds/en/changes.json");
    expect(feed.items[0]!.url).toBe("/en/providers/gmail");
  });
});

describe("parseFeedFile and partialDateToDate", () => {
  it("reads a feed file name and a partial date", () => {
    expect(parseFeedFile("gmail.atom")).toEqual({ name: "gmail", format: "atom" });
    expect(parseFeedFile("changes.json")).toEqual({ name: "changes", format: "json" });
    expect(parseFeedFile("gmail.rss")).toBeNull();
    expect(parseFeedFile("../x.atom")).toBeNull();
    expect(partialDateToDate("2006").toISOString()).toBe("2006-01-01T00:00:00.000Z");
    expect(partialDateToDate("2006-02").toISOString()).toBe("2006-02-01T00:00:00.000Z");
  });
});
