import { describe, expect, it } from "vitest";
import { weakVersionAndCipherReasons } from "@/lib/mail";
import { analyzeReceivedHeaders, normalizeTlsVersion, parseReceivedHop, weakReasonsFor } from "@/lib/received";

const DATE = "; Tue, 14 Feb 2023 13:14:51 +0900";
const hop = (value: string) => parseReceivedHop(value);

describe("TLS evidence by MTA family", () => {
  it.each([
    ["ESMTPS", "from a.example.com (a.example.com [192.0.2.1]) by b.example.net with ESMTPS id X"],
    ["ESMTPSA", "from a.example.com ([192.0.2.1]) by b.example.net with ESMTPSA id X"],
    ["UTF8SMTPS", "from a.example.com ([192.0.2.1]) by b.example.net with UTF8SMTPS id X"],
    ["UTF8SMTPSA", "from a.example.com ([192.0.2.1]) by b.example.net with UTF8SMTPSA id X"],
    ["SMTPS", "from a.example.com ([192.0.2.1]) by b.example.net with SMTPS id X"],
    ["lower-case esmtps", "from a.example.com ([192.0.2.1]) by b.example.net with esmtps id X"],
  ])("RFC 3848 keyword %s means TLS", (_label, value) => {
    expect(hop(value + DATE).tls).toBe("yes");
  });

  it("reads Postfix's using-TLS comment, nested parentheses included", () => {
    const h = hop(
      "from a.example.com (a.example.com [192.0.2.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested) by b.example.net (Postfix) with ESMTPS id 4ABC" +
        DATE,
    );
    expect(h).toMatchObject({ tls: "yes", tlsVersion: "1.3", cipher: "TLS_AES_256_GCM_SHA384", weak: false });
  });

  it("takes Sendmail's version comment over its plain-looking 'with ESMTP'", () => {
    const h = hop(
      "from [192.0.2.44] (my.example.net [192.0.2.44]) (authenticated bits=0) by mail.example.jp (8.13.1/8.13.1) with ESMTP id k1E4EpQJ009906 (version=TLSv1/SSLv3 cipher=DHE-RSA-AES256-SHA bits=256 verify=NO)" +
        DATE,
    );
    expect(h).toMatchObject({
      with: "ESMTP",
      tls: "yes",
      tlsVersion: "1.0",
      cipher: "DHE-RSA-AES256-SHA",
      authenticated: true,
      weak: true,
      weakReasons: ["tls-below-1.2"],
    });
  });

  it("reads Exim 4.9x 'with esmtps (TLS1.3) tls CIPHER'", () => {
    const h = hop(
      "from mail.example.com ([198.51.100.60]) by mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <g@example.com>) id 1pXyZa-000AbC-2Q for h@example.net" +
        DATE,
    );
    expect(h).toMatchObject({
      tls: "yes",
      tlsVersion: "1.3",
      cipher: "TLS_AES_256_GCM_SHA384",
      id: "1pXyZa-000AbC-2Q",
      for: "h@example.net",
      authenticated: false,
    });
  });

  it.each([
    ["(TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256)", "1.2", "ECDHE_RSA_AES_256_GCM_SHA384"],
    ["(TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256)", "1.2", "ECDHE-RSA-AES256-GCM-SHA384"],
    ["(Cipher TLSv1:DHE-RSA-AES256-SHA:256)", "1.0", "DHE-RSA-AES256-SHA"],
    ["(TLS1.0:DHE_RSA_AES_256_CBC_SHA1:32)", "1.0", "DHE_RSA_AES_256_CBC_SHA1"],
  ])("reads older Exim %s", (comment, version, cipher) => {
    const h = hop(
      `from a.example.com ([192.0.2.1]) by b.example.net with esmtps ${comment} (Exim 4.69) id 1Abc-0001-XY` + DATE,
    );
    expect(h).toMatchObject({ tls: "yes", tlsVersion: version, cipher });
  });

  it("reads Microsoft 'with Microsoft SMTP Server (version=TLS1_2, cipher=...)'", () => {
    const h = hop(
      "from mail.example.com (198.51.100.90) by BN8NAM12FT045.mail.protection.outlook.com (192.0.2.123) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.6178.13 via Frontend Transport" +
        DATE,
    );
    expect(h).toMatchObject({
      with: "Microsoft SMTP Server",
      via: "Frontend Transport",
      tls: "yes",
      tlsVersion: "1.2",
      cipher: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    });
  });

  it("counts Exchange without a version comment as plain", () => {
    const h = hop(
      "from a.example.com (192.0.2.5) by b.example.com (192.0.2.6) with Microsoft SMTP Server id 14.3.498.0" + DATE,
    );
    expect(h.tls).toBe("no");
  });

  it("reads Gmail's version comment and Google Transport Security", () => {
    const gmail = hop(
      "from mail.example.net (mail.example.net. [203.0.113.50]) by mx.google.com with ESMTPS id x3 for <i@example.com> (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128)" +
        DATE,
    );
    expect(gmail).toMatchObject({ tls: "yes", tlsVersion: "1.3", cipher: "TLS_AES_128_GCM_SHA256" });
    const gts = hop(
      "from mail-sor-f41.google.com (mail-sor-f41.google.com. [198.51.100.41]) by mx.google.com with SMTPS id k12 for <i@example.com> (Google Transport Security)" +
        DATE,
    );
    expect(gts).toMatchObject({ tls: "yes", tlsEvidence: "(Google Transport Security)" });
  });

  it("reads 'with ESMTP with STARTTLS (version=...)'", () => {
    const h = hop(
      "from a.example.com (a.example.com [192.0.2.1]) by b.example.net with ESMTP with STARTTLS (version=TLSv1.2 cipher=ECDHE-RSA-AES256-GCM-SHA384) id X" +
        DATE,
    );
    expect(h).toMatchObject({ with: "ESMTP", tls: "yes", tlsVersion: "1.2", cipher: "ECDHE-RSA-AES256-GCM-SHA384" });
    const bare = hop("from a.example.com ([192.0.2.1]) by b.example.net with ESMTP with STARTTLS id X" + DATE);
    expect(bare.tls).toBe("yes");
  });

  it("takes a lone (cipher=...) comment as TLS", () => {
    const h = hop(
      "from a.example.com ([192.0.2.1]) by b.example.net with ESMTP (cipher=ECDHE-RSA-AES128-GCM-SHA256) id X" + DATE,
    );
    expect(h).toMatchObject({ tls: "yes", tlsVersion: null, cipher: "ECDHE-RSA-AES128-GCM-SHA256" });
  });

  it("reads Courier's (TLS: ...) and qmail's (CIPHER encrypted) comments", () => {
    const courier = hop(
      "from a.example.com (a.example.com [198.51.100.200]) (TLS: TLSv1.2,256bits,ECDHE-RSA-AES256-GCM-SHA384) by b.example.com with ESMTPS" +
        DATE,
    );
    expect(courier).toMatchObject({ tls: "yes", tlsVersion: "1.2", cipher: "ECDHE-RSA-AES256-GCM-SHA384" });
    const qmail = hop(
      "from a.example.com (HELO a.example.com) (198.51.100.71) by mx.example.jp with (DHE-RSA-AES256-SHA encrypted) SMTP" +
        DATE,
    );
    expect(qmail).toMatchObject({ tls: "yes", cipher: "DHE-RSA-AES256-SHA", with: "SMTP" });
  });

  it.each(["SMTP", "ESMTP", "ESMTPA", "esmtp", "UTF8SMTP"])("plain 'with %s' and no evidence means no TLS", (proto) => {
    expect(hop(`from a.example.com (a.example.com [192.0.2.1]) by b.example.net with ${proto} id X` + DATE).tls).toBe(
      "no",
    );
  });

  it("is unknown without a with clause or evidence, and for unknown protocols", () => {
    expect(hop("from a.example.com ([192.0.2.1]) by b.example.net id X" + DATE).tls).toBe("unknown");
    expect(hop("from a.example.com ([192.0.2.1]) by b.example.net with QMQP id X" + DATE).tls).toBe("unknown");
  });

  it("treats webmail submission over HTTPS as TLS and over HTTP as plain, neither as local", () => {
    const https = hop("from 192.0.2.5 (client.example.net [192.0.2.5]) by webmail.example.com with HTTPS" + DATE);
    expect(https).toMatchObject({ tls: "yes", local: false });
    const http = hop(
      "from 192.0.2.5 (client.example.net [192.0.2.5]) by webmail.example.com with HTTP (HTTP/1.1 POST)" + DATE,
    );
    expect(http).toMatchObject({ tls: "no", local: false });
  });
});

describe("local hops", () => {
  it.each([
    ["no from clause", "by mail.example.com (Postfix, from userid 1000) id 4ABC", "no-from-clause"],
    ["Sendmail submit", "(from alice@localhost) by mail.example.com (8.17.1/8.17.1/Submit) id 33K2", "no-from-clause"],
    ["Gmail internal", "by 2002:a05:7208:3184:b0:67:abcd:ef01 with SMTP id v4csp1234567rbb", "no-from-clause"],
    [
      "Yahoo submission",
      "by hermes--production-gq1-5d5b1d58-abcde (VZM Hermes SMTP Server) with ESMTPA ID 0a1b2c3d",
      "no-from-clause",
    ],
    ["localhost", "from localhost (localhost [127.0.0.1]) by mx.example.net (Postfix) with ESMTP id 4Q3", "loopback"],
    [
      "127.0.0.1",
      "from mx.example.net ([127.0.0.1]) by localhost (amavisd-new, port 10024) with ESMTP id Xk3",
      "loopback",
    ],
    ["::1", "from mx.example.net (localhost [IPv6:::1]) by mx.example.net (Postfix) with ESMTP id 4Q3", "loopback"],
    ["Exim loopback", "from [127.0.0.1] (helo=localhost) by mx.example.net with esmtp (Exim 4.96) id 1pX", "loopback"],
    [
      "LMTP",
      "from mx1.example.net by mx1.example.net with LMTP id GJk (envelope-from <a@example.com>) for <b@example.net>",
      "lmtp",
    ],
    ["LMTPSA", "from mx1.example.net ([192.0.2.3]) by store.example.net with LMTPSA id GJk", "lmtp"],
    [
      "mapi",
      "from EXCH02.corp.example.com ([2001:db8::12]) by EXCH02.corp.example.com ([2001:db8::12%12]) with mapi id 14.03.0498.000",
      "mapi",
    ],
    [
      "MAPI",
      "from EXCH02.corp.example.com ([2001:db8::12]) by EXCH02.corp.example.com with MAPI id 15.01.2507.023",
      "mapi",
    ],
    [
      "Exim local",
      "from grace by workstation.example.com with local (Exim 4.96) (envelope-from <g@example.com>) id 1pX",
      "local-protocol",
    ],
    ["Exim local-esmtp", "from root by host.example.com with local-esmtp (Exim 4.96) id 1pX", "local-protocol"],
  ])("%s", (_label, value, reason) => {
    expect(hop(value + DATE)).toMatchObject({ local: true, tls: "local", localReason: reason });
  });

  it("treats qmail 'invoked by uid' as local but 'invoked from network' as not", () => {
    expect(hop("(qmail 12345 invoked by uid 89); 14 Feb 2006 04:20:09 -0000")).toMatchObject({
      local: true,
      tls: "local",
    });
    expect(hop("(qmail 23456 invoked from network); 14 Feb 2006 04:20:11 -0000")).toMatchObject({
      local: false,
      tls: "unknown",
    });
  });

  it("trusts the connecting address over a HELO of localhost", () => {
    const h = hop("from localhost (unknown [198.51.100.9]) by mx.example.net (Postfix) with ESMTP id 4Q3" + DATE);
    expect(h).toMatchObject({ local: false, tls: "no" });
  });

  it("does not call a field with neither from nor by local", () => {
    expect(hop("garbage text without clauses" + DATE)).toMatchObject({ local: false, tls: "unknown" });
  });
});

describe("authentication", () => {
  it.each([
    ["ESMTPA", "from a ([192.0.2.1]) by b.example.net with ESMTPA id X"],
    ["ESMTPSA", "from a ([192.0.2.1]) by b.example.net with ESMTPSA id X"],
    ["LMTPA", "from a ([192.0.2.1]) by b.example.net with LMTPA id X"],
    [
      "Postfix",
      "from a ([192.0.2.1]) (Authenticated sender: user@example.com) by b.example.net (Postfix) with ESMTP id X",
    ],
    ["Sendmail", "from a ([192.0.2.1]) (authenticated bits=0) by b.example.net (8.13.1/8.13.1) with ESMTP id X"],
    ["authenticated as", "from a ([192.0.2.1]) (authenticated as user@example.com) by b.example.net with ESMTP id X"],
    [
      "Courier",
      "from a ([192.0.2.1]) (AUTH: LOGIN user@example.net, TLS: TLSv1.2,256bits,AES256-GCM-SHA384) by b.example.net with ESMTPS",
    ],
  ])("recognises %s", (_label, value) => {
    expect(hop(value + DATE).authenticated).toBe(true);
  });

  it.each([
    [
      "Exim envelope-from",
      "from a ([192.0.2.1]) by b.example.net with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <a@example.com>) id X",
    ],
    ["plain ESMTPS", "from a ([192.0.2.1]) by b.example.net with ESMTPS id X"],
    [
      "Postfix no certificate",
      "from a ([192.0.2.1]) (No client certificate requested) by b.example.net with ESMTPS id X",
    ],
  ])("does not invent authentication for %s", (_label, value) => {
    expect(hop(value + DATE).authenticated).toBe(false);
  });
});

describe("TLS versions and weak parameters", () => {
  it.each([
    ["TLSv1/SSLv3", "1.0"],
    ["TLSv1", "1.0"],
    ["TLS1", "1.0"],
    ["TLSv1.0", "1.0"],
    ["TLS1_0", "1.0"],
    ["TLSv1.1", "1.1"],
    ["TLS1_1", "1.1"],
    ["TLSv1.2", "1.2"],
    ["TLS1_2", "1.2"],
    ["TLS1.2", "1.2"],
    ["tlsv1.3", "1.3"],
    ["TLS1_3", "1.3"],
    ["SSLv3", "SSLv3"],
    ["SSLv2", "SSLv2"],
    ["TLSv9", null],
    ["garbage", null],
  ])("normalizes %s to %s", (raw, expected) => {
    expect(normalizeTlsVersion(raw)).toBe(expected);
  });

  it.each([
    ["1.1", "ECDHE-RSA-AES128-SHA", ["tls-below-1.2"]],
    ["1.2", "ADH-AES256-GCM-SHA384", ["anonymous-key-exchange"]],
    ["1.2", "AECDH-AES128-SHA", ["anonymous-key-exchange"]],
    ["1.2", "TLS_DH_anon_WITH_AES_128_CBC_SHA", ["anonymous-key-exchange"]],
    ["1.0", "EXP-RC4-MD5", ["tls-below-1.2", "export-cipher", "rc4", "md5-mac"]],
    ["1.2", "TLS_KRB5_WITH_IDEA_CBC_MD5", ["md5-mac"]],
    ["1.2", "RC4-MD5", ["rc4", "md5-mac"]],
    ["1.2", "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", ["export-cipher", "single-des"]],
    ["1.2", "RC4-SHA", ["rc4"]],
    ["1.2", "TLS_ECDHE_RSA_WITH_RC4_128_SHA", ["rc4"]],
    ["1.2", "RSA_ARCFOUR_128_SHA1", ["rc4"]],
    ["1.2", "DES-CBC3-SHA", ["3des"]],
    ["1.2", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", ["3des"]],
    ["1.2", "DES-CBC-SHA", ["single-des"]],
    ["1.2", "NULL-SHA256", ["null-cipher"]],
    ["1.2", "ECDHE-RSA-AES256-GCM-SHA384", []],
    ["1.3", "TLS_AES_256_GCM_SHA384", []],
  ] as const)("TLS %s with %s gives %j", (version, cipher, reasons) => {
    expect(weakReasonsFor(version, cipher)).toEqual(reasons);
  });

  // The answer the probe gives too (lib/mail): anonymous key exchange and MD5 MACs are weak.
  it.each([
    ["ADH-AES256-GCM-SHA384", ["anonymous-key-exchange"]],
    ["IDEA-CBC-MD5", ["md5-mac"]],
  ])("reads %s from a Postfix header as weak, as the probe does", (cipher, reasons) => {
    const h = hop(
      `from a.example.com (a.example.com [192.0.2.1]) (using TLSv1.2 with cipher ${cipher} (256/256 bits)) by b.example.net (Postfix) with ESMTPS id X` +
        DATE,
    );
    expect(h).toMatchObject({ tls: "yes", cipher, weak: true, weakReasons: reasons });
    expect(h.weakReasons).toEqual(weakVersionAndCipherReasons(h.tlsVersion, h.cipher));
  });

  it("flags a weak hop end to end with its reasons", () => {
    const h = hop(
      "from a.example.com (a.example.com [192.0.2.1]) (using TLSv1 with cipher ADH-DES-CBC3-SHA (168/168 bits)) by b.example.net (Postfix) with ESMTPS id X" +
        DATE,
    );
    expect(h).toMatchObject({
      tls: "yes",
      weak: true,
      weakReasons: ["tls-below-1.2", "anonymous-key-exchange", "3des"],
    });
  });
});

describe("clauses", () => {
  it("keeps the first word of from/by and all words of with/via/for", () => {
    const h = hop(
      "from mail.example.com (198.51.100.90) by mx.example.net (192.0.2.1) with Microsoft SMTP Server id 15.20.1 via Frontend Transport for <a@example.net>" +
        DATE,
    );
    expect(h).toMatchObject({
      from: "mail.example.com",
      by: "mx.example.net",
      with: "Microsoft SMTP Server",
      id: "15.20.1",
      via: "Frontend Transport",
      for: "<a@example.net>",
    });
  });

  it("keeps comments in order, decoding RFC 2047 words in them", () => {
    const h = hop(
      "from a.example.jp (=?UTF-8?B?5L2Q6Jek?= [192.0.2.1]) by b.example.jp (Postfix) with ESMTPS id X" + DATE,
    );
    expect(h.comments).toEqual(["佐藤 [192.0.2.1]", "Postfix"]);
  });

  it("reads folded fields as written and unfolds comments for display", () => {
    const analysis = analyzeReceivedHeaders(
      "Received: from a.example.com (a.example.com [192.0.2.1])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519)\r\n\tby b.example.net (Postfix) with ESMTPS id X;\r\n\tTue, 14 Feb 2023 13:14:51 +0900\r\n",
    );
    const h = analysis.hops[0];
    expect(h?.raw).toContain("\r\n\tby b.example.net");
    expect(h?.comments[1]).toBe(
      "using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\t key-exchange X25519",
    );
    expect(h).toMatchObject({ tls: "yes", tlsVersion: "1.3", date: "2023-02-14T13:14:51+09:00" });
  });

  it("reads the date even when an unclosed comment swallowed the separator", () => {
    const h = hop("from a.example.com (unclosed by b.example.net with ESMTP id X; Tue, 14 Feb 2023 13:14:51 +0900");
    expect(h.date).toBe("2023-02-14T13:14:51+09:00");
  });

  it("analyzes a field whose name has obsolete space before the colon", () => {
    const analysis = analyzeReceivedHeaders(
      "Received : from a.example.com ([192.0.2.1]) by b.example.net with ESMTPS id X" + DATE,
    );
    expect(analysis.hops).toHaveLength(1);
  });
});
