import { describe, expect, it } from "vitest";
import {
  isWeakTls,
  normalizeTlsVersion,
  weakCipherReasons,
  weakKeyReasons,
  weakTlsReasons,
  weakVersionAndCipherReasons,
  weakVersionReasons,
} from "@/lib/mail";

describe("normalizeTlsVersion", () => {
  it.each([
    // Node / OpenSSL (the probe)
    ["TLSv1.3", "1.3"],
    ["TLSv1.2", "1.2"],
    ["TLSv1.1", "1.1"],
    ["TLSv1", "1.0"],
    ["SSLv3", "SSLv3"],
    // MTAs (Received headers)
    ["TLSv1/SSLv3", "1.0"],
    ["TLS1_2", "1.2"],
    ["TLS 1.2", "1.2"],
    ["SSLv2", "SSLv2"],
    ["unknown", null],
    ["TLSv9", null],
  ])("%s → %s", (raw, version) => {
    expect(normalizeTlsVersion(raw)).toBe(version);
  });
});

describe("weak versions (RFC 8996)", () => {
  it.each([
    ["SSLv2", true],
    ["SSLv3", true],
    ["1.0", true],
    ["1.1", true],
    ["1.2", false],
    ["1.3", false],
    [null, false],
  ] as const)("%s weak: %s", (version, weak) => {
    expect(weakVersionReasons(version)).toEqual(weak ? ["tls-below-1.2"] : []);
  });
});

describe("weak ciphers", () => {
  it.each([
    // anonymous key exchange in all three spellings (the probe used to miss OpenSSL's ADH)
    ["ADH-AES256-GCM-SHA384", ["anonymous-key-exchange"]],
    ["AECDH-AES128-SHA", ["anonymous-key-exchange"]],
    ["TLS_DH_anon_WITH_AES_128_CBC_SHA", ["anonymous-key-exchange"]],
    ["AECDH-NULL-SHA", ["anonymous-key-exchange", "null-cipher"]],
    // MD5 MACs (the Received analyzer used to miss them)
    ["TLS_KRB5_WITH_IDEA_CBC_MD5", ["md5-mac"]],
    ["IDEA-CBC-MD5", ["md5-mac"]],
    ["TLS_KRB5_WITH_DES_CBC_MD5", ["single-des", "md5-mac"]],
    ["DES-CBC3-MD5", ["3des", "md5-mac"]],
    ["RC4-MD5", ["rc4", "md5-mac"]],
    ["TLS_RSA_WITH_NULL_MD5", ["null-cipher", "md5-mac"]],
    // RC4 (RFC 7465), DES and 3DES, NULL, export grade
    ["RC4-SHA", ["rc4"]],
    ["RSA_ARCFOUR_128_SHA1", ["rc4"]],
    ["DES-CBC3-SHA", ["3des"]],
    ["TLS_RSA_WITH_3DES_EDE_CBC_SHA", ["3des"]],
    ["DES-CBC-SHA", ["single-des"]],
    ["NULL-SHA256", ["null-cipher"]],
    ["EXP-RC4-MD5", ["export-cipher", "rc4", "md5-mac"]],
    ["EXP1024-DES-CBC-SHA", ["export-cipher", "single-des"]],
    ["TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", ["export-cipher", "single-des"]],
    // strong suites, including parts that only look alike (ECDSA is not DES)
    ["ECDHE-ECDSA-AES128-GCM-SHA256", []],
    ["ECDHE-RSA-CHACHA20-POLY1305", []],
    ["DHE-RSA-AES256-GCM-SHA384", []],
    ["TLS_AES_256_GCM_SHA384", []],
    ["TLS_CHACHA20_POLY1305_SHA256", []],
  ])("%s → %j", (cipher, reasons) => {
    expect(weakCipherReasons(cipher)).toEqual(reasons);
  });

  it("ignores an absent or absurdly long name", () => {
    expect(weakCipherReasons(null)).toEqual([]);
    expect(weakCipherReasons(`RC4-${"A".repeat(200)}`)).toEqual([]);
  });

  it("lists the version first, then the cipher's reasons", () => {
    expect(weakVersionAndCipherReasons("1.0", "ADH-DES-CBC3-SHA")).toEqual([
      "tls-below-1.2",
      "anonymous-key-exchange",
      "3des",
    ]);
  });
});

describe("weak keys (RFC 7525 §4.3)", () => {
  it("flags RSA and finite-field DH below 2048 bits, not elliptic curves", () => {
    expect(weakKeyReasons({ serverKey: { type: "RSA", bits: 1024 } })).toEqual(["rsa-key-below-2048"]);
    expect(weakKeyReasons({ serverKey: { type: "RSA", bits: 2048 } })).toEqual([]);
    expect(weakKeyReasons({ keyExchange: { type: "DH", bits: 1024 } })).toEqual(["dh-key-below-2048"]);
    expect(weakKeyReasons({ keyExchange: { type: "DH", bits: 4096 } })).toEqual([]);
    expect(weakKeyReasons({ serverKey: { type: "EC", bits: 256 }, keyExchange: { type: "ECDH", bits: 253 } })).toEqual(
      [],
    );
    expect(weakKeyReasons({})).toEqual([]);
  });
});

describe("weakTlsReasons", () => {
  it("puts version, cipher and key reasons together", () => {
    expect(
      weakTlsReasons({
        version: "1.1",
        cipher: "EDH-RSA-DES-CBC3-SHA",
        serverKey: { type: "RSA", bits: 1024 },
        keyExchange: { type: "DH", bits: 1024 },
      }),
    ).toEqual(["tls-below-1.2", "3des", "rsa-key-below-2048", "dh-key-below-2048"]);
    expect(isWeakTls({ version: "1.3", cipher: "TLS_AES_128_GCM_SHA256" })).toBe(false);
    expect(isWeakTls({ version: "1.2", cipher: "ADH-AES256-GCM-SHA384" })).toBe(true);
  });
});
