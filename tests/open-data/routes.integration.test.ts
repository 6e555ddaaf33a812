import { Ajv2020 } from "ajv/dist/2020.js";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { safeParseIspdbXml } from "@/lib/ispdb/parse";
import { chooseAutoconfigServers } from "@/lib/open-data/autoconfig-xml";
import { parseCsv } from "@/lib/open-data/csv";
import { ispdbToRecord } from "@/lib/sources/read-ispdb";
import { createSeededDatabase, type TempDatabase } from "../helpers/temp-db";

// The route handlers themselves, against a copy of the seeded catalogue: what a client downloads
// must parse back to what the JSON API says, for the same filters.
vi.mock("server-only", () => ({}));

let temp: TempDatabase;
let db: PrismaClient;
type Routes = {
  api: typeof import("@/app/api/providers/route");
  csv: typeof import("@/app/api/providers.csv/route");
  cachedCsv: typeof import("@/app/api/catalogue-cache/[version]/[key]/csv/route");
  snapshot: typeof import("@/app/api/catalogue/v1.json/route");
  schema: typeof import("@/app/schemas/catalogue-v1.schema.json/route");
  autoconfig: typeof import("@/app/providers/[slug]/config-v1.1.xml/route");
};
let routes: Routes;

const ORIGIN = "http://compass.test";
const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(`${ORIGIN}${path}`, { headers });

beforeAll(async () => {
  temp = await createSeededDatabase();
  vi.stubEnv("DATABASE_URL", temp.url);
  db = createPrismaClient(temp.url);
  (globalThis as { prisma?: PrismaClient }).prisma = db;
  routes = {
    api: await import("@/app/api/providers/route"),
    csv: await import("@/app/api/providers.csv/route"),
    cachedCsv: await import("@/app/api/catalogue-cache/[version]/[key]/csv/route"),
    snapshot: await import("@/app/api/catalogue/v1.json/route"),
    schema: await import("@/app/schemas/catalogue-v1.schema.json/route"),
    autoconfig: await import("@/app/providers/[slug]/config-v1.1.xml/route"),
  };
});

afterAll(async () => {
  await db.$disconnect();
  delete (globalThis as { prisma?: PrismaClient }).prisma;
  vi.unstubAllEnvs();
  temp.cleanup();
});

type ApiPage = {
  total: number;
  next: string | null;
  items: Array<{
    slug: string;
    name: string;
    nameEn: string | null;
    segment: string | null;
    kind: string;
    newestEvidence: string | null;
    support: Record<string, { value: string; asOf: string | null }>;
  }>;
};

// Every page of the JSON API for a query, followed through its `next` links.
async function apiItems(query: string): Promise<ApiPage["items"]> {
  const items: ApiPage["items"] = [];
  let path: string | null = `/api/providers?${query}${query ? "&" : ""}per=100`;
  while (path) {
    const page = (await (await routes.api.GET(get(path))).json()) as ApiPage;
    items.push(...page.items);
    path = page.next;
  }
  return items;
}

async function csvRecords(query: string): Promise<Array<Record<string, string>>> {
  const response = await routes.csv.GET(get(`/api/providers.csv?${query}`));
  expect(response.status).toBe(200);
  const [header, ...rows] = parseCsv(await response.text());
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ""])));
}

describe("/api/providers.csv", () => {
  it("answers text/csv with a file name, the licence link and validators", async () => {
    const response = await routes.csv.GET(get("/api/providers.csv"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z-]+\.csv"$/);
    expect(response.headers.get("link")).toContain('rel="license"');
    expect(response.headers.get("etag")).toMatch(/^"csv\./);
    expect(Date.parse(response.headers.get("last-modified")!)).not.toBeNaN();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it.each(["", "has=pop3s&has=smtps", "segment=business", "q=mail&sort=name", "kind=hosting&has=imaps&page=2&per=50"])(
    "holds every service the API lists for ?%s, in its order, with the same values",
    async (query) => {
      const [api, csv] = await Promise.all([apiItems(query.replace(/&?(page|per)=\d+/g, "")), csvRecords(query)]);
      expect(api.length).toBeGreaterThan(0);
      expect(csv.map((r) => r.slug)).toEqual(api.map((p) => p.slug));
      const keys = Object.keys(api[0]!.support);
      for (const [i, p] of api.entries()) {
        const r = csv[i]!;
        expect([r.name, r.name_en, r.segment, r.kind, r.newest_evidence], p.slug).toEqual([
          p.name,
          p.nameEn ?? "",
          p.segment ?? "",
          p.kind,
          p.newestEvidence ?? "",
        ]);
        for (const key of keys) {
          expect(r[key], `${p.slug} ${key}`).toBe(p.support[key]!.value);
          expect(r[`${key}_as_of`], `${p.slug} ${key}`).toBe(p.support[key]!.asOf ?? "");
        }
      }
    },
  );

  it("is the same file from the cached route the proxy rewrites to, with the same validators", async () => {
    const { catalogueCsvTarget } = await import("@/lib/catalogue/cache-route");
    const search = new URLSearchParams("has=imaps&segment=personal&page=2");
    const target = await catalogueCsvTarget(search);
    const [, , , version, key] = target.pathname.split("/");
    expect(target.pathname).toMatch(/^\/api\/catalogue-cache\/[^/]+\/[^/]+\/csv$/);
    const [cached, direct] = await Promise.all([
      routes.cachedCsv.GET(get(target.pathname), { params: Promise.resolve({ version: version!, key: key! }) }),
      routes.csv.GET(get(`/api/providers.csv?${search}`)),
    ]);
    expect(await cached.text()).toBe(await direct.text());
    for (const name of ["etag", "last-modified", "content-type", "content-disposition", "link"])
      expect(cached.headers.get(name), name).toBe(direct.headers.get(name));
    expect(cached.headers.get("etag")).toBe(target.validators.etag);
  });

  it("keeps a name with a comma, a quote and a line break in one field", async () => {
    const slug = (await db.service.findFirstOrThrow({ orderBy: { slug: "asc" } })).slug;
    const name = 'Mail, "Quoted"\nSecond line';
    await db.service.update({ where: { slug }, data: { name } });
    const row = (await csvRecords("")).find((r) => r.slug === slug);
    expect(row?.name).toBe(name);
  });

  it("answers 304 to a current ETag or date, 200 once they are stale", async () => {
    const first = await routes.csv.GET(get("/api/providers.csv?has=pop3s"));
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    const byTag = await routes.csv.GET(get("/api/providers.csv?has=pop3s", { "if-none-match": etag }));
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get("etag")).toBe(etag);
    expect(await byTag.text()).toBe("");
    // paging does not split the file: the same validators
    const paged = await routes.csv.GET(get("/api/providers.csv?has=pop3s&page=4", { "if-none-match": etag }));
    expect(paged.status).toBe(304);
    const byDate = await routes.csv.GET(get("/api/providers.csv?has=pop3s", { "if-modified-since": lastModified }));
    expect(byDate.status).toBe(304);
    const other = await routes.csv.GET(get("/api/providers.csv?has=smtps", { "if-none-match": etag }));
    expect(other.status).toBe(200);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await routes.csv.GET(get("/api/providers.csv?has=pop3s", { "if-modified-since": older }))).status).toBe(
      200,
    );
  });
});

describe("/api/catalogue/v1.json", () => {
  it("validates against the published JSON Schema and round-trips to the API's values", async () => {
    const [snapshotResponse, schemaResponse] = await Promise.all([
      routes.snapshot.GET(get("/api/catalogue/v1.json")),
      Promise.resolve(routes.schema.GET(get("/schemas/catalogue-v1.schema.json"))),
    ]);
    expect(snapshotResponse.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(snapshotResponse.headers.get("link")).toContain('rel="license"');
    const schema = (await schemaResponse.json()) as Record<string, unknown>;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const snapshot = (await snapshotResponse.json()) as {
      $schema: string;
      services: Array<{
        slug: string;
        name: string;
        claims: Array<{ property: string; value: string; asOf: string; source: string; current: boolean }>;
        endpoints: unknown[];
      }>;
      sources: Array<{ key: string }>;
    };
    // "date-time" comes with zod's own pattern beside it, which ajv checks; the format keyword itself
    // is only named here, so no second package (ajv-formats) is needed.
    const validate = new Ajv2020({ allErrors: true, strict: true, formats: { "date-time": true } }).compile(schema);
    expect(validate(snapshot), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(snapshot.$schema).toBe(`${ORIGIN}/schemas/catalogue-v1.schema.json`);

    // A broken snapshot is refused: the validator is real.
    const broken = structuredClone(snapshot);
    (broken.services[0]!.claims[0] as { value: string }).value = "maybe";
    expect(validate(broken)).toBe(false);

    // Every service the API lists, with the same current values and sources.
    const api = await apiItems("");
    const bySlug = new Map(snapshot.services.map((s) => [s.slug, s]));
    expect(snapshot.services.length).toBe(api.length);
    const sourceKeys = new Set(snapshot.sources.map((s) => s.key));
    for (const p of api) {
      const s = bySlug.get(p.slug)!;
      expect(s.name).toBe(p.name);
      for (const [key, claim] of Object.entries(p.support)) {
        const current = s.claims.filter((c) => c.current && c.property === key);
        if (claim.value === "unknown" && claim.asOf === null) expect(current, `${p.slug} ${key}`).toEqual([]);
        else
          expect(
            current.map((c) => [c.value, c.asOf]),
            `${p.slug} ${key}`,
          ).toEqual([[claim.value, claim.asOf]]);
      }
      for (const c of s.claims) expect(sourceKeys.has(c.source), c.source).toBe(true);
    }
  });

  it("answers 304 to its ETag and to its Last-Modified", async () => {
    const first = await routes.snapshot.GET(get("/api/catalogue/v1.json"));
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect((await routes.snapshot.GET(get("/api/catalogue/v1.json", { "if-none-match": etag }))).status).toBe(304);
    expect(
      (await routes.snapshot.GET(get("/api/catalogue/v1.json", { "if-modified-since": lastModified }))).status,
    ).toBe(304);
    expect((await routes.snapshot.GET(get("/api/catalogue/v1.json", { "if-none-match": '"old"' }))).status).toBe(200);
  });
});

describe("/api/catalogue/v1.json after a write", () => {
  it("changes its ETag and Last-Modified when only the claim history changes", async () => {
    const first = await routes.snapshot.GET(get("/api/catalogue/v1.json"));
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    const { readCatalogueVersion } = await import("@/lib/catalogue/state");
    const version = await readCatalogueVersion(db);
    // An old claim no page shows as current: the catalogue's version stays, the snapshot does not.
    const [service, property, source] = await Promise.all([
      db.service.findFirstOrThrow({ orderBy: { slug: "asc" } }),
      db.property.findFirstOrThrow({ where: { key: "apop" } }),
      db.source.findFirstOrThrow({ where: { kind: "page" }, orderBy: { key: "asc" } }),
    ]);
    await db.claim.create({
      data: { serviceId: service.id, propertyId: property.id, sourceId: source.id, value: "no", asOf: "2001" },
    });
    expect(await readCatalogueVersion(db)).toBe(version);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await routes.snapshot.GET(get("/api/catalogue/v1.json", { "if-modified-since": lastModified }));
    expect(second.status).toBe(200);
    expect(second.headers.get("etag")).not.toBe(etag);
    expect(Date.parse(second.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(lastModified));
    const body = (await second.json()) as { services: Array<{ slug: string; claims: Array<{ asOf: string }> }> };
    expect(body.services.find((s) => s.slug === service.slug)?.claims.some((c) => c.asOf === "2001")).toBe(true);
  });
});

describe("/providers/<slug>/config-v1.1.xml", () => {
  it("re-imports through the ISPDB importer with the best-secured sourced endpoints, for every service", async () => {
    const services = await db.service.findMany({
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        domains: { select: { domain: true } },
        endpoints: {
          select: {
            direction: true,
            protocol: true,
            host: true,
            port: true,
            security: true,
            authMethods: true,
            asOf: true,
            source: { select: { key: true } },
          },
        },
      },
    });
    let files = 0;
    for (const s of services) {
      const response = await routes.autoconfig.GET(get(`/providers/${s.slug}/config-v1.1.xml`), {
        params: Promise.resolve({ slug: s.slug }),
      });
      const endpoints = s.endpoints.map((e) => ({
        ...e,
        authMethods: e.authMethods as string[],
        source: e.source.key,
      }));
      const expected = chooseAutoconfigServers(endpoints);
      if (s.domains.length === 0 || expected.length === 0) {
        expect(response.status, s.slug).toBe(404);
        continue;
      }
      files++;
      expect(response.status, s.slug).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
      const parsed = safeParseIspdbXml(await response.text(), `${s.slug}.xml`);
      expect(parsed.ok, parsed.ok ? s.slug : parsed.error.message).toBe(true);
      if (!parsed.ok) continue;
      const record = ispdbToRecord(parsed.provider, `${s.slug}.xml`);
      // a server named per customer domain (mail.%EMAILDOMAIN%) is reported as such, as the ISPDB's own are
      expect(
        record.findings.filter((f) => f.code !== "placeholder-host"),
        s.slug,
      ).toEqual([]);
      expect(
        record.settings.map((x) => [x.protocol, x.host, x.port, x.security]),
        s.slug,
      ).toEqual(expected.map((x) => [x.protocol, x.host, x.port, x.security]));
      // each one is a setting the service's own sources name, and none is plain
      for (const x of record.settings) {
        expect(x.security).not.toBe("none");
        expect(
          s.endpoints.some(
            (e) => e.protocol === x.protocol && e.host === x.host && e.port === x.port && e.security === x.security,
          ),
          `${s.slug} ${x.host}:${x.port}`,
        ).toBe(true);
      }
      expect(new Set(record.domains)).toEqual(new Set(s.domains.map((d) => d.domain.toLowerCase())));
    }
    expect(files).toBeGreaterThan(100);
  });

  it("answers 404 for an unknown or malformed slug, and 304 to its validators", async () => {
    const call = (slug: string, headers: Record<string, string> = {}) =>
      routes.autoconfig.GET(get(`/providers/${slug}/config-v1.1.xml`, headers), { params: Promise.resolve({ slug }) });
    expect((await call("no-such-service")).status).toBe(404);
    expect((await call("..%2Fetc")).status).toBe(404);
    const slug = (
      await db.service.findFirstOrThrow({
        where: { endpoints: { some: { security: "tls" } }, domains: { some: {} } },
        orderBy: { slug: "asc" },
      })
    ).slug;
    const first = await call(slug);
    expect(first.status).toBe(200);
    expect(first.headers.get("link")).toContain('rel="license"');
    expect((await call(slug, { "if-none-match": first.headers.get("etag")! })).status).toBe(304);
    expect((await call(slug, { "if-modified-since": first.headers.get("last-modified")! })).status).toBe(304);
  });
});
