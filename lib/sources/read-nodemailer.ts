import { z } from "zod";
import type { ReadResult, RecordError } from "@/lib/sources/read-result";
import { recordErrors } from "@/lib/sources/read-result";
import { normalizeHost, readKeyedJsonFile } from "@/lib/sources/read-result";
import { emptyRecord, type AuthMethod, type SourceRecord } from "@/lib/sources/record";
import { MAX_HOST_LENGTH, MAX_KEY_LENGTH, MAX_LIST, MAX_NAME_LENGTH } from "@/lib/schemas/limits";

// nodemailer's well-known SMTP services (lib/well-known/services.json in the npm package): one
// SMTP host and port per service, `secure` = implicit TLS.

const serviceSchema = z.object({
  description: z.string().min(1).max(MAX_NAME_LENGTH).optional(),
  aliases: z.array(z.string().max(MAX_KEY_LENGTH)).max(100).optional(),
  domains: z.array(z.string().min(1).max(MAX_HOST_LENGTH)).max(MAX_LIST).optional(),
  host: z.string().min(1).max(MAX_HOST_LENGTH).optional(),
  // one entry gives the port as text ("465")
  port: z
    .union([
      z.int(),
      z
        .string()
        .regex(/^\d{1,5}$/)
        .transform(Number),
    ])
    .pipe(z.int().min(1).max(65535))
    .optional(),
  secure: z.boolean().optional(),
  authMethod: z.string().max(40).optional(),
});

const AUTH: Record<string, AuthMethod> = {
  LOGIN: "password-cleartext",
  PLAIN: "password-cleartext",
  "CRAM-MD5": "password-encrypted",
};
// "smtp.gmail.com" → the implicit-TLS port is 465; without `secure`, a client starts in clear
// text and upgrades when the server offers STARTTLS, which nodemailer does by default.
export function nodemailerToRecord(key: string, raw: unknown, file: string): SourceRecord | RecordError[] | null {
  const parsed = serviceSchema.safeParse(raw);
  if (!parsed.success) {
    return recordErrors(parsed.error, file, key);
  }
  const s = parsed.data;
  if (!s.host || !s.port) return null;
  const auth = s.authMethod ? AUTH[s.authMethod.toUpperCase()] : undefined;
  const record = emptyRecord(key, s.description ?? key);
  record.domains = [...new Set((s.domains ?? []).map((d) => d.toLowerCase()))];
  record.settings = [
    {
      protocol: "smtp",
      host: normalizeHost(s.host),
      port: s.port,
      security: s.secure ? "tls" : "starttls",
      auth: auth ? [auth] : [],
    },
  ];
  return record;
}

export function readNodemailerFile(file: string): Promise<ReadResult> {
  return readKeyedJsonFile(file, nodemailerToRecord, "services", {
    field: "host",
    reason: "no SMTP host and port; skipped",
  });
}
