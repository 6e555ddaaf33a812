import dns2 from "dns2";

// A real DNS server on loopback (UDP) for the check's tests: names in the zone answer with their
// records (an empty answer, NODATA, for a type they lack), every other name is NXDOMAIN, and a
// name marked servfail fails as a broken authoritative server would.

export type ZoneEntry = {
  a?: string[];
  mx?: Array<{ exchange: string; priority: number }>;
  servfail?: boolean;
};
export type Zone = Record<string, ZoneEntry>;

export type TestDnsServer = { port: number; address: string; close: () => Promise<void> };

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

export async function startDnsServer(zone: Zone, port = 0): Promise<TestDnsServer> {
  const { Packet } = dns2;
  const server = dns2.createUDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const question = request.questions[0];
    const name = question?.name.toLowerCase().replace(/\.$/, "") ?? "";
    // Read on every query, so a test may add names to the zone after the server started.
    const entry = zone[name];
    response.header.ra = 1;
    if (!question || !entry) {
      response.header.rcode = RCODE.NXDOMAIN;
    } else if (entry.servfail) {
      response.header.rcode = RCODE.SERVFAIL;
    } else {
      const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
      if (question.type === Packet.TYPE.A)
        for (const address of entry.a ?? []) response.answers.push({ ...base, type: Packet.TYPE.A, address });
      if (question.type === Packet.TYPE.MX)
        for (const mx of entry.mx ?? []) response.answers.push({ ...base, type: Packet.TYPE.MX, ...mx });
    }
    void send(response);
  });
  await server.listen(port, "127.0.0.1");
  const bound = server.address().port;
  return {
    port: bound,
    address: `127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
