import "server-only";
import { getDb } from "@/lib/db";

// Every service has a page, whichever way it entered the catalogue (reviewed data or import).
export async function getServiceSlugs(): Promise<string[]> {
  const rows = await getDb().service.findMany({ orderBy: { slug: "asc" }, select: { slug: true } });
  return rows.map((r) => r.slug);
}
