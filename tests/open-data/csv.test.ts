import { describe, expect, it } from "vitest";
import { catalogueCsv, csvField, csvQuery, parseCsv, toCsv, UTF8_BOM, type CsvService } from "@/lib/open-data/csv";

const service = (over: Partial<CsvService> = {}): CsvService => ({
  slug: "example",
  name: "Example",
  nameEn: null,
  plan: null,
  segment: "personal",
  kind: "mailbox",
  status: "active",
  newestEvidence: "2026-11",
  support: { pop3s: { value: "yes", asOf: "2026-11-02" }, smtps: { value: "no", asOf: "2025" } },
  ...over,
});

describe("CSV quoting (RFC 4180)", () => {
  it("leaves plain fields bare and quotes commas, quotes and line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
  });

  it("ends every record with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["c", ""],
      ]),
    ).toBe("a,b\r\nc,\r\n");
  });

  it("parses back what it writes, for names with a comma, a quote and a newline", () => {
    const rows = [
      ["slug", "name"],
      ["a", 'Mail, "Quoted"\r\nand more'],
      ["b", "日本語のサービス名"],
      ["c", ""],
      ["d", '"'],
    ];
    expect(parseCsv(UTF8_BOM + toCsv(rows))).toEqual(rows);
  });

  it("refuses what toCsv never writes", () => {
    expect(() => parseCsv('a"b,c\r\n')).toThrow(/double quote/);
    expect(() => parseCsv('"open\r\n')).toThrow(/not closed/);
    expect(() => parseCsv('"a"b\r\n')).toThrow(/unexpected/);
  });
});

describe("catalogueCsv", () => {
  it("starts with the UTF-8 BOM and spells unknown out, apart from no", () => {
    const text = catalogueCsv([service({ name: 'Mail, "Q"\nX' })], ["pop3s", "smtps", "apop"], "https://e.test");
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const [header, row] = parseCsv(text);
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({
      slug: "example",
      name: 'Mail, "Q"\nX',
      name_en: "",
      segment: "personal",
      newest_evidence: "2026-11",
      page_url: "https://e.test/ja/providers/example",
      api_url: "https://e.test/api/providers/example",
      pop3s: "yes",
      pop3s_as_of: "2026-11-02",
      smtps: "no",
      smtps_as_of: "2025",
      apop: "unknown",
      apop_as_of: "",
    });
  });

  it("drops paging and the comparison selection from the query, keeps the filters", () => {
    const query = csvQuery(new URLSearchParams("has=pop3s&page=3&per=50&s=cpi&sort=name&q=x"));
    expect(query.toString()).toBe("has=pop3s&sort=name&q=x");
  });
});
