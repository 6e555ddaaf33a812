import { describe, expect, it } from "vitest";
import { autoconfigDomainSchema, lookupAutoconfig, mxLookupDomains, registrableDomain } from "@/lib/autoconfig/lookup";

describe("domain input", () => {
  it("converts IDN and case to the ASCII form, and drops a trailing dot", () => {
    expect(autoconfigDomainSchema.parse("例え.JP")).toBe("xn--r8jz45g.jp");
    expect(autoconfigDomainSchema.parse(" Example.COM. ")).toBe("example.com");
  });

  it.each([
    "",
    "example",
    "not a domain",
    "127.0.0.1",
    "http://example.com",
    "-bad-.com",
    "a..b.com",
    "user@example.com",
    `${"a".repeat(64)}.com`,
  ])("rejects %j", async (input) => {
    expect(autoconfigDomainSchema.safeParse(input).success).toBe(false);
    await expect(
      lookupAutoconfig(input, { fetch: () => Promise.reject(new Error("must not fetch")) }),
    ).rejects.toThrow();
  });
});

describe("MX host to ISPDB domains", () => {
  it("takes the last two labels, or three under second-level registries", () => {
    expect(registrableDomain("mx1.mail.example.com")).toBe("example.com");
    expect(registrableDomain("mx.biglobe.ne.jp.")).toBe("biglobe.ne.jp");
    expect(registrableDomain("mail.yahoo.co.jp")).toBe("yahoo.co.jp");
    expect(registrableDomain("mx.example.or.jp")).toBe("example.or.jp");
    expect(registrableDomain("mx.example.jp")).toBe("example.jp");
  });

  it("asks for the host minus its first label before the registrable domain, never the domain itself", () => {
    expect(mxLookupDomains("contoso-com.mail.protection.outlook.com", "contoso.com")).toEqual([
      "mail.protection.outlook.com",
      "outlook.com",
    ]);
    expect(mxLookupDomains("mx.biglobe.ne.jp", "shop.jp")).toEqual(["biglobe.ne.jp"]);
    expect(mxLookupDomains("mx.example.com", "example.com")).toEqual([]);
  });
});
