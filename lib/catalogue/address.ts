import { getDomain } from "tldts";

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

// A search for "taro@nifty.com" or "nifty.com" (or "mail.nifty.com") means "who serves this
// domain?". Returns the domains to look up, most specific first, or [] for ordinary text.
export function domainsForQuery(q: string): string[] {
  const text = q.trim().toLowerCase().normalize("NFKC");
  const at = text.lastIndexOf("@");
  const candidate = (at >= 0 ? text.slice(at + 1) : text).replace(/\.$/, "");
  if (!DOMAIN.test(candidate)) return [];
  const registrable = getDomain(candidate);
  return registrable && registrable !== candidate ? [candidate, registrable] : [candidate];
}
