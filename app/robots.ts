import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/seo/metadata";

// SITE_URL is read at request time, so one build serves any host it is deployed on.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: "/api/" },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
