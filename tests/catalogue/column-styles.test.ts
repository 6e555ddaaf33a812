import { describe, expect, it } from "vitest";
import { columnStyles, columnStylesheet, parseColumnStylesFile } from "@/lib/catalogue/column-styles";
import { countsTowardsSupport, groupProperties, tableProperties } from "@/lib/catalogue/property-groups";
import type { PropertyInfo } from "@/lib/queries/properties";

const property = (
  id: number,
  key: string,
  category: PropertyInfo["category"],
  labelEn: string,
  shortEn: string,
): PropertyInfo => ({
  id,
  key,
  category,
  appliesTo: "service",
  labelJa: `${labelEn}（日本語）`,
  labelEn,
  shortJa: shortEn,
  shortEn,
  articleSlug: null,
});

const PROPERTIES = [
  property(1, "pop3s", "receive", "POP3 over SSL (995)", "POP3S"),
  property(2, "imaps", "receive", "IMAP over SSL (993)", "IMAPS"),
  property(3, "smtps", "send", 'SMTP "over" SSL </style>', "SMTPS"),
];

describe("the catalogue's generated column sheet", () => {
  it("labels each property column by position, after the three leading columns, and its header", () => {
    const css = columnStyles("en", PROPERTIES);
    expect(css).toContain(
      '.catalogue-table td:nth-child(4),.catalogue-table__properties th:nth-child(1){--p:"POP3S";--pl:"POP3 over SSL (995)";--g:"Receiving"}',
    );
    expect(css).toContain(
      '.catalogue-table td:nth-child(5),.catalogue-table__properties th:nth-child(2){--p:"IMAPS";--pl:"IMAP over SSL (993)"}',
    );
    // "unknown" is a cell without a class, so its mark is the default
    expect(css).toContain('.catalogue-table tbody td{--m:"?"}');
    expect(css).toContain('.catalogue-table .m-yes{--m:"○"}');
    // text from the database cannot end the string or the sheet
    expect(css).not.toContain("</style>");
    expect(css).not.toMatch(/"over"/);
  });

  it("gives OAuth2 and app password no column: the filter and the service page show them", () => {
    const withLogin = [
      ...PROPERTIES,
      property(4, "oauth2", "auth", "OAuth2 sign-in", "OAuth2"),
      property(5, "app-password", "auth", "App password required", "App password"),
    ];
    expect(columnStyles("en", withLogin)).toBe(columnStyles("en", PROPERTIES));
    expect(tableProperties(withLogin).map((p) => p.key)).toEqual(["pop3s", "imaps", "smtps"]);
  });

  it("gives the mail-domain group one summary column, named by the group, after the others", () => {
    const withDomain = [
      ...PROPERTIES,
      property(6, "mx-starttls", "domain", "STARTTLS on the incoming servers", "MX STARTTLS"),
      property(7, "mta-sts", "domain", "MTA-STS", "MTA-STS"),
      property(8, "tls-rpt", "domain", "TLS-RPT", "TLS-RPT"),
      property(9, "dane", "domain", "DANE", "DANE"),
    ];
    const css = columnStyles("en", withDomain);
    expect(css).toContain('.catalogue-table td:nth-child(7){--p:"Domain";--pl:"Mail domain protection";--g:none}');
    expect(css).not.toContain("nth-child(8)");
    expect(css).not.toContain("MTA-STS");
    expect(columnStyles("ja", withDomain)).toContain('--pl:"受信ドメインの保護"');
  });

  it("is named by its content, so a changed property list gets a new address", () => {
    const first = columnStylesheet("ja", PROPERTIES);
    expect(first.href).toMatch(/^\/catalogue-columns\/ja-[0-9a-f]{16}\.css$/);
    expect(columnStylesheet("ja", PROPERTIES).href).toBe(first.href);
    expect(columnStylesheet("en", PROPERTIES).href).not.toBe(first.href);
    expect(columnStylesheet("ja", PROPERTIES.slice(0, 2)).href).not.toBe(first.href);
    expect(parseColumnStylesFile(first.href.split("/").pop()!)).toEqual({
      locale: "ja",
      hash: first.href.slice(-20, -4),
    });
  });

  it("answers only names it could have made", () => {
    for (const bad of [
      "fr-0123456789abcdef.css",
      "ja-0123.css",
      "ja-0123456789abcdef.js",
      "../ja-0123456789abcdef.css",
    ])
      expect(parseColumnStylesFile(bad), bad).toBeNull();
  });
});

describe("the property order", () => {
  it("lists the properties group by group, so the filter's fieldsets read in turn are the server's order", async () => {
    const { default: properties } = await import("@/data/properties.json");
    expect(groupProperties(properties).flatMap((g) => g.properties.map((p) => p.key))).toEqual(
      properties.map((p) => p.key),
    );
  });
});

describe("what counts towards supportCount", () => {
  it("counts the client-facing properties, not the detail-only or the mail-domain ones", () => {
    expect(countsTowardsSupport({ key: "smtps", category: "send" })).toBe(true);
    expect(countsTowardsSupport({ key: "oauth2", category: "auth" })).toBe(false);
    for (const key of ["mx-starttls", "mta-sts", "tls-rpt", "dane"])
      expect(countsTowardsSupport({ key, category: "domain" }), key).toBe(false);
  });
});
