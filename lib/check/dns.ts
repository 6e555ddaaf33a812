import { Resolver } from "node:dns/promises";
import { mxHostsByPreference } from "@/lib/autoconfig/rules";

// The check's own DNS questions about the domain: does the name exist, what are its MX hosts, and
// does our resolver work at all (a control lookup of a name that always exists). Telling those
// apart is what lets the page say "no such domain" for a typo and "our network failed" for an
// outage, instead of one grey failure for both.

export type DomainDns =
  // the name exists; hosts is empty when it publishes no MX records
  | { kind: "exists"; mxHosts: string[] }
  // NXDOMAIN: the name itself does not exist
  | { kind: "nxdomain" }
  // no usable answer: a timeout, SERVFAIL, a refused query, a resolver we cannot reach
  | { kind: "failed"; code: string };

export type DnsCheck = { domain: DomainDns; controlOk: boolean };

export type CheckDns = {
  // asks about the domain and, at the same time, about the control name
  inspect: (domain: string) => Promise<DnsCheck>;
};

export type DnsServer = { host: string; port: number };

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "error";
}

// c-ares (behind node:dns) reports NXDOMAIN as ENOTFOUND and an empty answer (NODATA) as ENODATA.
export function readMxAnswer(
  answer:
    | { ok: true; records: Array<{ exchange: string; priority: number }> }
    | {
        ok: false;
        code: string;
      },
): DomainDns {
  if (answer.ok) return { kind: "exists", mxHosts: mxHostsByPreference(answer.records) };
  if (answer.code === "ENODATA") return { kind: "exists", mxHosts: [] };
  if (answer.code === "ENOTFOUND") return { kind: "nxdomain" };
  return { kind: "failed", code: answer.code };
}

function serverAddress({ host, port }: DnsServer): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

export function createCheckDns({
  server,
  timeoutMs,
  controlName,
}: {
  // undefined: the system's resolvers
  server?: DnsServer;
  timeoutMs: number;
  controlName: string;
}): CheckDns {
  const resolver = () => {
    // tries: 2 so one lost UDP packet is not taken for an outage
    const r = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 2 });
    if (server) r.setServers([serverAddress(server)]);
    return r;
  };
  return {
    async inspect(domain) {
      const [mx, control] = await Promise.all([
        resolver()
          .resolveMx(domain)
          .then(
            (records) => ({ ok: true as const, records }),
            (error: unknown) => ({ ok: false as const, code: errorCode(error) }),
          ),
        resolver()
          .resolve4(controlName)
          .then(
            (addresses) => addresses.length > 0,
            () => false,
          ),
      ]);
      return { domain: readMxAnswer(mx), controlOk: control };
    },
  };
}
