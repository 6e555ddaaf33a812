import { describe, expect, it } from "vitest";
import { readMxConfig } from "@/lib/mx/config";

describe("the mail-domain checks' environment", () => {
  it("tries port 25 and leaves the AD decision to the resolver's address by default", () => {
    expect(readMxConfig({})).toEqual({ port25: true, trustAd: undefined });
    expect(readMxConfig({ MX_PORT25: "", MX_DNS_TRUST_AD: "" })).toEqual({ port25: true, trustAd: undefined });
  });

  it("reads port 25 off and an explicit AD decision", () => {
    expect(readMxConfig({ MX_PORT25: "off", MX_DNS_TRUST_AD: "1" })).toEqual({ port25: false, trustAd: true });
    expect(readMxConfig({ MX_PORT25: "on", MX_DNS_TRUST_AD: "0" })).toEqual({ port25: true, trustAd: false });
  });

  it("fails loudly on a value it does not know", () => {
    expect(() => readMxConfig({ MX_PORT25: "no" })).toThrow(/MX_PORT25/);
    expect(() => readMxConfig({ MX_DNS_TRUST_AD: "yes" })).toThrow(/MX_DNS_TRUST_AD/);
  });
});
