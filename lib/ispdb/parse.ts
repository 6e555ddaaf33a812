import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";
import {
  hostnameSchema,
  INCOMING_SERVER_TYPES,
  IspdbParseError,
  portSchema,
  socketTypeSchema,
  webServiceTypeSchema,
  type IspdbParseIssue,
  type IspdbParseResult,
  type IspdbProvider,
} from "@/lib/ispdb/types";
import { formatIssuePath } from "@/lib/schemas/issue-path";
import {
  MAX_HOST_LENGTH,
  MAX_KEY_LENGTH,
  MAX_LIST,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from "@/lib/schemas/limits";

// Elements that may repeat. Listing them by path keeps a single occurrence an array too, and
// keeps same-named elements elsewhere (webMail's <username>) out of it.
const ARRAY_PATHS = new Set(
  [
    "emailProvider.domain",
    "emailProvider.incomingServer",
    "emailProvider.incomingServer.authentication",
    "emailProvider.outgoingServer",
    "emailProvider.outgoingServer.authentication",
    "emailProvider.documentation",
    "emailProvider.documentation.descr",
  ].map((p) => `clientConfig.${p}`),
);

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// The parser's own entity handling is off; this one pass decodes only the five predefined
// entities and character references, so nothing a document declares can expand, and "&amp;#38;"
// stays the literal text "&#38;" instead of being decoded twice.
function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (!ref.startsWith("#")) return XML_ENTITIES[ref] ?? whole;
    const codePoint =
      ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
    return valid ? String.fromCodePoint(codePoint) : whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Values stay strings until zod checks them: "1e3" or "0x3E1" must not become a port silently.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: false,
  tagValueProcessor: (_name, value) => decodeXmlEntities(value),
  attributeValueProcessor: (_name, value) => decodeXmlEntities(value),
  isArray: (_name, jPath) => ARRAY_PATHS.has(String(jPath)),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// "is missing" reads better in a report than zod's "expected string, received undefined".
const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? "is missing" : undefined) };

// An element with attributes arrives as { "@_x": …, "#text": … }; one without, as a plain string.
// No element's text may run past MAX_TEXT_LENGTH; names are held shorter.
const elementTextSchema = z.preprocess(
  (v) => (isRecord(v) && "#text" in v ? v["#text"] : v),
  z
    .string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be text, not nested elements") })
    .trim(),
);
const atMost = (n: number) => z.string().max(n, `must be at most ${n} characters`);
const textSchema = elementTextSchema.pipe(atMost(MAX_TEXT_LENGTH));
const nonEmptyTextSchema = textSchema.pipe(z.string().min(1, "must not be empty"));
const nameSchema = elementTextSchema.pipe(z.string().min(1, "must not be empty")).pipe(atMost(MAX_NAME_LENGTH));
const urlSchema = z.url().max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`);
const attributeSchema = z.string(required).trim().pipe(atMost(MAX_KEY_LENGTH));

const authenticationListSchema = z.array(nonEmptyTextSchema).max(20).default([]);

const hostServerFields = {
  hostname: textSchema.pipe(hostnameSchema),
  port: textSchema
    .pipe(z.string().regex(/^\d{1,5}$/, "must be a port number"))
    .transform(Number)
    .pipe(portSchema),
  socketType: textSchema.pipe(socketTypeSchema),
  authentication: authenticationListSchema,
  username: textSchema.optional(),
  restriction: textSchema.optional(),
};

const webServiceRawSchema = z.object({
  "@_type": webServiceTypeSchema,
  url: textSchema.pipe(urlSchema),
  authentication: authenticationListSchema,
  username: textSchema.optional(),
});

const incomingServerRawSchema = z.discriminatedUnion("@_type", [
  z.object({ "@_type": z.enum(INCOMING_SERVER_TYPES), ...hostServerFields }),
  webServiceRawSchema,
]);

const outgoingServerRawSchema = z.object({ "@_type": z.literal("smtp"), ...hostServerFields });

const descrSchema = z.preprocess(
  (v) => (typeof v === "string" ? { "#text": v } : v),
  z.object({
    "@_lang": attributeSchema.optional(),
    "#text": atMost(MAX_TEXT_LENGTH).default(""),
  }),
);

const documentationRawSchema = z.object({
  "@_url": z.string(required).trim().pipe(urlSchema),
  descr: z.array(descrSchema).max(50).default([]),
});

const emailProviderRawSchema = z
  .object({
    "@_id": attributeSchema.pipe(z.string().min(1, "must not be empty")),
    domain: z
      .array(nonEmptyTextSchema.pipe(atMost(MAX_HOST_LENGTH)), required)
      .min(1, "at least one <domain> is required")
      .max(MAX_LIST, `at most ${MAX_LIST} <domain> elements`),
    displayName: nameSchema,
    displayShortName: nameSchema.optional(),
    incomingServer: z.array(incomingServerRawSchema).max(100).default([]),
    outgoingServer: z.array(outgoingServerRawSchema).max(100).default([]),
    documentation: z.array(documentationRawSchema).max(50).default([]),
  })
  .refine((p) => p.incomingServer.length + p.outgoingServer.length > 0, {
    message: "lists no <incomingServer> and no <outgoingServer>",
    path: ["incomingServer"],
  });

const oauth2RawSchema = z.object({ issuer: nonEmptyTextSchema.pipe(atMost(MAX_HOST_LENGTH)) });

const documentRawSchema = z.object({
  clientConfig: z.object(
    // a malformed <oAuth2> block costs the file its OAuth2 statement, not its servers
    { emailProvider: emailProviderRawSchema, oAuth2: oauth2RawSchema.optional().catch(undefined) },
    { error: "not a <clientConfig> with an <emailProvider>" },
  ),
});

type EmailProviderRaw = z.infer<typeof emailProviderRawSchema>;

function toProvider(raw: EmailProviderRaw): IspdbProvider {
  const provider: IspdbProvider = {
    id: raw["@_id"],
    domains: raw.domain,
    displayName: raw.displayName,
    incoming: [],
    outgoing: [],
    webServices: [],
    documentation: raw.documentation.map((d) => ({
      url: d["@_url"],
      descr: d.descr.map((x) => ({ ...(x["@_lang"] ? { lang: x["@_lang"] } : {}), text: x["#text"] })),
    })),
  };
  if (raw.displayShortName) provider.shortName = raw.displayShortName;
  for (const s of raw.incomingServer) {
    if ("url" in s) {
      provider.webServices.push({
        type: s["@_type"],
        url: s.url,
        authentication: s.authentication,
        ...optional("username", s.username),
      });
    } else {
      provider.incoming.push(toServer(s));
    }
  }
  provider.outgoing = raw.outgoingServer.map(toServer);
  return provider;
}

type HostServerRaw =
  Extract<z.infer<typeof incomingServerRawSchema>, { hostname: string }> | z.infer<typeof outgoingServerRawSchema>;

function toServer(s: HostServerRaw): IspdbProvider["incoming"][number] {
  return {
    type: s["@_type"],
    hostname: s.hostname,
    port: s.port,
    socketType: s.socketType,
    authentication: s.authentication,
    ...optional("username", s.username),
    ...optional("restriction", s.restriction),
  };
}

// An absent element stays an absent key (not `undefined`), so stored JSON shows what the file says.
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function formatField(path: readonly PropertyKey[]): string {
  const segments = path[0] === "clientConfig" ? path.slice(1) : path;
  // the XML parser's attribute prefix, shown as XPath writes attributes
  const named = segments.map((s) => (typeof s === "string" ? s.replace(/^@_/, "@") : s));
  return formatIssuePath(named, "clientConfig");
}

function failure(file: string, issues: IspdbParseIssue[]): IspdbParseResult {
  return { ok: false, error: new IspdbParseError(file, issues) };
}

// Never throws: every way a document can be wrong becomes an IspdbParseError naming the file and
// the field, so one bad file cannot stop an import of many.
export function safeParseIspdbXml(xml: string, file: string): IspdbParseResult {
  const text = xml.replace(/^\uFEFF/, "");
  // A clientConfig has no DTD. Refusing any DOCTYPE rules out entity-expansion tricks
  // ("billion laughs", external entities) before the parser sees the document.
  if (/<!DOCTYPE/i.test(text)) {
    return failure(file, [{ field: "(document)", message: "DOCTYPE declarations are not allowed in a clientConfig" }]);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return failure(file, [
      {
        field: "(document)",
        message: `not well-formed XML at line ${line}, column ${col}: ${msg.replace(/\s+/g, " ")}`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = parser.parse(text);
  } catch (error) {
    return failure(file, [{ field: "(document)", message: `cannot parse XML: ${(error as Error).message}` }]);
  }
  const result = documentRawSchema.safeParse(json);
  if (!result.success) {
    return failure(
      file,
      result.error.issues.map((issue) => ({ field: formatField(issue.path), message: issue.message })),
    );
  }
  const provider = toProvider(result.data.clientConfig.emailProvider);
  const issuer = result.data.clientConfig.oAuth2?.issuer;
  if (issuer) provider.oauth2Issuer = issuer;
  return { ok: true, provider };
}

export function parseIspdbXml(xml: string, file: string): IspdbProvider {
  const result = safeParseIspdbXml(xml, file);
  if (!result.ok) throw result.error;
  return result.provider;
}
