import { describe, expect, it } from "vitest";
import {
  MAIL_PORTS,
  MAIL_PROTOCOLS,
  mailPort,
  REGISTERED_MAIL_PORTS,
  registeredMailPort,
  standardPort,
} from "@/lib/mail";

describe("the mail port table", () => {
  it("holds the registered ports with their protocol and TLS mode (RFC 8314, RFC 6409)", () => {
    expect(REGISTERED_MAIL_PORTS.map((p) => `${p.port} ${p.protocol} ${p.security} ${p.serviceName}`)).toEqual([
      "465 smtp tls smtps",
      "587 smtp starttls submission",
      "25 smtp starttls smtp",
      "995 pop3 tls pop3s",
      "110 pop3 starttls pop3",
      "993 imap tls imaps",
      "143 imap starttls imap",
    ]);
  });

  it("tells SMTP relay from submission", () => {
    expect(mailPort(25)?.use).toBe("relay");
    expect(mailPort(587)?.use).toBe("submission");
    expect(mailPort(465)?.use).toBe("submission");
    expect(mailPort(993)?.use).toBeNull();
  });

  it("knows documented submission alternatives without calling them registered", () => {
    for (const port of [2525, 2587]) {
      expect(mailPort(port)).toMatchObject({ protocol: "smtp", security: "starttls", use: "submission" });
      expect(registeredMailPort(port)).toBeUndefined();
    }
    expect(mailPort(2465)).toMatchObject({ protocol: "smtp", security: "tls", use: "submission", serviceName: null });
    expect(registeredMailPort(587)?.name).toBe("the submission (STARTTLS) port");
  });

  it("does not know other ports", () => {
    expect(mailPort(8025)).toBeUndefined();
    expect(registeredMailPort(80)).toBeUndefined();
  });

  it("lists each port and each service name once", () => {
    expect(new Set(MAIL_PORTS.map((p) => p.port)).size).toBe(MAIL_PORTS.length);
    const names = REGISTERED_MAIL_PORTS.map((p) => p.serviceName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("gives each protocol one registered port per TLS mode, submission for SMTP", () => {
    expect(MAIL_PROTOCOLS.map((p) => [p, standardPort(p, "tls"), standardPort(p, "starttls")])).toEqual([
      ["smtp", 465, 587],
      ["pop3", 995, 110],
      ["imap", 993, 143],
    ]);
  });
});
