import { describe, expect, it } from "vitest";
import { mapProvider, type DataProblem } from "@/lib/ispdb/map";
import { parseIspdbXml } from "@/lib/ispdb/parse";
import { transportPropertyKey } from "@/lib/mail";

type Socket = "SSL" | "STARTTLS" | "plain";

function server(
  kind: "incoming" | "outgoing",
  type: string,
  host: string,
  port: number,
  socket: Socket,
  auth: string[] = ["password-cleartext"],
): string {
  const tag = `${kind}Server`;
  const methods = auth.map((a) => `<authentication>${a}</authentication>`).join("");
  return `<${tag} type="${type}"><hostname>${host}</hostname><port>${port}</port><socketType>${socket}</socketType>${methods}<username>%EMAILADDRESS%</username></${tag}>`;
}
const incoming = (type: "imap" | "pop3" | "exchange", host: string, port: number, socket: Socket, auth?: string[]) =>
  server("incoming", type, host, port, socket, auth);
const smtp = (host: string, port: number, socket: Socket, auth?: string[]) =>
  server("outgoing", "smtp", host, port, socket, auth);

function mapXml(...servers: string[]) {
  const xml = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="example.com"><domain>example.com</domain><displayName>Example</displayName>${servers.join("")}</emailProvider></clientConfig>`;
  return mapProvider(parseIspdbXml(xml, "example.com.xml"), { file: "example.com.xml" });
}

const values = (m: ReturnType<typeof mapXml>) => Object.fromEntries(m.claims.map((c) => [c.property, c.value]));
const codes = (problems: DataProblem[]) => problems.map((p) => `${p.severity} ${p.code} | ${p.entry} | ${p.message}`);

describe("mapProvider: what an entry proves", () => {
  it("maps each socket type of each protocol onto its property", () => {
    const m = mapXml(
      incoming("pop3", "pop.example.com", 995, "SSL"),
      incoming("pop3", "pop.example.com", 110, "STARTTLS"),
      incoming("imap", "imap.example.com", 993, "SSL"),
      incoming("imap", "imap.example.com", 143, "STARTTLS"),
      smtp("smtp.example.com", 465, "SSL", ["OAuth2"]),
      smtp("smtp.example.com", 587, "STARTTLS", ["NTLM"]),
      smtp("mx.example.com", 25, "STARTTLS", ["GSSAPI"]),
    );
    expect(values(m)).toEqual({
      pop3s: "yes",
      imaps: "yes",
      "pop3-stls": "yes",
      "imap-starttls": "yes",
      smtps: "yes",
      "submission-starttls": "yes",
      "smtp-starttls": "yes",
      "smtp-auth": "yes",
    });
    expect(m.problems).toEqual([]);
    expect(
      m.endpoints.map(
        (e) => `${e.direction} ${e.protocol} ${e.host}:${e.port} ${e.security} ${e.authMethods.join(",")}`,
      ),
    ).toEqual([
      "incoming pop3 pop.example.com:995 tls password-cleartext",
      "incoming pop3 pop.example.com:110 starttls password-cleartext",
      "incoming imap imap.example.com:993 tls password-cleartext",
      "incoming imap imap.example.com:143 starttls password-cleartext",
      "outgoing smtp smtp.example.com:465 tls OAuth2",
      "outgoing smtp smtp.example.com:587 starttls NTLM",
      "outgoing smtp mx.example.com:25 starttls GSSAPI",
    ]);
  });

  it("leaves unknown what no entry speaks to, and never says no", () => {
    const m = mapXml(
      incoming("imap", "imap.example.com", 993, "SSL"),
      smtp("smtp.example.com", 587, "plain", ["client-IP-address"]),
    );
    expect(values(m)).toEqual({ imaps: "yes" });
    expect(m.claims.every((c) => c.value === "yes" || c.value === "partial")).toBe(true);
  });

  it("counts only login methods as SMTP AUTH, and smtp-after-pop as POP before SMTP", () => {
    expect(values(mapXml(smtp("s.example.com", 465, "SSL", ["none", "client-IP-address", "TLS-client-cert"])))).toEqual(
      { smtps: "yes" },
    );
    expect(values(mapXml(smtp("s.example.com", 465, "SSL", ["smtp-after-pop"])))).toEqual({
      smtps: "yes",
      "pop-before-smtp": "yes",
    });
    expect(values(mapXml(smtp("s.example.com", 465, "SSL", ["password-cleartext"])))["smtp-auth"]).toBe("yes");
  });

  it("SMTP STARTTLS on a documented alternative submission port is submission STARTTLS, as in the probe", () => {
    const m = mapXml(smtp("s.example.com", 2525, "STARTTLS"));
    expect(values(m)).toEqual({ "submission-starttls": "yes", "smtp-auth": "yes" });
    expect(m.claims[0]?.details.rule).toBe("STARTTLS on SMTP port 2525");
    // the same answer lib/mail gives the probe
    expect(transportPropertyKey({ protocol: "smtp", security: "starttls", port: 2525 })).toBe("submission-starttls");
    expect(codes(m.problems)).toEqual([
      "warning unusual-port | outgoing smtp s.example.com:2525 STARTTLS | SMTP on port 2525, an alternative submission (STARTTLS) port, not a port registered for SMTP",
    ]);
  });

  it("SMTP STARTTLS on an unknown port is submission too (only 25 relays), and the port is unusual", () => {
    const m = mapXml(smtp("s.example.com", 8025, "STARTTLS"));
    expect(values(m)).toEqual({ "submission-starttls": "yes", "smtp-auth": "yes" });
    expect(codes(m.problems)).toEqual([
      "warning unusual-port | outgoing smtp s.example.com:8025 STARTTLS | SMTP on port 8025, not a port registered for SMTP",
    ]);
  });

  it("never calls an alternative port a contradiction, nor another protocol's port", () => {
    const m = mapXml(smtp("s.example.com", 2525, "SSL"), incoming("imap", "i.example.com", 2525, "SSL"));
    expect(values(m)).toEqual({ smtps: "yes", imaps: "yes", "smtp-auth": "yes" });
    expect(codes(m.problems)).toEqual([
      "warning unusual-port | incoming imap i.example.com:2525 SSL | IMAP on port 2525, not a port registered for IMAP",
      "warning unusual-port | outgoing smtp s.example.com:2525 SSL | SMTP on port 2525, an alternative submission (STARTTLS) port, not a port registered for SMTP",
    ]);
  });

  it("reads password-encrypted as CRAM-MD5 on IMAP and SMTP, and as APOP-or-CRAM-MD5 on POP3", () => {
    expect(values(mapXml(incoming("imap", "i.example.com", 993, "SSL", ["password-encrypted"])))).toEqual({
      imaps: "yes",
      "cram-md5": "yes",
    });
    const pop = mapXml(incoming("pop3", "p.example.com", 110, "plain", ["password-encrypted"]));
    expect(values(pop)).toEqual({ apop: "partial", "cram-md5": "partial" });
    expect(pop.claims.find((c) => c.property === "apop")?.note).toBe(
      "ISPDB: incoming pop3 p.example.com:110 plain with password-encrypted, which on POP3 means APOP or CRAM-MD5; the ISPDB does not say which",
    );
    // A plain socket with a challenge-response login is not a cleartext password.
    expect(pop.problems).toEqual([]);
    // A definite CRAM-MD5 from SMTP outranks the POP3 maybe; APOP stays a maybe.
    const both = mapXml(
      incoming("pop3", "p.example.com", 110, "plain", ["password-encrypted"]),
      smtp("s.example.com", 587, "STARTTLS", ["password-encrypted"]),
    );
    expect(values(both)).toEqual({
      apop: "partial",
      "cram-md5": "yes",
      "submission-starttls": "yes",
      "smtp-auth": "yes",
    });
    expect(both.claims.find((c) => c.property === "cram-md5")?.details.entries.map((e) => e.type)).toEqual(["smtp"]);
  });

  it("notes the entries a claim came from, with the entries as details", () => {
    const m = mapXml(
      incoming("imap", "imap.example.com", 993, "SSL", ["OAuth2", "password-cleartext"]),
      incoming("imap", "imap2.example.com", 993, "SSL"),
    );
    expect(m.claims).toEqual([
      {
        property: "imaps",
        value: "yes",
        note: "ISPDB: incoming imap imap.example.com:993 SSL; incoming imap imap2.example.com:993 SSL",
        details: {
          source: "thunderbird-ispdb",
          file: "example.com.xml",
          providerId: "example.com",
          rule: "SSL on IMAP",
          entries: [
            {
              direction: "incoming",
              type: "imap",
              hostname: "imap.example.com",
              port: 993,
              socketType: "SSL",
              authentication: ["OAuth2", "password-cleartext"],
              username: "%EMAILADDRESS%",
            },
            {
              direction: "incoming",
              type: "imap",
              hostname: "imap2.example.com",
              port: 993,
              socketType: "SSL",
              authentication: ["password-cleartext"],
              username: "%EMAILADDRESS%",
            },
          ],
        },
      },
    ]);
    const smtpAuth = mapXml(smtp("smtp.example.com", 465, "SSL", ["OAuth2", "password-cleartext"])).claims.find(
      (c) => c.property === "smtp-auth",
    );
    expect(smtpAuth?.note).toBe("ISPDB: outgoing smtp smtp.example.com:465 SSL with OAuth2, password-cleartext");
  });

  it("leaves Exchange entries unmapped and says so", () => {
    const m = mapXml(
      incoming("exchange", "outlook.example.com", 443, "SSL", ["OAuth2"]),
      smtp("smtp.example.com", 587, "STARTTLS", ["OAuth2"]),
    );
    expect(m.unmapped).toEqual(["incoming exchange outlook.example.com:443 SSL"]);
    expect(m.endpoints.map((e) => e.protocol)).toEqual(["smtp"]);
    expect(m.problems).toEqual([]);
  });
});

describe("mapProvider: self-contradicting records", () => {
  it("reports a server on another protocol's port, and imports it as stated", () => {
    const m = mapXml(
      incoming("pop3", "pop3s.example.com", 993, "SSL"),
      incoming("imap", "imap.example.com", 995, "SSL"),
      incoming("imap", "imap.example.com", 587, "STARTTLS"),
      incoming("pop3", "pop.example.com", 465, "STARTTLS"),
      smtp("smtp.example.com", 993, "SSL"),
      smtp("smtp.example.com", 995, "SSL"),
    );
    expect(codes(m.problems)).toEqual([
      "error port-of-other-protocol | incoming pop3 pop3s.example.com:993 SSL | POP3 server on port 993, the IMAPS port",
      "error port-of-other-protocol | incoming imap imap.example.com:995 SSL | IMAP server on port 995, the POP3S port",
      "error port-of-other-protocol | incoming imap imap.example.com:587 STARTTLS | IMAP server on port 587, the submission (STARTTLS) port",
      "error port-of-other-protocol | incoming pop3 pop.example.com:465 STARTTLS | POP3 server on port 465, the SMTPS (implicit TLS submission) port",
      "error port-of-other-protocol | outgoing smtp smtp.example.com:993 SSL | SMTP server on port 993, the IMAPS port",
      "error port-of-other-protocol | outgoing smtp smtp.example.com:995 SSL | SMTP server on port 995, the POP3S port",
    ]);
    expect(values(m)).toEqual({
      pop3s: "yes",
      imaps: "yes",
      "imap-starttls": "yes",
      "pop3-stls": "yes",
      smtps: "yes",
      "smtp-auth": "yes",
    });
    expect(m.endpoints).toHaveLength(6);
  });

  it("reports a TLS mode that contradicts the port", () => {
    const m = mapXml(
      smtp("smtp.example.com", 587, "SSL"),
      smtp("smtp.example.com", 465, "STARTTLS"),
      incoming("imap", "imap.example.com", 143, "SSL"),
      incoming("pop3", "pop.example.com", 995, "plain", ["password-encrypted"]),
    );
    expect(codes(m.problems)).toEqual([
      "error tls-mode-contradicts-port | incoming imap imap.example.com:143 SSL | IMAP marked SSL (implicit TLS) on port 143, the IMAP port",
      "error tls-mode-contradicts-port | incoming pop3 pop.example.com:995 plain | POP3 marked plain on port 995, the POP3S port, where TLS starts before any command",
      "error tls-mode-contradicts-port | outgoing smtp smtp.example.com:587 SSL | SMTP marked SSL (implicit TLS) on port 587, the submission (STARTTLS) port",
      "error tls-mode-contradicts-port | outgoing smtp smtp.example.com:465 STARTTLS | SMTP marked STARTTLS on port 465, the SMTPS (implicit TLS submission) port, where TLS starts before any command",
    ]);
    // As stated: SSL on 587 is still "SMTP over SSL"; STARTTLS on 465 is neither 587 nor 25.
    expect(values(m)).toEqual({
      imaps: "yes",
      smtps: "yes",
      "smtp-auth": "yes",
      apop: "partial",
      "cram-md5": "partial",
    });
  });

  it("warns about cleartext passwords on plain sockets", () => {
    const m = mapXml(incoming("pop3", "pop.example.com", 110, "plain"), smtp("smtp.example.com", 25, "plain"));
    expect(codes(m.problems)).toEqual([
      "warning cleartext-password-without-tls | incoming pop3 pop.example.com:110 plain | POP3 sends the password in cleartext over an unencrypted connection",
      "warning cleartext-password-without-tls | outgoing smtp smtp.example.com:25 plain | SMTP sends the password in cleartext over an unencrypted connection",
    ]);
    expect(m.problems.every((p) => p.severity === "warning")).toBe(true);
    expect(values(m)).toEqual({ "smtp-auth": "yes" });
  });

  it("reports duplicate and conflicting entries, keeping one endpoint per server and port", () => {
    const m = mapXml(
      incoming("imap", "imap.example.com", 993, "SSL"),
      incoming("imap", "IMAP.example.com", 993, "SSL"),
      smtp("smtp.example.com", 587, "STARTTLS"),
      smtp("smtp.example.com", 587, "plain"),
    );
    expect(codes(m.problems)).toEqual([
      "error duplicate-entry | incoming imap IMAP.example.com:993 SSL | listed twice; stored once",
      "warning cleartext-password-without-tls | outgoing smtp smtp.example.com:587 plain | SMTP sends the password in cleartext over an unencrypted connection",
      'error conflicting-entries | outgoing smtp smtp.example.com:587 plain | same server and port as "outgoing smtp smtp.example.com:587 STARTTLS" with other settings; the first is stored as the endpoint',
    ]);
    expect(m.endpoints.map((e) => `${e.protocol}:${e.port}:${e.security}`)).toEqual([
      "imap:993:tls",
      "smtp:587:starttls",
    ]);
  });

  it("warns about authentication values Thunderbird does not know", () => {
    const m = mapXml(smtp("smtp.example.com", 465, "SSL", ["password-clear"]));
    expect(codes(m.problems)).toEqual([
      'warning unknown-authentication | outgoing smtp smtp.example.com:465 SSL | authentication "password-clear" is not a value Thunderbird knows',
    ]);
    expect(values(m)).toEqual({ smtps: "yes" });
  });
});
