import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { z } from "zod";
import { serviceName } from "@/components/catalogue/catalogue-table";
import { CompareSearch } from "@/components/compare/compare-search";
import { CompareTable } from "@/components/compare/compare-table";
import { compareQuery, MAX_COMPARE, MIN_COMPARE, parseCompareParams } from "@/lib/catalogue/compare-params";
import { DEFAULT_FILTERS, MAX_QUERY_LENGTH, type RawSearchParams } from "@/lib/catalogue/filters";
import { format } from "@/lib/i18n/format";
import { formatList } from "@/lib/i18n/labels";
import { compareMessages } from "@/lib/i18n/messages/compare";
import { localePath } from "@/lib/i18n/locales";
import { getServiceProperties } from "@/lib/queries/properties";
import { getServices, getServicesBySlugs } from "@/lib/queries/catalogue";
import { pageMetadata } from "@/lib/seo/metadata";
import { getLocale } from "@/lib/i18n/page-locale";
import "../../compare.css";

// Read from the database on every request: imports and probes change it while the site runs.
export const dynamic = "force-dynamic";

// A search lists this many services; more means the name typed is too short to be useful.
const SEARCH_RESULTS = 10;

type ComparePageProps = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

const querySchema = z
  .preprocess((v) => (Array.isArray(v) ? (v as unknown[])[0] : v), z.string().trim().max(MAX_QUERY_LENGTH))
  .catch("");

// Metadata and the page both need the chosen services; one query per request.
const loadServices = cache((key: string) => getServicesBySlugs(key ? key.split(",") : []));

export async function generateMetadata({ params, searchParams }: ComparePageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = compareMessages[locale];
  const { slugs } = parseCompareParams(await searchParams);
  const services = await loadServices(slugs.join(","));
  const names = services.map((s) => serviceName(s, locale));
  return {
    ...pageMetadata({
      locale,
      path: "/compare",
      title: names.length > 0 ? format(t.titleWith, { names: formatList(locale, names) }) : t.title,
      description: t.description,
    }),
    robots: { index: false },
  };
}

export default async function ComparePage({ params, searchParams }: ComparePageProps) {
  const locale = await getLocale(params);
  const t = compareMessages[locale];
  const raw = await searchParams;
  const { slugs, truncated } = parseCompareParams(raw);
  const query = querySchema.parse(raw.q);
  const [services, properties, search] = await Promise.all([
    loadServices(slugs.join(",")),
    getServiceProperties(),
    query ? getServices({ ...DEFAULT_FILTERS, q: query, sort: "name" }) : Promise.resolve({ items: [], total: 0 }),
  ]);
  const chosen = services.map((s) => s.slug);
  const count = chosen.length;
  const state =
    count === 0
      ? t.stateNone
      : count < MIN_COMPARE
        ? t.stateOne
        : count < MAX_COMPARE
          ? format(t.stateSome, { count: MAX_COMPARE - count })
          : t.stateFull;

  const searchBox = (
    <CompareSearch
      locale={locale}
      selected={chosen}
      query={query}
      results={search.items.slice(0, SEARCH_RESULTS)}
      total={search.total}
    />
  );

  return (
    <div className="page compare">
      <h1>{t.title}</h1>
      <p className="lead">{t.description}</p>
      {truncated ? <p className="notice">{t.truncated}</p> : null}
      {chosen.length < slugs.length ? <p className="notice">{t.missing}</p> : null}
      <div className="compare-status" data-count={count}>
        <p className="compare-status__count">{format(t.counter, { count, max: MAX_COMPARE })}</p>
        <p className={count < MIN_COMPARE || count >= MAX_COMPARE ? "notice" : "hint"} data-state>
          {state}
        </p>
        <p>
          <Link prefetch={false} href={localePath(locale, `/providers${compareQuery(chosen)}`)}>
            {t.fromCatalogue}
          </Link>
        </p>
      </div>
      {/* Until there is something to compare, adding is the task: the search comes first. */}
      {count < MIN_COMPARE ? searchBox : null}
      {services.length > 0 ? (
        <CompareTable locale={locale} services={services} properties={properties} query={query} />
      ) : null}
      {count >= MIN_COMPARE && count < MAX_COMPARE ? searchBox : null}
      <p className="hint">{t.sourceNote}</p>
    </div>
  );
}
