import { describe, expect, it } from "vitest";
import { EndpointSecurity, MailProtocol } from "@/lib/generated/prisma/enums";
import { MAIL_PROTOCOLS, TRANSPORT_SECURITIES } from "@/lib/mail";

// The database's enums and lib/mail's lists name the same things; a value added to one alone
// would either be refused on write or never produced.
describe("lib/mail and the database agree", () => {
  it("on mail protocols and transport security", () => {
    expect([...MAIL_PROTOCOLS].sort()).toEqual(Object.values(MailProtocol).sort());
    expect([...TRANSPORT_SECURITIES].sort()).toEqual(Object.values(EndpointSecurity).sort());
  });
});
