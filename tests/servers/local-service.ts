import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { EndpointDirection, EndpointSecurity, MailProtocol } from "@/lib/generated/prisma/enums";
import { buildSearchText } from "@/lib/catalogue/search-text";
import { refreshCurrentClaims } from "@/lib/catalogue/current-claims";
import { PROBE_SOURCE } from "@/lib/probe/store";
import type { SmtpPorts } from "./index";
import type { DovecotPorts } from "./dovecot";

export const LOCAL_SERVICE_SLUG = "local-test-mail";
const COMPANY_SLUG = "local-test";
const FIXTURE_SOURCE = "local-test-fixture";
// The reviewed 2006 page the catalogue grew from; a claim from it is what a probe contradicts.
const PAGE_SOURCE = "hosting-mail-security-2006";

type Ports = {
  smtp: Pick<SmtpPorts, "implicitTls" | "plainOnly">;
  dovecot: (DovecotPorts & { strictHost: string }) | null;
};

// A service whose endpoints are the local test servers: SMTPS that works, a "submission" port
// that never offers STARTTLS (the 2006 page is made to claim it does, so the probe contradicts
// it), and Dovecot's IMAPS, IMAP and POP3 with STARTTLS/STLS. No POP3S endpoint, so the service
// never matches the catalogue's "POP3S and SMTPS" filter that other browser tests count.
export async function insertLocalTestService(db: PrismaClient, ports: Ports): Promise<void> {
  await removeLocalTestService(db);
  await db.$transaction(async (tx) => {
    const fixture = await tx.source.upsert({
      where: { key: FIXTURE_SOURCE },
      create: {
        key: FIXTURE_SOURCE,
        kind: "documentation",
        title: "テスト用の接続先",
        titleEn: "Test endpoints",
        asOf: "2026-01-01",
      },
      update: {},
    });
    const page = await tx.source.upsert({
      where: { key: PAGE_SOURCE },
      create: {
        key: PAGE_SOURCE,
        kind: "page",
        title: "レンタルサーバーのメール送信セキュリティ解説ページ (2006年)",
        asOf: "2006-02",
      },
      update: {},
    });
    const company = await tx.company.create({
      data: { slug: COMPANY_SLUG, name: "ローカル試験", nameEn: "Local test" },
    });
    const service = await tx.service.create({
      data: {
        slug: LOCAL_SERVICE_SLUG,
        companyId: company.id,
        name: "ローカル試験メール",
        nameEn: "Local test mail",
        // origin stays "data" (the default, as for reviewed services): a re-seed would delete the
        // service, but no test seeds while it exists, and the enum has no value for fixtures
        searchText: buildSearchText(["ローカル試験メール", "Local test mail"]),
      },
    });
    const endpoint = (
      direction: EndpointDirection,
      protocol: MailProtocol,
      host: string,
      port: number,
      security: EndpointSecurity,
    ): Prisma.EndpointCreateManyInput => ({
      serviceId: service.id,
      direction,
      protocol,
      host,
      port,
      security,
      authMethods: [],
      sourceId: fixture.id,
      asOf: "2026-01-01",
    });
    const endpoints = [
      endpoint("outgoing", "smtp", "localhost", ports.smtp.implicitTls, "tls"),
      endpoint("outgoing", "smtp", "localhost", ports.smtp.plainOnly, "starttls"),
    ];
    if (ports.dovecot) {
      const d = ports.dovecot;
      endpoints.push(
        endpoint("incoming", "imap", d.strictHost, d.imaps, "tls"),
        endpoint("incoming", "imap", d.strictHost, d.imap, "starttls"),
        endpoint("incoming", "pop3", d.strictHost, d.pop3, "starttls"),
      );
    }
    await tx.endpoint.createMany({ data: endpoints });
    const properties = await tx.property.findMany({ where: { key: { in: ["smtps", "submission-starttls"] } } });
    await tx.claim.createMany({
      data: properties.map((p) => ({
        serviceId: service.id,
        propertyId: p.id,
        sourceId: page.id,
        value: "yes",
        asOf: "2006-02",
      })),
    });
    await refreshCurrentClaims(tx);
  });
}

export async function removeLocalTestService(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.service.deleteMany({ where: { slug: LOCAL_SERVICE_SLUG } });
    await tx.company.deleteMany({ where: { slug: COMPANY_SLUG, services: { none: {} } } });
    // the fixture source, and the probe's own source if this service was all it had evidence for
    await tx.source.deleteMany({
      where: { key: { in: [FIXTURE_SOURCE, PROBE_SOURCE.key] }, claims: { none: {} }, endpoints: { none: {} } },
    });
    await refreshCurrentClaims(tx);
  });
}
