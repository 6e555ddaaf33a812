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

// Cached per request: a page and its metadata may both read the list, and both API routes read
// it through getServicePropertyKeys.
export const getProperties = cache(async (): Promise<PropertyInfo[]> => {
  return getDb().property.findMany({ orderBy: { position: "asc" }, select: propertySelect });
});

// The properties a service's or a client's claims can be about, filtered from the cached list.
export async function getServiceProperties(): Promise<PropertyInfo[]> {
  const properties = await getProperties();
  return properties.filter((p) => p.appliesTo !== "client");
}

export async function getClientProperties(): Promise<PropertyInfo[]> {
  const properties = await getProperties();
  return properties.filter((p) => p.appliesTo !== "service");
}

export async function getServicePropertyKeys(): Promise<string[]> {
  const properties = await getServiceProperties();
  return properties.map((p) => p.key);
}
