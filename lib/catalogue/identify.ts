import { compilePattern } from "@/lib/sources/read-result";

// Which catalogued provider handles a domain's mail, read from its MX hosts: the datasets' MX
// patterns (FairEmail `mx`, MailCore2 `mx-match`, regular expressions) and the server host names
// the sources document ("sv*.xserver.jp", where * is a number or a customer's part). A rental
// server customer's own domain says nothing about the provider; its MX hosts do.

export type IdentifiableService = {
  slug: string;
  name: string;
  nameEn: string | null;
  mxPatterns: string[];
  hostPatterns: string[];
};

export type Identified = { slug: string; name: string; nameEn: string | null; mxHost: string };

// A host name is at most 253 characters; longer input cannot be one and is not matched.
const MAX_HOST = 253;

function globToRegExp(glob: string): RegExp | null {
  if (glob.includes("%")) return null;
  const source = glob
    .toLowerCase()
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[a-z0-9-]+");
  return new RegExp(`^${source}$`);
}

export function identifyByMx(mxHosts: readonly string[], services: readonly IdentifiableService[]): Identified[] {
  const hosts = mxHosts
    .map((h) => h.toLowerCase().replace(/\.$/, ""))
    .filter((h) => h.length > 0 && h.length <= MAX_HOST);
  const found: Identified[] = [];
  for (const s of services) {
    const patterns = [
      ...s.mxPatterns.map(compilePattern),
      // documented server names count only with a wildcard: a bare "imap.gmail.com" is no MX
      ...s.hostPatterns.filter((h) => h.includes("*")).map(globToRegExp),
    ].filter((p): p is RegExp => p !== null);
    const mxHost = hosts.find((h) => patterns.some((p) => p.test(h)));
    if (mxHost) found.push({ slug: s.slug, name: s.name, nameEn: s.nameEn, mxHost });
  }
  return found;
}
