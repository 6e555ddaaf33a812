import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const propertySelect = {
  id: true,
  key: true,
  category: true,
  appliesTo: true,
  labelJa: true,
  labelEn: true,
  shortJa: true,
  shortEn: true,
  articleSlug: true,
} satisfies Prisma.PropertySelect;
export type PropertyInfo = Prisma.PropertyGetPayload<{ select: typeof propertySelect }>;

// Cached per request: the layout, the filter form and the table all need the same list.
export const getProperties = cache(async (): Promise<PropertyInfo[]> => {
  return getDb().property.findMany({ orderBy: { position: "asc" }, select: propertySelect });
});

export async function getServicePropertyKeys(): Promise<string[]> {
  const properties = await getProperties();
  return properties.filter((p) => p.appliesTo !== "client").map((p) => p.key);
}
