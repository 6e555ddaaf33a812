import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAIL_PROPERTY_KEYS, transportPropertyKey, TRANSPORT_PROPERTY_KEYS, type Transport } from "@/lib/mail";

describe("catalogue property keys", () => {
  it("are catalogue properties, in the catalogue's order", () => {
    const catalogue = (
      JSON.parse(readFileSync(new URL("../../data/properties.json", import.meta.url), "utf8")) as Array<{ key: string }>
    ).map((p) => p.key);
    expect(catalogue.filter((k) => (MAIL_PROPERTY_KEYS as readonly string[]).includes(k))).toEqual([
      ...MAIL_PROPERTY_KEYS,
    ]);
  });

  it("every transport key is reachable from some transport", () => {
    const reached = new Set<string | null>();
    for (const protocol of ["smtp", "pop3", "imap"] as const)
      for (const security of ["tls", "starttls"] as const)
        for (const port of [25, 587]) reached.add(transportPropertyKey({ protocol, security, port }));
    expect([...TRANSPORT_PROPERTY_KEYS].filter((k) => !reached.has(k))).toEqual([]);
  });
});

describe("which property a transport is evidence for", () => {
  it.each<[Transport, string | null]>([
    [{ protocol: "pop3", security: "tls", port: 995 }, "pop3s"],
    [{ protocol: "imap", security: "tls", port: 993 }, "imaps"],
    [{ protocol: "smtp", security: "tls", port: 465 }, "smtps"],
    [{ protocol: "pop3", security: "starttls", port: 110 }, "pop3-stls"],
    [{ protocol: "imap", security: "starttls", port: 143 }, "imap-starttls"],
    [{ protocol: "smtp", security: "starttls", port: 587 }, "submission-starttls"],
    [{ protocol: "smtp", security: "starttls", port: 25 }, "smtp-starttls"],
    // the TLS mode is the property for implicit TLS and for POP3 / IMAP, whatever the port says
    [{ protocol: "smtp", security: "tls", port: 587 }, "smtps"],
    [{ protocol: "smtp", security: "tls", port: 2465 }, "smtps"],
    [{ protocol: "pop3", security: "tls", port: 993 }, "pop3s"],
    [{ protocol: "imap", security: "starttls", port: 1143 }, "imap-starttls"],
    // SMTP STARTTLS: only 25 relays; documented alternatives and unknown ports are submission
    [{ protocol: "smtp", security: "starttls", port: 2525 }, "submission-starttls"],
    [{ protocol: "smtp", security: "starttls", port: 2587 }, "submission-starttls"],
    [{ protocol: "smtp", security: "starttls", port: 8025 }, "submission-starttls"],
    // ...unless the port belongs to implicit TLS or to another protocol
    [{ protocol: "smtp", security: "starttls", port: 465 }, null],
    [{ protocol: "smtp", security: "starttls", port: 2465 }, null],
    [{ protocol: "smtp", security: "starttls", port: 110 }, null],
    [{ protocol: "smtp", security: "starttls", port: 993 }, null],
    // no TLS proves no TLS property
    [{ protocol: "smtp", security: "none", port: 587 }, null],
    [{ protocol: "imap", security: "none", port: 143 }, null],
  ])("%o → %s", (transport, key) => {
    expect(transportPropertyKey(transport)).toBe(key);
  });
});
