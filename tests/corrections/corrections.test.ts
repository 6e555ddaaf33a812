import { describe, expect, it } from "vitest";
import { correctionHref, publicSiteUrl, securityTxt, toCorrectionsContact } from "@/lib/corrections";
import { parseEnv } from "@/lib/env";

const service = { slug: "clio", name: "CLIO" };
const property = { key: "smtps", label: "SMTP over SSL (465番)" };

// mailto: query values, decoded as a mail app reads them
function mailto(href: string): { to: string; subject: string; body: string } {
  const [to = "", query = ""] = href.replace(/^mailto:/, "").split("?");
  const params = Object.fromEntries(query.split("&").map((kv) => kv.split("=").map(decodeURIComponent)));
  return { to, subject: params.subject ?? "", body: params.body ?? "" };
}

describe("CORRECTIONS_CONTACT", () => {
  it("takes an address, with or without mailto:, or an https URL; unset or empty means none", () => {
    expect(parseEnv({ CORRECTIONS_CONTACT: "mailto:fix@example.jp" }).CORRECTIONS_CONTACT).toBe("fix@example.jp");
    expect(parseEnv({ CORRECTIONS_CONTACT: " fix@example.jp " }).CORRECTIONS_CONTACT).toBe("fix@example.jp");
    expect(parseEnv({ CORRECTIONS_CONTACT: "https://example.jp/form" }).CORRECTIONS_CONTACT).toBe(
      "https://example.jp/form",
    );
    expect(parseEnv({ CORRECTIONS_CONTACT: "" }).CORRECTIONS_CONTACT).toBeUndefined();
    expect(parseEnv({}).CORRECTIONS_CONTACT).toBeUndefined();
  });

  it("refuses anything a reader could not use, naming the variable", () => {
    for (const bad of ["http://example.jp/form", "not an address", "javascript:alert(1)"]) {
      expect(() => parseEnv({ CORRECTIONS_CONTACT: bad }), bad).toThrow(/CORRECTIONS_CONTACT/);
    }
  });
});

describe("correctionHref", () => {
  it("opens a mail that names the service, the property and the page", () => {
    const contact = toCorrectionsContact("fix@example.jp")!;
    const mail = mailto(correctionHref(contact, { locale: "ja", service, property }, "https://mail.example.jp"));
    expect(mail.to).toBe("fix@example.jp");
    expect(mail.subject).toBe("訂正の報告: CLIO の SMTP over SSL (465番)");
    expect(mail.body).toContain("サービス: CLIO (clio)\r\n項目: SMTP over SSL (465番) (smtps)\r\n");
    expect(mail.body).toContain("ページ: https://mail.example.jp/ja/providers/clio");
  });

  it("without a public origin names the page by its path, and a whole-service report has no property", () => {
    const contact = toCorrectionsContact("fix@example.jp")!;
    const mail = mailto(correctionHref(contact, { locale: "en", service }));
    expect(mail.subject).toBe("Correction: CLIO");
    expect(mail.body).toContain("Page: /en/providers/clio");
    expect(mail.body).not.toContain("Feature:");
  });

  it("adds service, property and language to a form URL, keeping its own query", () => {
    const contact = toCorrectionsContact("https://forms.example.jp/f?id=7")!;
    const url = new URL(correctionHref(contact, { locale: "en", service, property }));
    expect(url.origin + url.pathname).toBe("https://forms.example.jp/f");
    expect(Object.fromEntries(url.searchParams)).toEqual({ id: "7", service: "clio", property: "smtps", lang: "en" });
  });
});

describe("publicSiteUrl", () => {
  it("drops the loopback development default, so no page or file names localhost", () => {
    expect(publicSiteUrl("http://localhost:3000")).toBeNull();
    expect(publicSiteUrl("http://127.0.0.1:3100")).toBeNull();
    expect(publicSiteUrl(undefined)).toBeNull();
    expect(publicSiteUrl("https://mail.example.jp/")).toBe("https://mail.example.jp");
  });
});

describe("securityTxt", () => {
  it("has the RFC 9116 fields, an Expires under a year ahead, and Canonical only with an origin", () => {
    const now = new Date("2026-11-29T09:00:00Z");
    const text = securityTxt(toCorrectionsContact("fix@example.jp")!, now, null);
    expect(text).toMatch(/^Contact: mailto:fix@example\.jp$/m);
    expect(text).toMatch(/^Preferred-Languages: ja, en$/m);
    const expires = new Date(/^Expires: (.+)$/m.exec(text)?.[1] ?? "");
    expect(expires.getTime()).toBeGreaterThan(now.getTime());
    expect(expires.getTime() - now.getTime()).toBeLessThan(365 * 86_400_000);
    expect(text).not.toContain("Canonical");
    expect(securityTxt(toCorrectionsContact("https://example.jp/f")!, now, "https://mail.example.jp")).toMatch(
      /^Canonical: https:\/\/mail\.example\.jp\/\.well-known\/security\.txt$/m,
    );
  });
});
