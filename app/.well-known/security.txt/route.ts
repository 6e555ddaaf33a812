import { getEnv } from "@/lib/env";
import { getCorrectionsContact, publicSiteUrl, securityTxt } from "@/lib/corrections";

// Built per request: the contact and origin come from the running server's environment, not the
// build's, and Expires moves with the date.
export const dynamic = "force-dynamic";

// RFC 9116. Without a configured contact there is nobody to name, and a file without Contact
// would be invalid: answer 404 instead.
export function GET(): Response {
  const contact = getCorrectionsContact();
  if (!contact)
    return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(securityTxt(contact, new Date(), publicSiteUrl(getEnv().SITE_URL)), {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
