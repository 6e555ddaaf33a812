import type { ArticleLibraryInput } from "@/lib/articles/library";
import type { PropertyRecord } from "@/lib/schemas/data";

// Small in-memory article sets for the validator: one property, one glossary term, one article
// in both languages. Tests change one thing and look for the one problem it causes.

export const PROPERTIES: PropertyRecord[] = [
  {
    key: "smtps",
    category: "send",
    appliesTo: "both",
    article: "implicit-tls",
    ja: { label: "SMTP over SSL (465番)", short: "SMTPS" },
    en: { label: "SMTP over SSL (port 465)", short: "SMTPS" },
  },
];

export const GLOSSARY = [
  {
    key: "tls",
    article: "implicit-tls",
    ja: { term: "TLS", reading: "ティーエルエス", definition: "通信を暗号化するプロトコルです。" },
    en: { term: "TLS", definition: "The protocol that encrypts the connection." },
  },
];

export function articleText(fields: Record<string, string> = {}, body = "## Intro\n\nUses [[tls]].\n"): string {
  const front = {
    slug: "implicit-tls",
    locale: "ja",
    title: "暗黙的 TLS",
    description: "接続した瞬間から暗号化する方式の説明です。",
    lastReviewed: "2026-11-27",
    order: "1",
    properties: "[smtps]",
    ...fields,
  };
  const lines = Object.entries(front).map(([k, v]) => `${k}: ${v}`);
  return [
    "---",
    ...lines,
    "sources:",
    '  - title: "RFC 8314"',
    "    url: https://www.rfc-editor.org/rfc/rfc8314",
    "---",
    "",
    body,
  ].join("\n");
}

export function input(overrides: Partial<ArticleLibraryInput> = {}): ArticleLibraryInput {
  return {
    files: [
      { file: "data/articles/implicit-tls.ja.md", text: articleText() },
      {
        file: "data/articles/implicit-tls.en.md",
        text: articleText({ locale: "en", title: "Implicit TLS", description: "Encrypted from the first byte." }),
      },
    ],
    glossary: { file: "data/glossary.json", json: GLOSSARY },
    properties: { file: "data/properties.json", records: PROPERTIES },
    ...overrides,
  };
}
