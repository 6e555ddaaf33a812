import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MailDomainReport } from "@/components/check/mail-domain-report";
import type { Locale } from "@/lib/i18n/locales";
import { domainFindings, type DomainPropertyKey } from "@/lib/mx/claims";
import { checkDomainTransport, type DomainCheckOptions } from "@/lib/mx/check-domain";
import { createMxResolver } from "@/lib/mx/dns";
import type { DomainTransportReport } from "@/lib/mx/types";
import { LOOPBACK, startMailDomainServers, type MailDomainServers } from "../servers/mail-domain-setup";

// Issue 14's "Done when" for the check page: each case, checked by the real checkDomainTransport
// against local DNS, HTTPS and SMTP servers, yields the right claim (lib/mx/claims.ts) and the
// right words in both languages in the section the page renders.
//
//   good.test      signed; STARTTLS with a valid certificate; MTA-STS enforce covering the MX;
//                  TLS-RPT; TLSA 3 1 1 of the MX certificate; SPF; DMARC reject
//   nomatch.test   signed; policy (testing) whose mx line names another host; TLSA matching
//                  nothing; no TLS-RPT, SPF or DMARC
//   nopolicy.test  signed; MX without STARTTLS; _mta-sts TXT but the policy is a 404; no TLSA
//   badcert.test   unsigned; policy under a certificate for another name; TLSA present, unsigned
//   blocked.test   signed; port 25 refuses connections (as OP25B looks from here); no MTA-STS;
//                  signed TLSA
//   nomx.test      exists, no MX records;  nullmx.test  a null MX (RFC 7505)

let servers: MailDomainServers;

beforeAll(async () => {
  servers = await startMailDomainServers({
    mxNames: ["mx.good.test", "mx.nomatch.test", "mx.unsigned.test"],
    plainHosts: ["mx.plain.test"],
    blockedHosts: ["mx.blocked.test"],
    wrongCertificateHosts: ["mta-sts.badcert.test"],
    policies: {
      "mta-sts.good.test": {
        status: 200,
        body: "version: STSv1\r\nmode: enforce\r\nmx: *.good.test\r\nmax_age: 604800\r\n",
      },
      "mta-sts.nomatch.test": {
        status: 200,
        body: "version: STSv1\nmode: testing\nmx: mail.elsewhere.test\nmax_age: 86400\n",
      },
      "mta-sts.nopolicy.test": { status: 404, body: "not found" },
      "mta-sts.badcert.test": {
        status: 200,
        body: "version: STSv1\r\nmode: enforce\r\nmx: *.unsigned.test\r\nmax_age: 86400\r\n",
      },
    },
    zone: ({ mxSpki }) => {
      const sts = (id: string, signed = true) => ({ txt: [`v=STSv1; id=${id}`], signed });
      const tlsa = (data: string, signed = true) => ({ tlsa: [{ usage: 3, selector: 1, matching: 1, data }], signed });
      return {
        "": { signed: true },
        "good.test": { mx: [{ exchange: "mx.good.test", priority: 10 }], txt: ["v=spf1 mx -all"], signed: true },
        "_mta-sts.good.test": sts("20261205a"),
        "_smtp._tls.good.test": { txt: ["v=TLSRPTv1; rua=mailto:tls-reports@good.test"], signed: true },
        "_dmarc.good.test": { txt: ["v=DMARC1; p=reject; rua=mailto:dmarc@good.test"], signed: true },
        "_25._tcp.mx.good.test": tlsa(mxSpki),
        "nomatch.test": { mx: [{ exchange: "mx.nomatch.test", priority: 10 }], signed: true },
        "_mta-sts.nomatch.test": sts("1"),
        "_25._tcp.mx.nomatch.test": tlsa("00".repeat(32)),
        "nopolicy.test": { mx: [{ exchange: "mx.plain.test", priority: 5 }], signed: true },
        "_mta-sts.nopolicy.test": sts("2"),
        "badcert.test": { mx: [{ exchange: "mx.unsigned.test", priority: 10 }] },
        "_mta-sts.badcert.test": sts("3", false),
        "_25._tcp.mx.unsigned.test": tlsa(mxSpki, false),
        "blocked.test": { mx: [{ exchange: "mx.blocked.test", priority: 10 }], signed: true },
        "_25._tcp.mx.blocked.test": tlsa(mxSpki),
        "nomx.test": { a: ["192.0.2.1"], txt: ["v=spf1 -all"], signed: true },
        "nullmx.test": { mx: [{ exchange: ".", priority: 0 }], txt: ["v=spf1 -all"], signed: true },
      };
    },
  });
});

afterAll(async () => {
  await servers?.close();
});

type Claims = Partial<Record<DomainPropertyKey, string>>;

function claimsOf(report: DomainTransportReport): Claims {
  return Object.fromEntries(domainFindings(report).map((f) => [f.property, f.value]));
}

// The section's text, and each property box's text with its data-claim.
function render(report: DomainTransportReport, locale: Locale) {
  const html = renderToStaticMarkup(createElement(MailDomainReport, { locale, report }));
  const text = (fragment: string) =>
    fragment
      .replace(/<[^>]+>/g, " ")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ");
  const items = new Map<string, { claim: string; text: string }>();
  for (const part of html.split('data-property="').slice(1)) {
    const property = part.slice(0, part.indexOf('"'));
    const claim = /data-claim="([^"]+)"/.exec(part)?.[1] ?? "";
    items.set(property, { claim, text: text(part.split("<h4")[0] ?? part) });
  }
  return { html, all: text(html), items };
}

async function check(domain: string, change: Partial<DomainCheckOptions> = {}) {
  const report = await checkDomainTransport(domain, servers.options(change));
  return { report, claims: claimsOf(report), ja: render(report, "ja"), en: render(report, "en") };
}

function expectItem(rendered: ReturnType<typeof render>, property: DomainPropertyKey, claim: string, words: string[]) {
  const item = rendered.items.get(property);
  expect(item, property).toBeDefined();
  expect(item?.claim).toBe(claim);
  for (const w of words) expect(item?.text, `${property}: ${w}`).toContain(w);
}

describe("the check page's section on how the domain receives mail", () => {
  it("a well-protected domain: STARTTLS, MTA-STS valid, DANE match, TLS-RPT present, all ○", async () => {
    const { claims, ja, en } = await check("good.test");
    expect(claims).toEqual({ "mx-starttls": "yes", "mta-sts": "yes", "tls-rpt": "yes", dane: "yes" });
    expect(ja.all).toContain("このドメインが受け取るメールの保護");
    expect(ja.all).toContain("受信サーバー (MX): mx.good.test");
    expectItem(ja, "mx-starttls", "yes", [
      "○",
      "対応",
      "mx.good.test: STARTTLS に対応 (TLSv1.",
      ")。証明書は有効で、名前も一致しています",
      "証明書は有効で、名前も一致しています",
    ]);
    expectItem(ja, "mta-sts", "yes", [
      "MTA-STS のポリシーが正しく公開され",
      "モード: enforce、有効期間: 604800 秒",
      "途中で暗号化を外す攻撃を防げます",
      "*.good.test",
    ]);
    expectItem(ja, "tls-rpt", "yes", ["TLS-RPT を公開しています", "mailto:tls-reports@good.test"]);
    expectItem(ja, "dane", "yes", ["TLSA レコードが証明書と一致しています (DNSSEC で検証済み)"]);
    expect(ja.all).not.toContain("提供元に尋ねること");
    expect(ja.all).toContain("SPF 公開しています");
    expect(ja.all).toContain("DMARC 公開しています (ポリシー: reject)");
    expect(ja.html).toContain('href="/ja/articles/mx-security"');
    expect(ja.html).not.toContain("/articles/op25b");

    expect(en.all).toContain("How this domain receives mail");
    expectItem(en, "mx-starttls", "yes", ["Supported", "Offers STARTTLS (TLSv1.", "Certificate valid, name matches"]);
    expectItem(en, "mta-sts", "yes", ["mode: enforce, max_age: 604800 seconds", "Mode enforce"]);
    expectItem(en, "tls-rpt", "yes", ["TLS-RPT is published"]);
    expectItem(en, "dane", "yes", ["TLSA records match the certificate (DNSSEC-validated)"]);
    expect(en.all).toContain("DMARC Published (policy: reject)");
    expect(en.html).toContain('href="/en/articles/mx-security"');
  });

  it("MTA-STS whose mx lines miss the real MX is △ and names the host; a mismatching TLSA is ×; no TLS-RPT is ×", async () => {
    const { claims, ja, en } = await check("nomatch.test");
    expect(claims).toEqual({ "mx-starttls": "yes", "mta-sts": "partial", "tls-rpt": "no", dane: "no" });
    expectItem(ja, "mta-sts", "partial", [
      "△",
      "一部対応",
      "その mx 欄に含まれていない受信サーバーがあります: mx.nomatch.test",
      "モード testing",
      "ポリシーの mx 欄: mail.elsewhere.test",
      "ポリシーの mx 欄を実際の受信サーバー (MX) に合わせる",
    ]);
    expectItem(ja, "dane", "no", ["×", "サーバーが示した証明書と一致しません", "TLSA レコードも更新したか"]);
    expectItem(ja, "tls-rpt", "no", [
      "TLS-RPT を公開していません",
      "報告が届きません",
      "_smtp._tls の TXT レコード) を設定できるか",
    ]);
    expect(ja.all).toContain("SPF 公開していません");
    expectItem(en, "mta-sts", "partial", [
      "Partly supported",
      "its mx lines leave out these receiving servers: mx.nomatch.test",
    ]);
    expectItem(en, "dane", "no", ["Not supported", "do not match the certificate the server presented"]);
    expectItem(en, "tls-rpt", "no", ["TLS-RPT is not published", "Ask your provider whether they can publish TLS-RPT"]);
  });

  it("a TXT record without a policy, no STARTTLS on the MX and no TLSA records are ×, each with what to ask", async () => {
    const { claims, ja, en } = await check("nopolicy.test");
    expect(claims).toEqual({ "mx-starttls": "no", "mta-sts": "no", "tls-rpt": "no", dane: "no" });
    expectItem(ja, "mx-starttls", "no", [
      "受信サーバーが STARTTLS を提示しませんでした",
      "mx.plain.test: STARTTLS を提示していません",
      "STARTTLS を使えるようにする予定があるか",
    ]);
    expectItem(ja, "mta-sts", "no", [
      "_mta-sts の TXT レコードはありますが、ポリシーが使えません",
      "https://mta-sts.nopolicy.test/.well-known/mta-sts.txt が見つかりません (HTTP 404)",
    ]);
    expectItem(ja, "dane", "no", ["mx.plain.test: TLSA レコードがありません", "DNSSEC と DANE に対応する予定があるか"]);
    expectItem(en, "mx-starttls", "no", ["did not offer STARTTLS", "mx.plain.test: Does not offer STARTTLS"]);
    expectItem(en, "mta-sts", "no", ["the policy cannot be used", "is not there (HTTP 404)"]);
    expectItem(en, "dane", "no", ["No TLSA records"]);
  });

  it("a policy over an invalid certificate is ×; TLSA present but unsigned is × and says it exists", async () => {
    const { claims, ja, en } = await check("badcert.test");
    expect(claims["mta-sts"]).toBe("no");
    expect(claims.dane).toBe("no");
    expectItem(ja, "mta-sts", "no", [
      "mta-sts.badcert.test の証明書が正しくないため、送信側はポリシーを読めません (ERR_TLS_CERT_ALTNAME_INVALID)",
    ]);
    expectItem(ja, "dane", "no", [
      "TLSA レコードはありますが、DNSSEC で署名されていません",
      "DNSSEC の署名を有効にする予定があるか",
    ]);
    expectItem(en, "mta-sts", "no", ["certificate of the policy server mta-sts.badcert.test is not valid"]);
    expectItem(en, "dane", "no", ["TLSA records exist but are not DNSSEC-signed", "sign the zone with DNSSEC"]);
  });

  it("port 25 unreachable from here is 'could not test' with OP25B explained, never ×; no MTA-STS is ×", async () => {
    const { report, claims, ja, en } = await check("blocked.test");
    expect(report.hosts[0]?.starttls?.reason).toBe("port-25-unreachable");
    expect(claims["mx-starttls"]).toBeUndefined();
    expect(claims.dane).toBeUndefined();
    expect(claims["mta-sts"]).toBe("no");
    expectItem(ja, "mx-starttls", "none", [
      "?",
      "判定しません",
      "ここからは確かめられませんでした。「対応していない」という意味ではありません。",
      "OP25B",
      "外向きの 25 番ポートを塞いでいます",
      "mx.blocked.test: ここからは確かめられませんでした (25 番ポートに接続できません",
    ]);
    expect(ja.items.get("mx-starttls")?.text).not.toMatch(/非対応|提示しませんでした/);
    expect(ja.html).toContain('href="/ja/articles/op25b"');
    expect(en.html).toContain('href="/en/articles/op25b"');
    expectItem(ja, "dane", "none", ["照らし合わせる証明書を得られません"]);
    expectItem(ja, "mta-sts", "no", ["MTA-STS を公開していません", "MTA-STS に対応する予定があるか"]);
    expectItem(en, "mx-starttls", "none", [
      "Unknown",
      "Could not test from here. This does not mean “not supported”.",
      "OP25B, Outbound Port 25 Blocking",
    ]);
    expect(en.items.get("mx-starttls")?.text).not.toContain("Not supported");
    expectItem(en, "mta-sts", "no", ["No MTA-STS is published"]);
  });

  it("a deployment that says port 25 is blocked does not try it, and says so", async () => {
    const { claims, ja, en } = await check("good.test", { port25: false });
    expect(claims["mx-starttls"]).toBeUndefined();
    expectItem(ja, "mx-starttls", "none", ["接続を試していません", "この設置先では 25 番ポートを使えません"]);
    expectItem(en, "mx-starttls", "none", ["so no connection was tried"]);
    // MTA-STS and TLS-RPT do not need port 25
    expect(claims["mta-sts"]).toBe("yes");
  });

  it("DANE with a resolver that does not validate is 'could not test from here', not ×", async () => {
    const resolver = createMxResolver({
      server: { host: LOOPBACK, port: servers.dns.port },
      timeoutMs: 2000,
      trustAd: false,
    });
    const { claims, ja, en } = await check("good.test", { resolver });
    expect(claims.dane).toBeUndefined();
    expect(claims["mx-starttls"]).toBe("yes");
    expectItem(ja, "dane", "none", ["DNS リゾルバーが DNSSEC を検証しないため"]);
    expectItem(en, "dane", "none", ["Could not test from here (this site's DNS resolver does not validate DNSSEC"]);
  });

  it("no MX and a null MX give no claims and say why", async () => {
    const none = await check("nomx.test");
    expect(none.claims).toEqual({});
    expect(none.ja.items.size).toBe(0);
    expect(none.ja.html).toContain('data-mx-status="none"');
    expect(none.ja.all).toContain("MX レコードがありません");
    expect(none.en.all).toContain("There are no MX records");
    expect(none.ja.all).toContain("SPF 公開しています");

    const nullMx = await check("nullmx.test");
    expect(nullMx.report.mx.status).toBe("null-mx");
    expect(nullMx.claims).toEqual({});
    expect(nullMx.ja.all).toContain("「メールを受け取らない」と宣言しています (null MX、RFC 7505)");
    expect(nullMx.en.all).toContain("declares that it receives no mail (null MX, RFC 7505)");
  });
});
