import { describe, expect, it } from "vitest";
import { transportPropertyKey } from "@/lib/mail";
import { claimsFromSettings, insecureSettings, loginClaims, type DerivedClaim } from "@/lib/sources/claims";
import { findingsForSetting, withQualityFindings } from "@/lib/sources/quality";
import { emptyRecord, type AuthMethod, type Finding, type Setting, type SourceRecord } from "@/lib/sources/record";

// What a dataset's settings prove about a provider (lib/sources/claims.ts), and what in them a
// person copying the setting must be warned about (lib/sources/quality.ts). ISPDB names how to
// log in on every server; the other datasets' clients log in with the account's password when a
// record names no method (logsInByDefault).

const ISPDB = false;
const LOGS_IN = true;

function s(
  protocol: Setting["protocol"],
  host: string,
  port: number,
  security: Setting["security"],
  auth: AuthMethod[] = ["password-cleartext"],
): Setting {
  return { protocol, host, port, security, auth };
}

const values = (claims: DerivedClaim[]) => Object.fromEntries(claims.map((c) => [c.property, c.value]));
const claimOf = (claims: DerivedClaim[], property: string) => claims.find((c) => c.property === property);
const lines = (findings: Finding[]) => findings.map((f) => `${f.code} | ${f.setting} | ${f.message}`);
const findingsOf = (settings: Setting[], logsInByDefault = ISPDB) =>
  lines(settings.flatMap((setting) => findingsForSetting(setting, logsInByDefault)));

describe("claimsFromSettings: what a source's settings prove", () => {
  it("maps each TLS mode of each protocol onto its property, SMTP STARTTLS by port", () => {
    const claims = claimsFromSettings(
      [
        s("pop3", "pop.example.jp", 995, "tls"),
        s("pop3", "pop.example.jp", 110, "starttls"),
        s("imap", "imap.example.jp", 993, "tls"),
        s("imap", "imap.example.jp", 143, "starttls"),
        s("smtp", "smtp.example.jp", 465, "tls", ["oauth2"]),
        s("smtp", "smtp.example.jp", 587, "starttls", ["ntlm"]),
        s("smtp", "alt.example.jp", 2525, "starttls", ["gssapi"]),
        s("smtp", "mx.example.jp", 25, "starttls"),
      ],
      ISPDB,
    );
    expect(values(claims)).toEqual({
      pop3s: "yes",
      "pop3-stls": "yes",
      imaps: "yes",
      "imap-starttls": "yes",
      smtps: "yes",
      "submission-starttls": "yes",
      "smtp-starttls": "yes",
      "smtp-auth": "yes",
    });
    // 587 and the documented alternative 2525 are submission; only 25 is the relay port
    expect(claimOf(claims, "submission-starttls")?.settings).toEqual([
      "smtp smtp.example.jp:587 starttls",
      "smtp alt.example.jp:2525 starttls",
    ]);
    expect(claimOf(claims, "smtp-starttls")?.settings).toEqual(["smtp mx.example.jp:25 starttls"]);
    expect(claimOf(claims, "smtp-auth")?.settings).toHaveLength(4);
    expect(claims.every((c) => c.warnings.length === 0)).toBe(true);
    // the same answers lib/mail gives the live probe
    expect(transportPropertyKey({ protocol: "smtp", security: "starttls", port: 2525 })).toBe("submission-starttls");
    expect(transportPropertyKey({ protocol: "smtp", security: "starttls", port: 25 })).toBe("smtp-starttls");
  });

  it("reads SMTP STARTTLS on a port nobody documents as submission: only 25 relays", () => {
    expect(values(claimsFromSettings([s("smtp", "smtp.example.jp", 8025, "starttls")], ISPDB))).toEqual({
      "submission-starttls": "yes",
      "smtp-auth": "yes",
    });
  });

  it("leaves unknown what no setting speaks to, and never says no", () => {
    const claims = claimsFromSettings(
      [
        s("imap", "imap.example.jp", 993, "tls"),
        s("pop3", "pop.example.jp", 110, "none"),
        s("smtp", "smtp.example.jp", 587, "none", ["client-ip"]),
      ],
      ISPDB,
    );
    expect(values(claims)).toEqual({ imaps: "yes" });
    expect(claimsFromSettings([], LOGS_IN)).toEqual([]);
  });

  it("counts only login methods as SMTP AUTH, and smtp-after-pop as POP before SMTP", () => {
    const smtps = (auth: AuthMethod[]) =>
      values(claimsFromSettings([s("smtp", "s.example.jp", 465, "tls", auth)], ISPDB));
    expect(smtps(["none", "client-ip", "tls-client-cert"])).toEqual({ smtps: "yes" });
    expect(smtps(["smtp-after-pop"])).toEqual({ smtps: "yes", "pop-before-smtp": "yes" });
    for (const login of ["password-cleartext", "oauth2", "ntlm", "gssapi"] as const) {
      expect(smtps([login]), login).toEqual({ smtps: "yes", "smtp-auth": "yes" });
    }
    // POP before SMTP is an SMTP setting's; on POP3 it proves nothing
    expect(values(claimsFromSettings([s("pop3", "p.example.jp", 995, "tls", ["smtp-after-pop"])], ISPDB))).toEqual({
      pop3s: "yes",
    });
  });

  it("reads password-encrypted as CRAM-MD5 on IMAP and SMTP, and as APOP-or-CRAM-MD5 on POP3", () => {
    expect(values(claimsFromSettings([s("imap", "i.example.jp", 993, "tls", ["password-encrypted"])], ISPDB))).toEqual({
      imaps: "yes",
      "cram-md5": "yes",
    });
    expect(
      values(claimsFromSettings([s("smtp", "s.example.jp", 587, "starttls", ["password-encrypted"])], ISPDB)),
    ).toEqual({ "submission-starttls": "yes", "smtp-auth": "yes", "cram-md5": "yes" });
    // On POP3 the ISPDB value means APOP or CRAM-MD5 without saying which: a maybe for each.
    const pop = [s("pop3", "p.example.jp", 110, "none", ["password-encrypted"])];
    expect(values(claimsFromSettings(pop, ISPDB))).toEqual({ apop: "partial", "cram-md5": "partial" });
    // A definite CRAM-MD5 from SMTP outranks the POP3 maybe and alone is cited; APOP stays a maybe.
    const both = claimsFromSettings(
      [...pop, s("smtp", "s.example.jp", 587, "starttls", ["password-encrypted"])],
      ISPDB,
    );
    expect(values(both)).toEqual({
      apop: "partial",
      "cram-md5": "yes",
      "submission-starttls": "yes",
      "smtp-auth": "yes",
    });
    expect(claimOf(both, "cram-md5")?.settings).toEqual(["smtp s.example.jp:587 starttls"]);
  });

  it("makes one claim per property, citing every setting that proves it", () => {
    const claims = claimsFromSettings(
      [
        s("imap", "imap.example.jp", 993, "tls", ["oauth2", "password-cleartext"]),
        s("imap", "imap2.example.jp", 993, "tls"),
      ],
      ISPDB,
    );
    expect(claims).toEqual([
      {
        property: "imaps",
        value: "yes",
        settings: ["imap imap.example.jp:993 tls", "imap imap2.example.jp:993 tls"],
        warnings: [],
      },
    ]);
  });

  it("counts a record that names no login method as SMTP AUTH only where the dataset's clients log in anyway", () => {
    const unnamed = [s("smtp", "smtp.example.jp", 587, "starttls", [])];
    expect(values(claimsFromSettings(unnamed, LOGS_IN))).toEqual({ "submission-starttls": "yes", "smtp-auth": "yes" });
    expect(values(claimsFromSettings(unnamed, ISPDB))).toEqual({ "submission-starttls": "yes" });
  });
});

describe("warnings that travel with a claim", () => {
  it("marks SMTP AUTH whose only settings send the password without TLS", () => {
    const plain = claimsFromSettings([s("smtp", "smtp.example.jp", 25, "none")], ISPDB);
    expect(plain).toEqual([
      {
        property: "smtp-auth",
        value: "yes",
        settings: ["smtp smtp.example.jp:25 none"],
        warnings: ["password-without-tls"],
      },
    ]);
    // the same for a dataset whose clients log in with the password when nothing is named
    expect(claimOf(claimsFromSettings([s("smtp", "smtp.example.jp", 587, "none", [])], LOGS_IN), "smtp-auth")).toEqual(
      expect.objectContaining({ warnings: ["password-without-tls"] }),
    );
  });

  it("drops the warning when one setting for SMTP AUTH uses TLS", () => {
    const claims = claimsFromSettings(
      [s("smtp", "smtp.example.jp", 25, "none"), s("smtp", "smtp.example.jp", 465, "tls")],
      ISPDB,
    );
    expect(claimOf(claims, "smtp-auth")).toEqual({
      property: "smtp-auth",
      value: "yes",
      settings: ["smtp smtp.example.jp:25 none", "smtp smtp.example.jp:465 tls"],
      warnings: [],
    });
  });

  it("tells a challenge-response login without TLS apart from a password sent in clear", () => {
    const claims = claimsFromSettings([s("smtp", "smtp.example.jp", 587, "none", ["password-encrypted"])], ISPDB);
    expect(claimOf(claims, "smtp-auth")?.warnings).toEqual(["only-unencrypted-settings"]);
  });
});

describe("insecureSettings", () => {
  it("lists every setting that hands a password to a connection without TLS, whatever it proves", () => {
    const settings = [
      // a plain POP3 login proves no property, but a reader must still be told
      s("pop3", "pop.example.jp", 110, "none"),
      s("imap", "imap.example.jp", 143, "none", ["ntlm"]),
      s("smtp", "smtp.example.jp", 587, "none", []),
      s("smtp", "smtp.example.jp", 25, "none", ["password-encrypted"]),
      s("smtp", "smtp.example.jp", 465, "tls"),
      s("imap", "imap.example.jp", 143, "starttls"),
    ];
    expect(insecureSettings(settings, ISPDB)).toEqual([
      "pop3 pop.example.jp:110 none",
      "imap imap.example.jp:143 none",
    ]);
    expect(insecureSettings(settings, LOGS_IN)).toEqual([
      "pop3 pop.example.jp:110 none",
      "imap imap.example.jp:143 none",
      "smtp smtp.example.jp:587 none",
    ]);
  });
});

describe("findingsForSetting: settings that contradict the port table", () => {
  it("reports a server on another protocol's port, and its claims stand as stated", () => {
    const settings = [
      s("pop3", "pop3s.example.jp", 993, "tls"),
      s("imap", "imap.example.jp", 995, "tls"),
      s("imap", "imap.example.jp", 587, "starttls"),
      s("pop3", "pop.example.jp", 465, "starttls"),
      s("smtp", "smtp.example.jp", 993, "tls"),
      s("smtp", "smtp.example.jp", 110, "starttls"),
    ];
    expect(findingsOf(settings)).toEqual([
      "port-of-other-protocol | pop3 pop3s.example.jp:993 tls | POP3 server on port 993, the IMAPS port",
      "port-of-other-protocol | imap imap.example.jp:995 tls | IMAP server on port 995, the POP3S port",
      "port-of-other-protocol | imap imap.example.jp:587 starttls | IMAP server on port 587, the submission (STARTTLS) port",
      "port-of-other-protocol | pop3 pop.example.jp:465 starttls | POP3 server on port 465, the SMTPS (implicit TLS submission) port",
      "port-of-other-protocol | smtp smtp.example.jp:993 tls | SMTP server on port 993, the IMAPS port",
      "port-of-other-protocol | smtp smtp.example.jp:110 starttls | SMTP server on port 110, the POP3 port",
    ]);
    // The TLS mode is the property whatever the port; SMTP STARTTLS on POP3's port proves nothing.
    expect(values(claimsFromSettings(settings, ISPDB))).toEqual({
      pop3s: "yes",
      imaps: "yes",
      "imap-starttls": "yes",
      "pop3-stls": "yes",
      smtps: "yes",
      "smtp-auth": "yes",
    });
  });

  it("reports a TLS mode that contradicts the port", () => {
    const settings = [
      s("smtp", "smtp.example.jp", 587, "tls"),
      s("smtp", "smtp.example.jp", 465, "starttls"),
      s("imap", "imap.example.jp", 143, "tls"),
      s("pop3", "pop.example.jp", 995, "none", ["password-encrypted"]),
    ];
    expect(findingsOf(settings)).toEqual([
      "tls-mode-contradicts-port | smtp smtp.example.jp:587 tls | SMTP marked implicit TLS on port 587, the submission (STARTTLS) port",
      "tls-mode-contradicts-port | smtp smtp.example.jp:465 starttls | SMTP marked starttls on port 465, the SMTPS (implicit TLS submission) port, where TLS starts before any command",
      "tls-mode-contradicts-port | imap imap.example.jp:143 tls | IMAP marked implicit TLS on port 143, the IMAP port",
      "tls-mode-contradicts-port | pop3 pop.example.jp:995 none | POP3 marked none on port 995, the POP3S port, where TLS starts before any command",
    ]);
    // As stated: implicit TLS on 587 is still SMTP over SSL; STARTTLS on 465 proves no transport.
    expect(values(claimsFromSettings(settings, ISPDB))).toEqual({
      smtps: "yes",
      "smtp-auth": "yes",
      imaps: "yes",
      apop: "partial",
      "cram-md5": "partial",
    });
  });

  it("calls a port neither registered nor documented for the protocol unusual, and not SMTP's documented alternatives", () => {
    expect(
      findingsOf([
        s("smtp", "smtp.example.jp", 8025, "starttls"),
        s("smtp", "smtp.example.jp", 2525, "starttls"),
        s("smtp", "smtp.example.jp", 2465, "tls"),
        s("imap", "imap.example.jp", 2525, "tls"),
        s("pop3", "pop.example.jp", 1110, "starttls"),
      ]),
    ).toEqual([
      "unusual-port | smtp smtp.example.jp:8025 starttls | SMTP on port 8025, not a port registered or documented for mail",
      "unusual-port | imap imap.example.jp:2525 tls | IMAP on port 2525, not a port registered or documented for IMAP",
      "unusual-port | pop3 pop.example.jp:1110 starttls | POP3 on port 1110, not a port registered or documented for mail",
    ]);
  });

  it("says nothing about a setting that matches its port", () => {
    expect(
      findingsOf([
        s("pop3", "pop.example.jp", 995, "tls"),
        s("pop3", "pop.example.jp", 110, "starttls"),
        s("imap", "imap.example.jp", 993, "tls", ["oauth2"]),
        s("smtp", "smtp.example.jp", 465, "tls"),
        s("smtp", "smtp.example.jp", 587, "starttls"),
        s("smtp", "mx.example.jp", 25, "starttls"),
      ]),
    ).toEqual([]);
  });
});

describe("findingsForSetting: passwords without TLS", () => {
  it("warns where a password goes over a connection without TLS", () => {
    expect(
      findingsOf([
        s("pop3", "pop.example.jp", 110, "none"),
        s("imap", "imap.example.jp", 143, "none", ["ntlm"]),
        s("smtp", "smtp.example.jp", 25, "none"),
      ]),
    ).toEqual([
      "cleartext-password-without-tls | pop3 pop.example.jp:110 none | POP3 sends the password over a connection without TLS",
      "cleartext-password-without-tls | imap imap.example.jp:143 none | IMAP sends the password over a connection without TLS",
      "cleartext-password-without-tls | smtp smtp.example.jp:25 none | SMTP sends the password over a connection without TLS",
    ]);
  });

  it("does not call a challenge-response login or a login-free setting a cleartext password", () => {
    expect(
      findingsOf([
        s("pop3", "pop.example.jp", 110, "none", ["password-encrypted"]),
        s("smtp", "smtp.example.jp", 25, "none", ["client-ip"]),
        s("smtp", "smtp.example.jp", 587, "none", []),
      ]),
    ).toEqual([]);
  });

  it("warns about a setting that names no login method where the dataset's clients send the password anyway", () => {
    expect(findingsOf([s("imap", "imap.example.jp", 143, "none", [])], LOGS_IN)).toEqual([
      "cleartext-password-without-tls | imap imap.example.jp:143 none | IMAP sends the password over a connection without TLS",
    ]);
    expect(findingsOf([s("imap", "imap.example.jp", 143, "none", [])], ISPDB)).toEqual([]);
  });
});

describe("withQualityFindings", () => {
  it("keeps a duplicated setting once, reports it once, and keeps the reader's own findings first", () => {
    const record = emptyRecord("example.jp.xml", "%EMAILDOMAIN%");
    record.findings = [
      {
        code: "placeholder-host",
        setting: "imap imap.%EMAILDOMAIN%:993 tls",
        message: "the server name depends on the user's own mail domain",
      },
    ];
    record.settings = [
      s("imap", "imap.%EMAILDOMAIN%", 993, "tls"),
      s("smtp", "smtp.example.jp", 587, "none"),
      s("imap", "imap.%EMAILDOMAIN%", 993, "tls"),
      s("smtp", "smtp.example.jp", 587, "none"),
      s("smtp", "smtp.example.jp", 587, "starttls"),
    ];
    const checked = withQualityFindings(record, ISPDB);
    expect(checked.settings.map((x) => `${x.protocol}:${x.port}:${x.security}`)).toEqual([
      "imap:993:tls",
      "smtp:587:none",
      "smtp:587:starttls",
    ]);
    expect(lines(checked.findings)).toEqual([
      "placeholder-host | imap imap.%EMAILDOMAIN%:993 tls | the server name depends on the user's own mail domain",
      "cleartext-password-without-tls | smtp smtp.example.jp:587 none | SMTP sends the password over a connection without TLS",
      "duplicate-setting | imap imap.%EMAILDOMAIN%:993 tls | listed twice; kept once",
      "duplicate-setting | smtp smtp.example.jp:587 none | listed twice; kept once",
      "placeholder-name | null | the name is a placeholder",
    ]);
    // the reader's record is left as it was
    expect(record.settings).toHaveLength(5);
    expect(record.findings).toHaveLength(1);
  });

  it("adds nothing to a record whose settings are sound", () => {
    const record = emptyRecord("posteo", "Posteo");
    record.settings = [s("imap", "posteo.de", 993, "tls"), s("smtp", "posteo.de", 465, "tls")];
    expect(withQualityFindings(record, LOGS_IN)).toEqual(record);
  });
});

describe("loginClaims: what a dataset says about signing in", () => {
  const record = (over: Partial<Pick<SourceRecord, "oauth2" | "appPassword" | "settings">>) => ({
    oauth2: null,
    appPassword: null,
    settings: [],
    ...over,
  });

  it("OAuth2 on every direction's settings is yes, with the settings that name it", () => {
    const claims = loginClaims([
      record({
        oauth2: true,
        settings: [
          s("imap", "imap.example.jp", 993, "tls", ["oauth2", "password-cleartext"]),
          s("smtp", "smtp.example.jp", 465, "tls", ["oauth2"]),
        ],
      }),
    ]);
    expect(claims).toEqual([
      {
        property: "oauth2",
        value: "yes",
        settings: ["imap imap.example.jp:993 tls", "smtp smtp.example.jp:465 tls"],
      },
    ]);
  });

  it("OAuth2 on receiving only is partial (ISPDB's mail.ru: IMAP and POP3, not SMTP)", () => {
    const claims = loginClaims([
      record({
        oauth2: true,
        settings: [
          s("imap", "imap.example.jp", 993, "tls", ["oauth2"]),
          s("pop3", "pop.example.jp", 995, "tls", ["oauth2"]),
          s("smtp", "smtp.example.jp", 465, "tls", ["password-cleartext"]),
        ],
      }),
    ]);
    expect(claims).toEqual([
      {
        property: "oauth2",
        value: "partial",
        settings: ["imap imap.example.jp:993 tls", "pop3 pop.example.jp:995 tls"],
      },
    ]);
  });

  it("an entry marked OAuth2 or app password without settings naming it is yes (FairEmail, Delta Chat)", () => {
    const settings = [s("imap", "imap.example.jp", 993, "tls", [])];
    expect(loginClaims([record({ oauth2: true, appPassword: true, settings })])).toEqual([
      { property: "oauth2", value: "yes", settings: [] },
      { property: "app-password", value: "yes", settings: [] },
    ]);
  });

  it("an entry without the marks, or marked false, says nothing: unknown, never no", () => {
    const settings = [s("imap", "imap.example.jp", 993, "tls")];
    expect(loginClaims([record({ settings })])).toEqual([]);
    // FairEmail's oauth=false: FairEmail has no OAuth2 set up for the provider
    expect(loginClaims([record({ oauth2: false, appPassword: false, settings })])).toEqual([]);
    expect(loginClaims([])).toEqual([]);
  });

  it("one of a provider's records stating it is enough", () => {
    const claims = loginClaims([record({}), record({ appPassword: true })]);
    expect(claims.map((c) => [c.property, c.value])).toEqual([["app-password", "yes"]]);
  });
});
