import { describe, expect, it } from "vitest";
import { lookupAutoconfig } from "@/lib/autoconfig/lookup";
import { identifyByMx, type IdentifiableService } from "@/lib/catalogue/identify";
import { runMailCheck } from "@/lib/check/run-check";

const CATALOGUE: IdentifiableService[] = [
  { slug: "xserver", name: "エックスサーバー", nameEn: "Xserver", mxPatterns: [], hostPatterns: ["sv*.xserver.jp"] },
];

// A customer's own domain on a rental server: no autoconfig anywhere, an MX pointing at the
// provider's server. The MX answer comes from a resolver of the test's own (the lookup's seam).
function lookupWithMx(mx: string) {
  return (domain: string) =>
    lookupAutoconfig(domain, {
      fetch: () => Promise.resolve(new Response("not here", { status: 404 })),
      resolveMx: () => Promise.resolve([{ exchange: mx, priority: 10 }]),
      urlsFor: (d) => ({
        autoconfig: `http://127.0.0.1:9/autoconfig/${d}`,
        wellKnown: `http://127.0.0.1:9/well-known/${d}`,
        ispdb: `http://127.0.0.1:9/ispdb/${d}`,
      }),
    });
}

describe("the check names the provider of a rental-server customer's domain", () => {
  it("from the MX hosts the lookup resolved", async () => {
    const report = await runMailCheck("taro-shoten.jp", {
      lookup: lookupWithMx("sv10234.xserver.jp"),
      // nothing to probe: the guessed servers are unreachable names, so keep the run instant
      probe: { timeoutMs: 200, allowLoopback: false, lookup: () => Promise.reject(new Error("offline")) },
      identify: (_domain, mxHosts) => Promise.resolve(identifyByMx(mxHosts, CATALOGUE)),
    });
    expect(report.providers).toEqual([
      { slug: "xserver", name: "エックスサーバー", nameEn: "Xserver", mxHost: "sv10234.xserver.jp" },
    ]);
  });

  it("says nothing, rather than failing the check, when naming the provider fails", async () => {
    const report = await runMailCheck("taro-shoten.jp", {
      lookup: lookupWithMx("mx.unknown-host.example"),
      probe: { timeoutMs: 200, allowLoopback: false, lookup: () => Promise.reject(new Error("offline")) },
      identify: () => Promise.reject(new Error("DNS down")),
    });
    expect(report.providers).toEqual([]);
  });
});
