import { BlockList, isIP } from "node:net";
import { z } from "zod";

// The custom server (server.ts) works out who the client is from the socket and the trusted
// proxies' X-Forwarded-For, and hands the answer to the app in this header, which it sets on every
// request, overwriting whatever the client sent. The app reads the client from here only.
export const CLIENT_ADDRESS_HEADER = "x-msc-client-address";

// Set by server.ts in its own process, which is also where Next renders: without it (next dev, a
// bare next start) the header above could come from the client, so it is not believed.
const SERVER_MARK = Symbol.for("msc.client-address-from-server");

export function markClientAddressTrusted(): void {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
}

// The client as server.ts determined it; "direct" when the app runs without server.ts (every
// client then shares one allowance, which is what a development server needs and no more).
export function readClientAddress(headers: { get(name: string): string | null }): string {
  if ((globalThis as Record<symbol, unknown>)[SERVER_MARK] !== true) return "direct";
  return headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || "unknown";
}

// "::ffff:203.0.113.7" (an IPv4 peer on a dual-stack socket) is that IPv4 address.
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

const proxyEntrySchema = z.string().transform((entry, ctx) => {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
  const max = family === 4 ? 32 : 128;
  if (family === 0 || rest.length > 0 || !/^\d{1,3}$/.test(String(bits)) || bits > max) {
    ctx.addIssue({
      code: "custom",
      message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1, 203.0.113.7)`,
    });
    return z.NEVER;
  }
  return { address: normalizeAddress(address), bits, type: family === 4 ? ("ipv4" as const) : ("ipv6" as const) };
});

// TRUSTED_PROXIES: comma- or space-separated addresses and CIDR ranges of the reverse proxies in
// front of this server. Empty (the default): no proxy, the socket's peer is the client.
export const trustedProxiesSchema = z
  .string()
  .default("")
  .transform((value) => value.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(proxyEntrySchema).max(256));

export type TrustedProxies = { contains: (address: string) => boolean; size: number };

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const parsed = trustedProxiesSchema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid TRUSTED_PROXIES: ${z.prettifyError(parsed.error)}`);
  const list = new BlockList();
  for (const { address, bits, type } of parsed.data) list.addSubnet(address, bits, type);
  return {
    size: parsed.data.length,
    contains(address) {
      const normalized = normalizeAddress(address);
      const family = isIP(normalized);
      return family !== 0 && list.check(normalized, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

// The client is the right-most address not one of our proxies: walking X-Forwarded-For from the
// right, past the peer and each trusted hop, every address to the left of the first untrusted one
// was written by that untrusted party and proves nothing. An entry that is not an address stops
// the walk at the hop that sent it.
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normalizeAddress(peer ?? "unknown");
  if (!trusted.contains(client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!.replace(/^\[(.*)\](?::\d+)?$/, "$1"));
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted.contains(hop)) return client;
  }
  return client;
}

// What a per-client limit counts: an IPv4 address, or an IPv6 client's /64 (one subscriber's
// network, whose addresses they can change at will).
export function clientLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
