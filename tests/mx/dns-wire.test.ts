import { describe, expect, it } from "vitest";
import { DnsFormatError, encodeQuery, parseResponse, recordsOf, RR } from "@/lib/mx/dns";

function response(query: Buffer, answers: Buffer[], flags = 0x8180): Buffer {
  const header = Buffer.from(query.subarray(0, 12));
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(answers.length, 6);
  header.writeUInt16BE(0, 10);
  // the question as sent, without the OPT record
  const question = query.subarray(12, query.length - 11);
  return Buffer.concat([header, question, ...answers]);
}

function record(owner: Buffer, type: number, rdata: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt32BE(60, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([owner, fixed, rdata]);
}

// a pointer to the question's name, at offset 12
const QNAME = Buffer.from([0xc0, 12]);
const name = (text: string) =>
  Buffer.concat([
    ...text.split(".").map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])),
    Buffer.from([0]),
  ]);

describe("the DNS wire format", () => {
  it("asks one question with RD and AD set and an EDNS0 record", () => {
    const query = encodeQuery(0x1234, "Example.TEST.", RR.TLSA);
    expect(query.readUInt16BE(0)).toBe(0x1234);
    expect(query.readUInt16BE(2)).toBe(0x0120);
    expect(query.readUInt16BE(10)).toBe(1);
    expect(query.subarray(12, 26).toString("latin1")).toBe("\x07example\x04test\x00");
    expect(query.readUInt16BE(26)).toBe(52);
  });

  it("reads the AD bit, follows compression pointers and a CNAME chain", () => {
    const query = encodeQuery(7, "_mta-sts.a.test", RR.TXT);
    const target = name("policy.b.test");
    const message = response(
      query,
      [
        record(QNAME, RR.CNAME, target),
        record(
          target,
          RR.TXT,
          Buffer.concat([Buffer.from([5]), Buffer.from("v=STS"), Buffer.from([3]), Buffer.from("v1;")]),
        ),
        record(name("elsewhere.test"), RR.TXT, Buffer.from([1, 0x78])),
      ],
      0x81a0,
    );
    const parsed = parseResponse(message);
    expect(parsed.authenticated).toBe(true);
    expect(parsed.question).toEqual({ name: "_mta-sts.a.test", type: RR.TXT });
    const txt = recordsOf(parsed, "_mta-sts.a.test", RR.TXT);
    expect(txt.map((r) => r.name)).toEqual(["policy.b.test"]);
  });

  it("refuses a compression pointer loop instead of hanging", () => {
    const query = encodeQuery(7, "a.test", RR.MX);
    const message = response(query, []);
    // the answer's owner points at itself
    const looped = Buffer.concat([message, Buffer.from([0xc0, message.length])]);
    looped.writeUInt16BE(1, 6);
    expect(() => parseResponse(looped)).toThrow(DnsFormatError);
  });

  it("refuses a record that runs past the message", () => {
    const query = encodeQuery(7, "a.test", RR.MX);
    const message = response(query, [record(QNAME, RR.MX, Buffer.from([0, 10, 0]))]);
    expect(() => parseResponse(message.subarray(0, message.length - 2))).toThrow(DnsFormatError);
  });
});
