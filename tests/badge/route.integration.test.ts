import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { BADGE_PALETTES, BADGE_PROPERTIES } from "@/lib/badge/badge";
import { readCatalogueVersion } from "@/lib/catalogue/state";
import { createSeededDatabase, type TempDatabase } from "../helpers/temp-db";

// The badge routes themselves, on a copy of the seeded catalogue.
vi.mock("server-only", () => ({}));

let temp: TempDatabase;
let db: PrismaClient;
let light: typeof import("@/app/[locale]/providers/[slug]/badge.svg/route");
let dark: typeof import("@/app/[locale]/providers/[slug]/badge-dark.svg/route");

const ORIGIN = "http://compass.test";

function fetchBadge(
  locale: string,
  slug: string,
  { theme = "light", headers = {} }: { theme?: "light" | "dark"; headers?: Record<string, string> } = {},
) {
  const file = theme === "dark" ? "badge-dark.svg" : "badge.svg";
  const request = new Request(`${ORIGIN}/${locale}/providers/${slug}/${file}`, { headers });
  return (theme === "dark" ? dark : light).GET(request, { params: Promise.resolve({ locale, slug }) });
}

// A service whose four badge claims are all current and "yes" in the seeded data.
async function serviceWithAllPorts(): Promise<{ id: number; slug: string }> {
  const services = await db.service.findMany({
    where: { claims: { some: { isCurrent: true, property: { key: "imaps" }, value: "yes" } } },
    select: {
      id: true,
      slug: true,
      claims: { where: { isCurrent: true }, select: { value: true, property: { select: { key: true } } } },
    },
    orderBy: { slug: "asc" },
  });
  const found = services.find((s) =>
    BADGE_PROPERTIES.every((key) => s.claims.some((c) => c.property.key === key && c.value === "yes")),
  );
  if (!found) throw new Error("no seeded service has all four ports");
  return found;
}

beforeAll(async () => {
  temp = await createSeededDatabase();
  vi.stubEnv("DATABASE_URL", temp.url);
  db = createPrismaClient(temp.url);
  (globalThis as { prisma?: PrismaClient }).prisma = db;
  light = await import("@/app/[locale]/providers/[slug]/badge.svg/route");
  dark = await import("@/app/[locale]/providers/[slug]/badge-dark.svg/route");
});

afterAll(async () => {
  await db.$disconnect();
  delete (globalThis as { prisma?: PrismaClient }).prisma;
  vi.unstubAllEnvs();
  temp.cleanup();
});

describe("/<locale>/providers/<slug>/badge.svg", () => {
  it("answers a well-formed SVG image with its validators and cache rule", async () => {
    const { slug } = await serviceWithAllPorts();
    const response = await fetchBadge("en", slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{22}"$/);
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
    expect(svg).toContain("993/995/465/587 · verified ");
  });

  it("answers 304 to its own ETag, with the ETag and the cache rule again", async () => {
    const { slug } = await serviceWithAllPorts();
    const etag = (await fetchBadge("ja", slug)).headers.get("etag")!;
    const again = await fetchBadge("ja", slug, { headers: { "If-None-Match": `W/${etag}, "other"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await again.text()).toBe("");
    expect((await fetchBadge("ja", slug, { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
  });

  it("has one file per language and theme, each with its own ETag", async () => {
    const { slug } = await serviceWithAllPorts();
    const answers = await Promise.all([
      fetchBadge("ja", slug),
      fetchBadge("en", slug),
      fetchBadge("ja", slug, { theme: "dark" }),
      fetchBadge("en", slug, { theme: "dark" }),
    ]);
    const [ja, en, jaDark, enDark] = await Promise.all(answers.map((r) => r.text()));
    expect(ja).toContain("メール暗号化");
    expect(en).toContain("mail TLS");
    expect(jaDark).toContain(`fill="${BADGE_PALETTES.dark.labelBg}"`);
    expect(enDark).toContain(`fill="${BADGE_PALETTES.dark.labelBg}"`);
    expect(new Set(answers.map((r) => r.headers.get("etag"))).size).toBe(4);
  });

  it("is 404 for an unknown service, a malformed slug and an unknown language", async () => {
    for (const [locale, slug] of [
      ["ja", "no-such-service"],
      ["en", "Bad_Slug"],
      ["fr", "gmail"],
    ] as const) {
      const response = await fetchBadge(locale, slug);
      expect(response.status, `${locale}/${slug}`).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });

  it("moves its date and ETag when a check verifies a claim again, though the catalogue's version stays", async () => {
    const service = await serviceWithAllPorts();
    const before = await fetchBadge("en", service.slug);
    const version = await readCatalogueVersion(db);
    const today = new Date().toISOString().slice(0, 10);
    const claims = await db.claim.findMany({
      where: { serviceId: service.id, isCurrent: true, property: { key: { in: [...BADGE_PROPERTIES] } } },
      select: { id: true },
    });
    await db.claimVerification.createMany({
      data: claims.map((c) => ({ claimId: c.id, day: today, checkedBy: "live-probe" })),
    });
    const after = await fetchBadge("en", service.slug);
    const svg = await after.text();
    expect(await readCatalogueVersion(db)).toBe(version);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(svg).toContain(`verified ${today.slice(0, 7)}<`);
    expect(svg).toContain(`Verified ${today}.`);
    expect(svg).toContain(`fill="${BADGE_PALETTES.light.tones.good.bg}"`);
  });

  it("turns grey on stale evidence and says unknown when no claim is left", async () => {
    const service = await serviceWithAllPorts();
    const where = { serviceId: service.id, isCurrent: true, property: { key: { in: [...BADGE_PROPERTIES] } } };
    await db.claimVerification.deleteMany({ where: { claim: where } });
    await db.claim.updateMany({ where, data: { asOf: "2015-04", verifiedOn: "2015-04-01" } });
    const stale = await (await fetchBadge("en", service.slug)).text();
    expect(stale).toContain("verified 2015-04 · stale");
    expect(stale).toContain(`fill="${BADGE_PALETTES.light.tones.stale.bg}"`);
    await db.claim.deleteMany({ where });
    const unknown = await (await fetchBadge("ja", service.slug)).text();
    expect(unknown).toContain(">不明</text>");
    expect(unknown).toContain("出典のある情報なし");
  });

  it("escapes the service's name", async () => {
    const service = await serviceWithAllPorts();
    await db.service.update({ where: { id: service.id }, data: { name: `<script>&"x"`, nameEn: null } });
    const svg = await (await fetchBadge("en", service.slug)).text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("&lt;script&gt;&amp;&quot;x&quot;");
    expect(svg).not.toContain("<script");
  });
});
