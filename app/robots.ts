import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/seo/metadata";

// SITE_URL is read at request time, so one build serves any host it is deployed on. Without it
// there is no Sitemap line: robots.txt must name the sitemap by an absolute URL, and we never
// guess one (see siteUrl).
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const origin = siteUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: "/api/" },
    ...(origin === undefined ? {} : { sitemap: `${origin}/sitemap.xml` }),
  };
}
