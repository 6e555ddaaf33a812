import { badgeResponse } from "@/lib/badge/response";

// The service's badge for light backgrounds (lib/badge/badge.ts). Per request: it reads the
// service's claims and today's date (stale evidence turns it grey).
export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  return badgeResponse(request, params, "light");
}
