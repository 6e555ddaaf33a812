import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";

export type PropertyInfo = {
  id: number;
  key: string;
  category: string;
  appliesTo: string;
  labelJa: string;
  labelEn: string;
  shortJa: string;
  shortEn: string;
  articleSlug: string | null;
};

// Cached per request: a page reads the list and so does the query it runs (getProviders), and
// both API routes read it through getServicePropertyKeys.
export const getProperties = cache(async (): Promise<PropertyInfo[]> => {
  return getDb().property.findMany({
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      category: true,
      appliesTo: true,
      labelJa: true,
      labelEn: true,
      shortJa: true,
      shortEn: true,
      articleSlug: true,
    },
  });
});

export async function getServicePropertyKeys(): Promise<string[]> {
  const properties = await getProperties();
  return properties.filter((p) => p.appliesTo !== "client").map((p) => p.key);
}
