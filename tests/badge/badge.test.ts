import { describe, expect, it } from "vitest";
import {
  BADGE_PALETTES,
  badgeFacts,
  badgePath,
  badgeSize,
  badgeSvg,
  badgeText,
  escapeXml,
  type BadgeClaim,
} from "@/lib/badge/badge";
import { badgeSnippets } from "@/lib/badge/snippets";
import { textWidth } from "@/lib/badge/text-width";

const NOW = new Date("2026-12-05T12:00:00Z");
const claim = (value: BadgeClaim["value"], asOf = "2026-11-20", extra: Partial<BadgeClaim> = {}): BadgeClaim => ({
  value,
  asOf,
  verifiedOn: null,
  ...extra,
});
const ALL_YES = {
  imaps: claim("yes"),
  pop3s: claim("yes"),
  smtps: claim("yes"),
  "submission-starttls": claim("yes"),
};

// WCAG 2.x relative luminance and contrast ratio
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("badgeFacts", () => {
  it("is green when every port has TLS, and lists them in order", () => {
    const facts = badgeFacts(ALL_YES, NOW);
    expect(facts).toMatchObject({ ports: [993, 995, 465, 587], verified: "2026-11-20", stale: false, tone: "good" });
    expect(badgeText(facts, "en", "Example").message).toBe("993/995/465/587 · verified 2026-11");
    expect(badgeText(facts, "ja", "Example").message).toBe("993/995/465/587 · 2026-11 確認");
  });

  it("is green for reading over IMAPS and sending over 465 without POP3", () => {
    const facts = badgeFacts({ imaps: claim("yes"), pop3s: claim("no"), smtps: claim("yes") }, NOW);
    expect(facts.tone).toBe("good");
    expect(facts.ports).toEqual([993, 465]);
    expect(facts.values["submission-starttls"]).toBe("unknown");
  });

  it("is amber when only one direction has TLS", () => {
    const facts = badgeFacts({ imaps: claim("yes"), smtps: claim("no"), "submission-starttls": claim("partial") }, NOW);
    expect(facts.tone).toBe("partial");
    expect(badgeText(facts, "en", "Example").message).toBe("993 · verified 2026-11");
  });

  it("is red when no port has TLS, and says so", () => {
    const facts = badgeFacts({ imaps: claim("no"), pop3s: claim("no"), smtps: claim("partial") }, NOW);
    expect(facts.tone).toBe("none");
    expect(badgeText(facts, "en", "Example").message).toBe("no TLS port · verified 2026-11");
    expect(badgeText(facts, "ja", "Example").message).toBe("TLS ポートなし · 2026-11 確認");
  });

  it("says unknown, with no date, when no source says anything", () => {
    for (const claims of [{}, { imaps: claim("unknown", "2026-11-01") }]) {
      const facts = badgeFacts(claims, NOW);
      expect(facts).toMatchObject({ tone: "unknown", verified: null, ports: [] });
      const text = badgeText(facts, "en", "Example");
      expect(text.message).toBe("unknown");
      expect(text.summary).toBe("Example, mail over TLS: no sourced information.");
      expect(badgeText(facts, "ja", "Example").message).toBe("不明");
    }
  });

  it("states the weakest claim's last check: a fresh port does not vouch for an old one", () => {
    const facts = badgeFacts(
      {
        imaps: claim("yes", "2020-01", { verifications: [{ day: "2026-10-02" }] }),
        smtps: claim("yes", "2025-06", { verifiedOn: "2025-07-14" }),
      },
      NOW,
    );
    expect(facts.verified).toBe("2025-07-14");
    expect(facts.tone).toBe("good");
  });

  it("turns grey when the evidence is stale, keeps its date, and says stale in words", () => {
    const facts = badgeFacts({ ...ALL_YES, pop3s: claim("yes", "2023-12") }, NOW);
    expect(facts).toMatchObject({ verified: "2023-12", stale: true, tone: "stale" });
    const en = badgeText(facts, "en", "Example");
    expect(en.message).toBe("993/995/465/587 · verified 2023-12 · stale");
    expect(en.summary).toContain("more than 36 months old");
    expect(badgeText(facts, "ja", "Example").message).toBe("993/995/465/587 · 2023-12 確認 · 古い情報");
    // 36 months is stale (STALE_AFTER_MONTHS), 35 is not
    expect(badgeFacts({ ...ALL_YES, pop3s: claim("yes", "2024-01") }, NOW).tone).toBe("good");
    const svg = badgeSvg(en, facts.tone, "light");
    expect(svg).toContain(`fill="${BADGE_PALETTES.light.tones.stale.bg}"`);
    expect(svg).not.toContain(BADGE_PALETTES.light.tones.good.bg);
  });

  it("names every port and value in its accessible summary", () => {
    const facts = badgeFacts({ imaps: claim("yes"), pop3s: claim("no"), smtps: claim("partial") }, NOW);
    expect(badgeText(facts, "en", "Example").summary).toBe(
      "Example, mail over TLS: IMAPS 993 yes, POP3S 995 no, SMTPS 465 partly, STARTTLS 587 unknown. Verified 2026-11-20.",
    );
    expect(badgeText(facts, "ja", "例").summary).toBe(
      "例 のメール暗号化: IMAPS 993 対応、POP3S 995 非対応、SMTPS 465 一部対応、STARTTLS 587 不明。2026-11-20 確認。",
    );
  });
});

describe("badgeSvg", () => {
  it("is one accessible image: role, aria-label and title say the same", () => {
    const text = badgeText(badgeFacts(ALL_YES, NOW), "en", "Example");
    const svg = badgeSvg(text, "good", "light");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*role="img"/);
    expect(svg).toContain(`aria-label="${text.summary}"`);
    expect(svg).toContain(`<title>${text.summary}</title>`);
    // presentation attributes only: the route's policy forbids inline styles and scripts
    expect(svg).not.toMatch(/<style|style=|<script|on[a-z]+=/i);
  });

  it("escapes a service name in the title and the label", () => {
    const name = `A&B <Mail> "Pro" 'x'\u0000\u0008`;
    const text = badgeText(badgeFacts(ALL_YES, NOW), "en", name);
    const svg = badgeSvg(text, "good", "dark");
    expect(svg).toContain("A&amp;B &lt;Mail&gt; &quot;Pro&quot; &apos;x&apos;, mail over TLS");
    expect(svg).not.toContain("<Mail>");
    expect(svg).not.toMatch(/[\u0000-\u0008]/);
    expect(escapeXml("]]><x>")).toBe("]]&gt;&lt;x&gt;");
  });

  it("sizes each box to its measured text", () => {
    const text = badgeText(badgeFacts(ALL_YES, NOW), "ja", "例");
    const size = badgeSize(text);
    // "メール暗号化": six full-width characters at 11 px
    expect(size.labelText).toBe(66);
    expect(size.messageText).toBe(Math.ceil(textWidth(text.message)));
    const svg = badgeSvg(text, "good", "light");
    expect(svg).toContain(`width="${size.width}" height="20"`);
    expect(svg).toContain(`textLength="${size.messageText}"`);
    // digits are 7 px, the middle dot and space 3.5 px
    expect(textWidth("993 · 2026")).toBe(7 * 7 + 3 * 3.5);
  });

  it("keeps every text readable on its fill in both themes (4.5:1)", () => {
    for (const palette of Object.values(BADGE_PALETTES)) {
      expect(contrast(palette.labelBg, palette.labelText)).toBeGreaterThanOrEqual(4.5);
      for (const { bg, text } of Object.values(palette.tones)) expect(contrast(bg, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("badge paths and snippets", () => {
  it("puts the badge beside its service page, the dark one as its own file", () => {
    expect(badgePath("ja", "gmail", "light")).toBe("/ja/providers/gmail/badge.svg");
    expect(badgePath("en", "gmail", "dark")).toBe("/en/providers/gmail/badge-dark.svg");
  });

  it("links the badge to the service page on SITE_URL, escaped for HTML and Markdown", () => {
    const s = badgeSnippets("https://compass.example", "en", "gmail", `Gmail [x] "y" <z>`);
    expect(s.html).toContain(`<a href="https://compass.example/en/providers/gmail">`);
    expect(s.html).toContain(`srcset="https://compass.example/en/providers/gmail/badge-dark.svg"`);
    expect(s.html).toContain(
      `<img src="https://compass.example/en/providers/gmail/badge.svg" alt="Gmail [x] &quot;y&quot; &lt;z&gt;">`,
    );
    expect(s.markdown).toBe(
      `[![Gmail \\[x\\] "y" <z>](https://compass.example/en/providers/gmail/badge.svg)](https://compass.example/en/providers/gmail)`,
    );
    expect(badgeSnippets(null, "ja", "gmail", "x").markdown).toBe(
      "[![x](/ja/providers/gmail/badge.svg)](/ja/providers/gmail)",
    );
  });
});
