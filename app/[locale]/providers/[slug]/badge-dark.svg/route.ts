import { badgeResponse } from "@/lib/badge/response";

// The service's badge for dark backgrounds: the same facts as badge.svg, lighter fills.
export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  return badgeResponse(request, params, "dark");
}
