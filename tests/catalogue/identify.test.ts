import { describe, expect, it } from "vitest";
import { identifyByMx, type IdentifiableService } from "@/lib/catalogue/identify";

const services: IdentifiableService[] = [
  { slug: "xserver", name: "エックスサーバー", nameEn: "Xserver", mxPatterns: [], hostPatterns: ["sv*.xserver.jp"] },
  { slug: "hetzner", name: "Hetzner", nameEn: null, mxPatterns: [".*your-server\\.de"], hostPatterns: [] },
  { slug: "gmail", name: "Gmail", nameEn: null, mxPatterns: [], hostPatterns: ["imap.gmail.com"] },
  { slug: "dreamhost", name: "DreamHost", nameEn: null, mxPatterns: [], hostPatterns: ["mail.%EMAILDOMAIN%"] },
];

describe("identifyByMx", () => {
  it("names a rental server from its documented server names and a host from a dataset's MX pattern", () => {
    expect(identifyByMx(["sv12345.xserver.jp."], services).map((s) => s.slug)).toEqual(["xserver"]);
    expect(identifyByMx(["mx1.your-server.de"], services)).toEqual([
      { slug: "hetzner", name: "Hetzner", nameEn: null, mxHost: "mx1.your-server.de" },
    ]);
  });

  it("does not take a mail server name without a wildcard, or a placeholder, for an MX pattern", () => {
    expect(identifyByMx(["imap.gmail.com", "mail.example.jp"], services)).toEqual([]);
    // a pattern is anchored: a host that merely contains it is not a match
    expect(identifyByMx(["sv1.xserver.jp.evil.example"], services)).toEqual([]);
  });
});
