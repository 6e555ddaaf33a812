import { lookup as dnsLookup } from "node:dns/promises";
import net from "node:net";
import type { LookupAll } from "./types";

// The probe is reachable from a public form, so it must not become a way to knock on hosts
// inside our own network. The name is resolved once, every address is classified, and the
// connection goes to the checked address (never the name again), so a DNS answer that changes
// between check and connect (rebinding) cannot steer the probe inward.

export type AddressCategory =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "multicast"
  | "broadcast"
  | "unspecified"
  | "documentation"
  | "reserved";

type Range = { base: bigint; bits: number; size: 32 | 128; category: AddressCategory | "embedded-v4" };

function ipv4ToBigInt(address: string): bigint {
  return address.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  let text = address;
  // An embedded dotted quad ("::ffff:192.0.2.1") becomes two hex groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = ipv4ToBigInt(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function v4(cidr: string, category: AddressCategory): Range {
  const [base = "", bits = "32"] = cidr.split("/");
  return { base: ipv4ToBigInt(base), bits: Number(bits), size: 32, category };
}

function v6(cidr: string, category: Range["category"]): Range {
  const [base = "", bits = "128"] = cidr.split("/");
  return { base: ipv6ToBigInt(base), bits: Number(bits), size: 128, category };
}

// IANA special-purpose registries (RFC 6890 and successors). Longer prefixes first where ranges
// nest, since the first match wins.
const IPV4_RANGES: Range[] = [
  v4("255.255.255.255/32", "broadcast"),
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "cgnat"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.88.99.0/24", "reserved"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"),
];

const IPV6_RANGES: Range[] = [
  v6("::/128", "unspecified"),
  v6("::1/128", "loopback"),
  // IPv4-mapped, IPv4-translated and NAT64 forms reach an IPv4 host: judge that host.
  v6("::ffff:0:0/96", "embedded-v4"),
  v6("::ffff:0:0:0/96", "embedded-v4"),
  v6("64:ff9b::/96", "embedded-v4"),
  v6("64:ff9b:1::/48", "private"),
  // deprecated IPv4-compatible addresses
  v6("::/96", "reserved"),
  v6("100::/64", "reserved"),
  v6("2001:db8::/32", "documentation"),
  v6("3fff::/20", "documentation"),
  v6("2001::/23", "reserved"),
  v6("2002::/16", "embedded-v4"),
  v6("fc00::/7", "private"),
  v6("fe80::/10", "link-local"),
  // site-local, deprecated but still routed inside some networks
  v6("fec0::/10", "private"),
  v6("ff00::/8", "multicast"),
];

function inRange(value: bigint, range: Range): boolean {
  const shift = BigInt(range.size - range.bits);
  return value >> shift === range.base >> shift;
}

function bigIntToIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join(".");
}

// Classifies an IP literal; anything that is not one is "reserved" (refused).
export function classifyAddress(address: string): AddressCategory {
  const plain = address.replace(/%.*$/, "");
  if (net.isIPv4(plain)) {
    const value = ipv4ToBigInt(plain);
    return (IPV4_RANGES.find((r) => inRange(value, r))?.category as AddressCategory | undefined) ?? "public";
  }
  if (net.isIPv6(plain)) {
    const value = ipv6ToBigInt(plain);
    const range = IPV6_RANGES.find((r) => inRange(value, r));
    if (!range) return "public";
    if (range.category !== "embedded-v4") return range.category;
    // 6to4 (2002:AABB:CCDD::) carries the IPv4 address in bits 16-48, the others in the last 32.
    const embedded = range.bits === 16 ? (value >> 80n) & 0xffffffffn : value & 0xffffffffn;
    return classifyAddress(bigIntToIpv4(embedded));
  }
  return "reserved";
}

export class ProbeRefusedError extends Error {
  constructor(
    readonly host: string,
    readonly address: string | null,
    readonly category: AddressCategory | "unresolvable",
  ) {
    super(
      !address
        ? `refused to probe ${host}: the name does not resolve`
        : address === host.replace(/^\[(.*)\]$/, "$1")
          ? `refused to probe ${host}: it is a ${category} address`
          : `refused to probe ${host}: it resolves to ${address}, a ${category} address`,
    );
    this.name = "ProbeRefusedError";
  }
}

export function isAllowedCategory(category: AddressCategory, allowLoopback: boolean): boolean {
  return category === "public" || (allowLoopback && category === "loopback");
}

const defaultLookup: LookupAll = (host) => dnsLookup(host, { all: true, verbatim: true });

// Resolves the host and returns the addresses to connect to, IPv4 first. If any answer is
// refused the whole name is: a name that also points inward is not one to follow.
export async function resolveProbeAddresses(
  host: string,
  { allowLoopback = false, lookup = defaultLookup }: { allowLoopback?: boolean; lookup?: LookupAll } = {},
): Promise<string[]> {
  const literal = host.replace(/^\[(.*)\]$/, "$1");
  let answers: Array<{ address: string; family: number }>;
  if (net.isIP(literal)) {
    answers = [{ address: literal, family: net.isIPv6(literal) ? 6 : 4 }];
  } else {
    try {
      answers = await lookup(literal);
    } catch {
      throw new ProbeRefusedError(host, null, "unresolvable");
    }
  }
  if (answers.length === 0) throw new ProbeRefusedError(host, null, "unresolvable");
  for (const { address } of answers) {
    const category = classifyAddress(address);
    if (!isAllowedCategory(category, allowLoopback)) throw new ProbeRefusedError(host, address, category);
  }
  return [...answers].sort((a, b) => a.family - b.family).map((a) => a.address);
}
