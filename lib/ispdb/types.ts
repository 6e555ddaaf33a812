import { z } from "zod";

// The app's own shape of one Thunderbird autoconfig document (clientConfig v1.1). Nothing of the
// XML parser's output leaves lib/ispdb: pages, the importer and the autoconfig lookup see only this.

export const INCOMING_SERVER_TYPES = ["imap", "pop3", "exchange"] as const;
export const OUTGOING_SERVER_TYPES = ["smtp"] as const;
export const SERVER_TYPES = [...INCOMING_SERVER_TYPES, ...OUTGOING_SERVER_TYPES] as const;
export const serverTypeSchema = z.enum(SERVER_TYPES);
export type ServerType = z.infer<typeof serverTypeSchema>;

// Exchange Web Services, Outlook Web Access and Microsoft Graph are named by a URL, not by host
// and port, so they are kept apart from the servers a mail client talks a mail protocol to.
export const WEB_SERVICE_TYPES = ["ews", "owa", "graph"] as const;
export const webServiceTypeSchema = z.enum(WEB_SERVICE_TYPES);
export type WebServiceType = z.infer<typeof webServiceTypeSchema>;

// SSL = implicit TLS from the first byte; STARTTLS = upgrade on the cleartext port; plain = none.
export const SOCKET_TYPES = ["SSL", "STARTTLS", "plain"] as const;
export const socketTypeSchema = z.enum(SOCKET_TYPES);
export type SocketType = z.infer<typeof socketTypeSchema>;

// The values Thunderbird understands. Others are kept as stated (the type is string) and the
// importer reports them, because a misspelt method silently means "no method" to Thunderbird.
export const KNOWN_AUTHENTICATIONS = [
  "password-cleartext",
  "password-encrypted",
  "OAuth2",
  "NTLM",
  "GSSAPI",
  "client-IP-address",
  "TLS-client-cert",
  "none",
  "smtp-after-pop",
] as const;

export const hostnameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(253)
  // %EMAILDOMAIN% and friends are allowed: some providers run one server name per customer domain.
  .regex(/^[A-Za-z0-9%_.-]+$/, "must be a host name");

export const portSchema = z.int().min(1).max(65535);

export const serverConfigSchema = z.object({
  type: serverTypeSchema,
  hostname: hostnameSchema,
  port: portSchema,
  socketType: socketTypeSchema,
  authentication: z.array(z.string().min(1)),
  username: z.string().optional(),
  // e.g. "client-IP-address": the server only serves the provider's own network
  restriction: z.string().optional(),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

export const webServiceConfigSchema = z.object({
  type: webServiceTypeSchema,
  url: z.url(),
  authentication: z.array(z.string().min(1)),
  username: z.string().optional(),
});
export type WebServiceConfig = z.infer<typeof webServiceConfigSchema>;

export const documentationSchema = z.object({
  url: z.url(),
  descr: z.array(z.object({ lang: z.string().optional(), text: z.string() })),
});
export type IspdbDocumentation = z.infer<typeof documentationSchema>;

export const ispdbProviderSchema = z.object({
  id: z.string().min(1),
  domains: z.array(z.string().min(1)).min(1),
  displayName: z.string().min(1),
  shortName: z.string().min(1).optional(),
  incoming: z.array(serverConfigSchema),
  outgoing: z.array(serverConfigSchema),
  webServices: z.array(webServiceConfigSchema),
  documentation: z.array(documentationSchema),
  // the <oAuth2> block beside <emailProvider>: the provider's OAuth2 issuer, which tells a client
  // where to sign in; its presence is the file's statement that the provider offers OAuth2
  oauth2Issuer: z.string().min(1).optional(),
});
export type IspdbProvider = z.infer<typeof ispdbProviderSchema>;

// One problem in one file, precise enough to go straight to it: the field is the XML path below
// <clientConfig>, e.g. "emailProvider.incomingServer[1].port".
export type IspdbParseIssue = { field: string; message: string };

export class IspdbParseError extends Error {
  constructor(
    readonly file: string,
    readonly issues: IspdbParseIssue[],
  ) {
    super(`${file}: ` + issues.map((i) => `field ${i.field}: ${i.message}`).join("; "));
    this.name = "IspdbParseError";
  }
}

export type IspdbParseResult = { ok: true; provider: IspdbProvider } | { ok: false; error: IspdbParseError };
