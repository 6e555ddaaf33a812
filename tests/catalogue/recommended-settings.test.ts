import { describe, expect, it } from "vitest";
import { displayHost, recommendSettings, type SettingEndpoint } from "@/lib/catalogue/recommended-settings";

const e = (
  protocol: SettingEndpoint["protocol"],
  port: number,
  security: SettingEndpoint["security"],
  kind: SettingEndpoint["source"]["kind"] = "dataset",
  authMethods: string[] = ["password-cleartext"],
): SettingEndpoint => ({
  direction: protocol === "smtp" ? "outgoing" : "incoming",
  protocol,
  host: `${protocol}.example.jp`,
  port,
  security,
  authMethods,
  asOf: "2026-03-12",
  source: { key: kind, kind },
});

describe("recommendSettings", () => {
  it("picks implicit TLS over STARTTLS, IMAP over POP3, and submission over port 25", () => {
    const r = recommendSettings([
      e("pop3", 995, "tls"),
      e("imap", 143, "starttls"),
      e("imap", 993, "tls"),
      e("smtp", 25, "starttls"),
      e("smtp", 587, "starttls"),
    ]);
    expect([r.incoming?.protocol, r.incoming?.port]).toEqual(["imap", 993]);
    expect(r.outgoing?.port).toBe(587);
    expect(recommendSettings([e("smtp", 587, "starttls"), e("smtp", 465, "tls")]).outgoing?.port).toBe(465);
  });

  it("never recommends a cleartext setting, and says what to change it to", () => {
    const plainPop = e("pop3", 110, "none");
    const r = recommendSettings([plainPop, e("pop3", 995, "tls"), e("smtp", 587, "none")]);
    expect(r.incoming?.port).toBe(995);
    expect(r.outgoing).toBeNull();
    expect(r.changes.map((c) => [c.from.port, c.to.port])).toEqual([[110, 995]]);
  });

  it("prefers the provider's own documentation among equally secure settings", () => {
    const r = recommendSettings([e("imap", 993, "tls", "dataset"), e("imap", 993, "tls", "documentation")]);
    expect(r.incoming?.source.kind).toBe("documentation");
  });

  it("lists the unencrypted settings when the sources give nothing else", () => {
    // clio, nifty and hal: the sources list POP3 on 110 and SMTP on 587, both without TLS
    const r = recommendSettings([
      e("pop3", 110, "none"),
      e("smtp", 587, "none", "dataset", ["password-encrypted"]),
      e("pop3", 110, "none", "documentation"),
    ]);
    expect(r.incoming).toBeNull();
    expect(r.outgoing).toBeNull();
    expect(r.unencrypted.map((u) => [u.protocol, u.host, u.port])).toEqual([
      ["pop3", "pop3.example.jp", 110],
      ["smtp", "smtp.example.jp", 587],
    ]);
  });

  it("lists unencrypted settings only for a direction with no secure one", () => {
    const r = recommendSettings([e("pop3", 110, "none"), e("pop3", 995, "tls"), e("smtp", 587, "none")]);
    expect(r.unencrypted.map((u) => [u.protocol, u.port])).toEqual([["smtp", 587]]);
    expect(recommendSettings([]).unencrypted).toEqual([]);
  });

  it("shows the user's own domain where the source has a placeholder", () => {
    expect(displayHost("mail.%EMAILDOMAIN%")).toBe("mail.<domain>");
  });
});
