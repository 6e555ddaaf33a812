import { describe, expect, it } from "vitest";
import { analyzeReceivedHeaders, receivedAnalysisSchema } from "@/lib/received";

const D = (time: string) => `; Tue, 14 Feb 2023 ${time} +0000`;
const TLS = (n: number, time = "10:00:00") =>
  `Received: from h${n}.example.com ([192.0.2.${n}]) by h${n + 1}.example.net with ESMTPS id A${n}${D(time)}`;
const PLAIN = (n: number, time = "10:00:00") =>
  `Received: from h${n}.example.com ([192.0.2.${n}]) by h${n + 1}.example.net with ESMTP id A${n}${D(time)}`;
const LOCAL = (time = "10:00:00") => `Received: by h0.example.com (Postfix, from userid 1000) id L0${D(time)}`;
const UNKNOWN = (n: number) =>
  `Received: from h${n}.example.com ([192.0.2.${n}]) by h${n + 1}.example.net id U${n}${D("10:00:00")}`;
/** Newest first, as in a real message: the first argument becomes the top field. */
const headers = (...fields: string[]) => `${fields.join("\n")}\nSubject: t\n`;

describe("verdict", () => {
  it("is none without Received fields", () => {
    expect(analyzeReceivedHeaders("Subject: hi\nX-Received: by a with SMTP; x\n")).toEqual({
      verdict: "none",
      level: "none",
      findings: [],
      firstPlainHop: null,
      hops: [],
    });
    expect(analyzeReceivedHeaders("").verdict).toBe("none");
  });

  it("is encrypted when every non-local hop has TLS", () => {
    const a = analyzeReceivedHeaders(headers(TLS(2), TLS(1), LOCAL()));
    expect(a.verdict).toBe("encrypted");
    expect(a.firstPlainHop).toBeNull();
  });

  it("is encrypted when every hop is local, as nothing crossed a network", () => {
    expect(analyzeReceivedHeaders(headers(LOCAL(), LOCAL())).verdict).toBe("encrypted");
  });

  it("is not-encrypted and names the oldest plain hop", () => {
    const a = analyzeReceivedHeaders(headers(PLAIN(4), TLS(3), PLAIN(2), TLS(1)));
    expect(a.verdict).toBe("not-encrypted");
    expect(a.firstPlainHop).toBe(2);
  });

  it("ignores a plain-looking local hop", () => {
    const loopbackPlain =
      "Received: from localhost (localhost [127.0.0.1]) by mx.example.net (Postfix) with ESMTP id 4Q" + D("10:00:01");
    expect(analyzeReceivedHeaders(headers(loopbackPlain, TLS(1))).verdict).toBe("encrypted");
  });

  it("is unknown when a non-local hop shows no evidence either way", () => {
    expect(analyzeReceivedHeaders(headers(TLS(2), UNKNOWN(1))).verdict).toBe("unknown");
  });

  it("lets a plain hop outweigh an unknown one", () => {
    const a = analyzeReceivedHeaders(headers(PLAIN(2), UNKNOWN(1)));
    expect(a).toMatchObject({ verdict: "not-encrypted", firstPlainHop: 2 });
  });
});

describe("hop order and delays", () => {
  it("numbers hops from the bottom field up", () => {
    const a = analyzeReceivedHeaders(headers(TLS(3), TLS(2), TLS(1)));
    expect(a.hops.map((h) => [h.hop, h.from])).toEqual([
      [1, "h1.example.com"],
      [2, "h2.example.com"],
      [3, "h3.example.com"],
    ]);
  });

  it("computes delays across time zones, negative for clock skew, null without a date", () => {
    const a = analyzeReceivedHeaders(
      headers(
        "Received: from c ([192.0.2.3]) by d with ESMTPS id 3",
        "Received: from b ([192.0.2.2]) by c with ESMTPS id 2; Tue, 14 Feb 2023 09:59:30 +0000",
        "Received: from a ([192.0.2.1]) by b with ESMTPS id 1; Tue, 14 Feb 2023 19:00:00 +0900",
        "Received: from z ([192.0.2.9]) by a with ESMTPS id 0; Tue, 14 Feb 2023 04:59:55 -0500",
      ),
    );
    expect(a.hops.map((h) => h.delaySeconds)).toEqual([null, 5, -30, null]);
  });
});

describe("robustness", () => {
  it.each([
    ["only a name", "Received:"],
    ["semicolons", `Received: ${";".repeat(1000)}`],
    ["open parens", `Received: ${"(".repeat(1000)}`],
    ["close parens", `Received: ${")".repeat(1000)}`],
    ["quotes", `Received: from "unterminated by x with ESMTPS; Tue, 14 Feb 2023 10:00:00 +0000`],
    ["NUL and controls", "Received: from \u0000\u0001 by \u0007 with \u001b; \u0000"],
    ["lone surrogates", "Received: from \ud800 by \udfff with ESMTPS; x"],
    ["encoded-word soup", `Received: (${"=?a?b?".repeat(500)}) by x; y`],
  ])("returns a valid analysis for %s", (_label, raw) => {
    const a = analyzeReceivedHeaders(raw);
    expect(receivedAnalysisSchema.safeParse(a).success).toBe(true);
  });

  it("accepts a non-string from untyped callers without throwing", () => {
    expect(analyzeReceivedHeaders(undefined as unknown as string).verdict).toBe("none");
  });
});
