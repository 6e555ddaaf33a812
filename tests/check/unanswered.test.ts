import { describe, expect, it } from "vitest";
import { foldUnanswered, NO_ANSWER } from "@/lib/check/unanswered";
import { emptyResult } from "@/lib/probe/probe-endpoint";
import type { EndpointProbeResult, ProbeFailure } from "@/lib/probe/types";

function failed(failure: ProbeFailure, fields: Partial<EndpointProbeResult> = {}): EndpointProbeResult {
  return {
    ...emptyResult({ host: "mail.example.net", port: 993, protocol: "imap", security: "tls" }),
    address: failure.step === "connect" ? null : "192.0.3.7",
    failure,
    timings: {
      resolveMs: 12,
      connectMs: failure.step === "connect" ? null : 30,
      greetingMs: null,
      handshakeMs: null,
      totalMs: 0,
    },
    ...fields,
  };
}

describe("a closed port and a silent one, as the public check reports them", () => {
  const closed = failed({ step: "connect", code: "ECONNREFUSED", message: "connect ECONNREFUSED 192.0.3.7:993" });
  const dropped = failed({ step: "connect", code: "timeout", message: "no answer within 8000 ms" });
  const filtered = failed({ step: "connect", code: "EHOSTUNREACH", message: "connect EHOSTUNREACH" });
  const silentTls = failed({ step: "handshake", code: "timeout", message: "no answer within 8000 ms" });
  const silentPlain = failed(
    { step: "greeting", code: "timeout", message: "no answer within 8000 ms" },
    { target: { host: "mail.example.net", port: 587, protocol: "smtp", security: "starttls" } },
  );
  const hungUp = failed({ step: "greeting", code: "closed", message: "the server closed the connection" });

  it("look exactly the same: one failure, no address, no connection timings", () => {
    const folded = [closed, dropped, filtered, silentTls, hungUp].map((r) => foldUnanswered(r, 8000).result);
    for (const r of folded) {
      expect(r.failure).toEqual(NO_ANSWER);
      expect(r.address).toBeNull();
      expect(r.timings).toEqual({ resolveMs: 12, connectMs: null, greetingMs: null, handshakeMs: null, totalMs: 12 });
    }
    expect(new Set(folded.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(foldUnanswered(silentPlain, 8000).result.failure).toEqual(NO_ANSWER);
  });

  it("take as long: a refusal waits for the timeout a silent port would have run into", () => {
    expect(foldUnanswered(closed, 8000).waitUntilMs).toBe(8012);
    expect(foldUnanswered(hungUp, 8000).waitUntilMs).toBe(8012);
    // a timeout has already waited
    expect(foldUnanswered(dropped, 8000).waitUntilMs).toBeNull();
  });

  it("keeps what a server that spoke said, and what is about our own network", () => {
    const rejected = failed(
      { step: "greeting", code: "rejected", message: "the server turned the connection away: 554 go away" },
      { greeting: "554 go away" },
    );
    const tlsAlert = failed({ step: "handshake", code: "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", message: "alert" });
    const clearText = failed(
      { step: "handshake", code: "ERR_SSL_WRONG_VERSION_NUMBER", message: "wrong version number" },
      { plaintextInsteadOfTls: true },
    );
    const ourNetwork = failed({ step: "connect", code: "ENETUNREACH", message: "connect ENETUNREACH" });
    const notMail = failed({ step: "resolve", code: "refused-port", message: "refused to probe" });
    for (const r of [rejected, tlsAlert, clearText, ourNetwork, notMail]) {
      expect(foldUnanswered(r, 8000)).toEqual({ result: r, waitUntilMs: null });
    }
  });
});
