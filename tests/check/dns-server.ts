import dns2 from "dns2";

// A real DNS server on loopback (UDP) for the check's tests: names in the zone answer with their
// records (an empty answer, NODATA, for a type they lack), every other name is NXDOMAIN, and a
// name marked servfail fails as a broken authoritative server would. A name marked signed is
// answered with the AD bit, as a validating resolver answers for a DNSSEC-signed zone (the root
// zone is the name "").

export type ZoneEntry = {
  a?: string[];
  mx?: Array<{ exchange: string; priority: number }>;
  // one string per record; a record longer than 255 bytes is sent as several strings
  txt?: string[];
  tlsa?: Array<{ usage: number; selector: number; matching: number; data: string }>;
  signed?: boolean;
  servfail?: boolean;
};
export type Zone = Record<string, ZoneEntry>;

export type TestDnsServer = { port: number; address: string; close: () => Promise<void> };

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;
const TYPE_TLSA = 52;
// the header's three bits after RA: Z, AD, CD
const Z_AD = 0b010;

// dns2 2.1 knows no TLSA: teach its packet writer the record (RFC 6698 §2.1).
function registerTlsa(Packet: typeof dns2.Packet): void {
  if (Packet.Resource.TLSA) return;
  Packet.Resource.TLSA = {
    encode(record, writer) {
      const data = Buffer.from(String(record.data), "hex");
      writer.write(3 + data.length, 16);
      for (const field of [record.usage, record.selector, record.matching]) writer.write(Number(field), 8);
      for (const byte of data) writer.write(byte, 8);
    },
  };
  Packet.TYPE.TLSA = TYPE_TLSA;
}

function chunks(text: string): Buffer[] {
  const bytes = Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) parts.push(bytes.subarray(i, i + 255));
  return parts.length > 0 ? parts : [Buffer.alloc(0)];
}

export async function startDnsServer(zone: Zone, port = 0): Promise<TestDnsServer> {
  const { Packet } = dns2;
  registerTlsa(Packet);
  const server = dns2.createUDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const question = request.questions[0];
    const name = question?.name.toLowerCase().replace(/\.$/, "") ?? "";
    // Read on every query, so a test may add names to the zone after the server started.
    const entry = zone[name];
    response.header.ra = 1;
    response.header.z = entry?.signed ? Z_AD : 0;
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
      if (question.type === Packet.TYPE.TXT)
        for (const text of entry.txt ?? [])
          response.answers.push({ ...base, type: Packet.TYPE.TXT, data: chunks(text) });
      if (question.type === TYPE_TLSA)
        for (const tlsa of entry.tlsa ?? []) response.answers.push({ ...base, type: TYPE_TLSA, ...tlsa });
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
