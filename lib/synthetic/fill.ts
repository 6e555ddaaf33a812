import { readFile } from "node:fs/promises";
import path from "node:path";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  KindBasis,
  Segment,
  ServiceKind,
  ServiceOrigin,
  ServiceStatus,
  SourceKind,
  SupportValue,
} from "@/lib/generated/prisma/enums";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { providerOf } from "@/lib/db";
import { buildSearchText } from "@/lib/catalogue/search-text";
import { propertyFileSchema } from "@/lib/schemas/data";
import { DATA_FILES } from "@/lib/seed/load-data";
import { upsertProperties } from "@/lib/seed/write-data";

// Synthetic services for measuring the catalogue at scale (npm run db:fill-synthetic, npm run
// bench, npm run bench:http). Every row is a pure function of the service's index, so the same
// count always gives the same catalogue; the slug prefix is how a later fill finds and replaces
// the rows of an earlier one without touching the reviewed data beside them.
export const SYNTHETIC_PREFIX = "synthetic-";
const SOURCE_KEY = "synthetic";
const COMPANY_SLUG = "synthetic";

export type SyntheticFillSummary = {
  services: number;
  claims: number;
  currentClaims: number;
  formerNames: number;
  domains: number;
  properties: number;
  replaced: number;
};

export class MissingTablesError extends Error {
  constructor() {
    super("The database has no catalogue tables yet: run `npm run db:migrate` first (same DATABASE_URL).");
    this.name = "MissingTablesError";
  }
}

// Name parts: a Japanese brand with its reading and an English spelling, and what kind of offer
// the suffix suggests, so the catalogue's kind badges and sort by reading look like the real one.
const BRANDS = [
  ["さくら", "さくら", "Sakura"],
  ["みなと", "みなと", "Minato"],
  ["ひかり", "ひかり", "Hikari"],
  ["青葉", "あおば", "Aoba"],
  ["つばさ", "つばさ", "Tsubasa"],
  ["大和", "やまと", "Yamato"],
  ["こだま", "こだま", "Kodama"],
  ["疾風", "はやて", "Hayate"],
  ["北斗", "ほくと", "Hokuto"],
  ["若葉", "わかば", "Wakaba"],
  ["瑞穂", "みずほ", "Mizuho"],
  ["あさひ", "あさひ", "Asahi"],
] as const;
const OFFERS = [
  ["メール", "めーる", "Mail", ServiceKind.mailbox],
  ["ネット", "ねっと", "Net", ServiceKind.isp],
  ["インターネット", "いんたーねっと", "Internet", ServiceKind.isp],
  ["ワークスペース", "わーくすぺーす", "Workspace", ServiceKind.suite],
  ["レンタルサーバー", "れんたるさーばー", "Hosting", ServiceKind.hosting],
  ["セキュアメール", "せきゅあめーる", "Secure Mail", ServiceKind.privacy],
  ["大学メール", "だいがくめーる", "University Mail", ServiceKind.university],
  ["サービス", "さーびす", "Service", ServiceKind.other],
] as const;
const CLAIM_DATES = ["2026-11", "2026-03-14", "2025-08", "2024-01-20", "2019-06"] as const;
const { yes, no, partial, unknown } = SupportValue;
// Two yes in five, as the first benchmark had it: two "has" filters keep about 16 % of services.
const VALUES = [yes, yes, no, partial, unknown] as const;

// A stable hash of (index, salt), so choices do not line up with each other across columns.
function pick<T>(list: readonly T[], i: number, salt: number): T {
  const h = (Math.imul(i + 1, 2654435761) ^ Math.imul(salt + 1, 40503)) >>> 0;
  return list[h % list.length]!;
}

type Row = Array<string | number | null>;

// Multi-row INSERTs, a few hundred rows per statement: through the driver adapter this is
// seconds for 10,000 services where one statement per row (or createMany's objects) is far slower.
// Prisma.sql writes each database's placeholders (? or $n); names are ours, never input.
async function insertRows(tx: Tx, table: string, columns: string[], rows: Row[]): Promise<void> {
  const perStatement = Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += perStatement) {
    const tuples = rows.slice(i, i + perStatement).map((row) => Prisma.sql`(${Prisma.join(row)})`);
    await tx.$executeRaw(Prisma.sql`${head}${Prisma.join(tuples)}`);
  }
}

type Tx = Prisma.TransactionClient;

export async function loadProperties(dataDir: string) {
  return propertyFileSchema.parse(JSON.parse(await readFile(path.join(dataDir, DATA_FILES.properties), "utf8")));
}

const CATALOGUE_TABLES = ["Service", "Claim", "Property", "Source", "Company"];

async function hasCatalogueTables(db: PrismaClient): Promise<boolean> {
  const rows =
    providerOf(db) === "postgresql"
      ? await db.$queryRaw<Array<{ name: string }>>`
          SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_name IN (${Prisma.join(CATALOGUE_TABLES)})`
      : await db.$queryRaw<Array<{ name: string }>>`
          SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${Prisma.join(CATALOGUE_TABLES)})`;
  return rows.length === CATALOGUE_TABLES.length;
}

// Replaces the synthetic services with `services` new ones in one transaction, beside whatever
// else the database holds; creates the properties (from data/properties.json), the source and
// the company they need when the database is empty.
export async function fillSynthetic(
  db: PrismaClient,
  { services, dataDir = "data" }: { services: number; dataDir?: string },
): Promise<SyntheticFillSummary> {
  if (!(await hasCatalogueTables(db))) throw new MissingTablesError();
  const properties = await loadProperties(path.resolve(dataDir));
  return db.$transaction(
    async (tx) => {
      const like = `${SYNTHETIC_PREFIX}%`;
      const ofSynthetic = Prisma.sql`"serviceId" IN (SELECT id FROM "Service" WHERE slug LIKE ${like})`;
      for (const table of ["Claim", "FormerName", "ServiceDomain", "Endpoint"]) {
        await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE ${ofSynthetic}`;
      }
      const replaced = await tx.$executeRaw`DELETE FROM "Service" WHERE slug LIKE ${like}`;

      const propertyIds = await upsertProperties(tx, properties);
      const serviceProperties = properties.filter((p) => p.appliesTo !== "client").map((p) => propertyIds.get(p.key)!);
      const sourceFields = {
        kind: SourceKind.documentation,
        title: "合成データ（性能測定用）",
        titleEn: "Synthetic data (for benchmarks)",
        asOf: "2026-11-27",
        note: "npm run db:fill-synthetic",
      };
      const source = await tx.source.upsert({
        where: { key: SOURCE_KEY },
        create: { key: SOURCE_KEY, ...sourceFields },
        update: sourceFields,
      });
      const companyFields = { name: "合成データ株式会社", nameEn: "Synthetic Data Co." };
      const company = await tx.company.upsert({
        where: { slug: COMPANY_SLUG },
        create: { slug: COMPANY_SLUG, ...companyFields },
        update: companyFields,
      });

      const serviceRows: Row[] = [];
      const formerNameRows: Array<[slug: string, name: string, until: string]> = [];
      for (let i = 0; i < services; i++) {
        const n = i + 1;
        const [brand, brandKana, brandEn] = pick(BRANDS, i, 1);
        const [offer, offerKana, offerEn, kind] = pick(OFFERS, i, 2);
        const englishOnly = i % 7 === 3;
        const name = englishOnly ? `${brandEn} ${offerEn} ${n}` : `${brand}${offer} ${n}`;
        const nameEn = englishOnly ? null : i % 3 === 2 ? null : `${brandEn} ${offerEn} ${n}`;
        const renamed = i % 23 === 5;
        const former = renamed || i % 11 === 4 ? `${brand}オンライン ${n}` : null;
        if (former)
          formerNameRows.push([`${SYNTHETIC_PREFIX}${n}`, former, pick(["2012", "2018-04", "2021-10-01"], i, 3)]);
        const domain = `${SYNTHETIC_PREFIX}${n}.example.jp`;
        serviceRows.push([
          `${SYNTHETIC_PREFIX}${n}`,
          company.id,
          name,
          nameEn,
          i % 13 === 0 ? "ビジネスプラン" : null,
          pick([Segment.personal, Segment.personal, Segment.business, null], i, 4),
          `https://${domain}/`,
          i % 50 === 7 ? ServiceStatus.discontinued : renamed ? ServiceStatus.renamed : ServiceStatus.active,
          i % 50 === 7 || renamed ? "2024-04" : null,
          i % 997 === 0 ? 1 : 0,
          ServiceOrigin.data,
          kind,
          i % 5 === 0 ? KindBasis.rule : KindBasis.documentation,
          englishOnly ? null : `${brandKana}${offerKana}`,
          buildSearchText([name, nameEn, englishOnly ? null : `${brandKana}${offerKana}`, former, domain]),
        ]);
      }
      await insertRows(
        tx,
        "Service",
        [
          "slug",
          "companyId",
          "name",
          "nameEn",
          "plan",
          "segment",
          "homepage",
          "status",
          "statusAsOf",
          "editorsPick",
          "origin",
          "kind",
          "kindBasis",
          "kana",
          "searchText",
        ],
        serviceRows,
      );
      const ids = new Map(
        (
          await tx.$queryRaw<
            Array<{ id: number; slug: string }>
          >`SELECT id, slug FROM "Service" WHERE slug LIKE ${like}`
        ).map((r) => [r.slug, Number(r.id)]),
      );
      const idOf = (i: number) => ids.get(`${SYNTHETIC_PREFIX}${i + 1}`)!;

      const claimRows: Row[] = [];
      for (let i = 0; i < services; i++) {
        serviceProperties.forEach((propertyId, p) => {
          // the spread of the first benchmark, so its filters keep selecting the same fractions
          const spread = ((Math.imul(i + 1, 2654435761) ^ Math.imul(p + 1, 40503)) >>> 0) % VALUES.length;
          const asOf = pick(CLAIM_DATES, i + p, 5);
          claimRows.push([idOf(i), propertyId, source.id, VALUES[spread]!, asOf, i % 4 === 0 ? asOf : null]);
          // an older claim the newer one supersedes, as the 2006 page is for the real catalogue
          if ((i + p) % 5 === 0) claimRows.push([idOf(i), propertyId, source.id, yes, "2006", null]);
        });
      }
      await insertRows(tx, "Claim", ["serviceId", "propertyId", "sourceId", "value", "asOf", "verifiedOn"], claimRows);
      await insertRows(
        tx,
        "FormerName",
        ["serviceId", "name", "until"],
        formerNameRows.map(([slug, name, until]) => [ids.get(slug)!, name, until]),
      );
      const domainRows: Row[] = [...ids.entries()].map(([slug, id]) => [id, `${slug}.example.jp`]);
      await insertRows(tx, "ServiceDomain", ["serviceId", "domain"], domainRows);

      await refreshCurrentClaims(tx);
      const [current] = await tx.$queryRaw<Array<{ n: number | bigint }>>`
        SELECT COUNT(*) AS n FROM "Claim" WHERE "isCurrent" = TRUE AND ${ofSynthetic}`;
      return {
        services,
        claims: claimRows.length,
        currentClaims: Number(current?.n ?? 0),
        formerNames: formerNameRows.length,
        domains: domainRows.length,
        properties: properties.length,
        replaced,
      };
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
}
