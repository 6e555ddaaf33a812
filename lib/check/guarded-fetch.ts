import { ProbeRefusedError, resolveProbeAddresses } from "@/lib/probe/address-guard";

const MAX_REDIRECTS = 3;

function refusal(error: ProbeRefusedError): Error {
  // The autoconfig lookup reads ENOTFOUND as "this domain has no such host", which is what an
  // unresolvable name is; anything else it records as an error with this message.
  return Object.assign(new Error(error.message), {
    code: error.category === "unresolvable" ? "ENOTFOUND" : "EADDRREFUSED",
  });
}

// The autoconfig lookup fetches from hosts a visitor's domain names, so its fetches go through
// the probe's address guard, redirects included (each hop is checked before it is followed).
// fetch resolves the name again when it connects; that window is small, and the worst it opens
// is a GET of a fixed autoconfig path.
export function guardedFetch({
  allowLoopback,
  fetchImpl = globalThis.fetch,
}: {
  allowLoopback: boolean;
  fetchImpl?: typeof fetch;
}): typeof fetch {
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new Error(`refused to fetch ${url.protocol} URL`);
      try {
        await resolveProbeAddresses(url.hostname, { allowLoopback });
      } catch (error) {
        throw error instanceof ProbeRefusedError ? refusal(error) : error;
      }
      const response = await fetchImpl(url, { ...init, redirect: "manual" });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      url = new URL(location, url);
    }
  };
}
