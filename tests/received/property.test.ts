import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeReceivedHeaders,
  receivedAnalysisSchema,
  receivedApiResponseSchema,
  toReceivedApiResponse,
  type ReceivedAnalysis,
} from "@/lib/received";
import { listFixtures, readFixture } from "./helpers";

const FIXTURES = listFixtures().map(readFixture);

/** What must hold for any input, however broken. */
function checkInvariants(raw: string): void {
  let analysis: ReceivedAnalysis | undefined;
  expect(() => {
    analysis = analyzeReceivedHeaders(raw);
  }).not.toThrow();
  if (!analysis) return;
  const parsed = receivedAnalysisSchema.safeParse(analysis);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(receivedApiResponseSchema.safeParse(toReceivedApiResponse(analysis)).success).toBe(true);

  const { hops, verdict, firstPlainHop } = analysis;
  expect(hops.map((h) => h.hop)).toEqual(hops.map((_, i) => i + 1));
  expect(verdict === "none").toBe(hops.length === 0);
  expect(firstPlainHop !== null).toBe(verdict === "not-encrypted");
  if (firstPlainHop !== null) {
    const plain = hops[firstPlainHop - 1];
    expect(plain?.tls).toBe("no");
    expect(plain?.local).toBe(false);
    expect(hops.slice(0, firstPlainHop - 1).some((h) => h.tls === "no" && !h.local)).toBe(false);
  }
  if (verdict === "encrypted") expect(hops.every((h) => h.local || h.tls === "yes")).toBe(true);
  for (const h of hops) {
    expect(h.local).toBe(h.tls === "local");
    expect(h.weak).toBe(h.weakReasons.length > 0);
  }
  if (hops[0]) expect(hops[0].delaySeconds).toBeNull();
}

// Pieces that steer random text into the parser's interesting branches.
const PIECES = [
  "Received:",
  "\r\nReceived: ",
  "\n ",
  "\n\n",
  "from",
  "by",
  "with",
  "id",
  "for",
  "via",
  "tls",
  "ESMTPS",
  "ESMTP",
  "LMTP",
  "mapi",
  "HTTP",
  "(",
  ")",
  "\\",
  '"',
  ";",
  "<",
  ">",
  "[127.0.0.1]",
  "[IPv6:::1]",
  "localhost",
  "(using TLSv1 with cipher EXP-RC4-MD5 (40/128 bits))",
  "(version=TLS1_2, cipher=DES-CBC3-SHA)",
  "(TLS1.3)",
  "(Cipher TLSv1:ADH-AES256-SHA:256)",
  "(qmail 1 invoked from network)",
  "(qmail 1 invoked by uid 89)",
  "(Authenticated sender: x)",
  "=?UTF-8?B?5pel5pys?=",
  "=?ISO-2022-JP?B?GyRCRnxLXBsoQg==?=",
  "=?",
  "?=",
  "Tue, 14 Feb 2006 13:14:51 +0900 (JST)",
  "31 Feb 99 25:61:61 XYZ",
];

const pieceSoup = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 4 })),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(" "));

type Edit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === "insert") out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === "delete") out = out.slice(0, at) + out.slice(at + e.length);
    else out = out.slice(0, at + e.length) + out.slice(at, at + e.length) + out.slice(at + e.length);
  }
  return out;
}

describe("analyzeReceivedHeaders on arbitrary input", () => {
  it("never throws and always matches the schema on random ASCII", () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), checkInvariants), { numRuns: 300 });
  });

  it("never throws and always matches the schema on random full-Unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 500 }), checkInvariants), { numRuns: 300 });
  });

  it("never throws on random Received fields built from parser-relevant pieces", () => {
    fc.assert(
      fc.property(pieceSoup, pieceSoup, (a, b) => checkInvariants(`Received: ${a}\nReceived: ${b}\nSubject: x\n`)),
      { numRuns: 400 },
    );
  });

  it("never throws on random mutations of the fixture corpus", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(edit, { minLength: 1, maxLength: 12 }), (fixture, edits) =>
        checkInvariants(applyEdits(fixture, edits)),
      ),
      { numRuns: 400 },
    );
  });
});
