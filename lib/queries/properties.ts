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

// Cached per request: the layout, the filter form and the table all need the same list.
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
