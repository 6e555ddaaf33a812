import { z } from "zod";

// Minimal stand-in until the corrections feature lands: where readers send a correction, from
// CORRECTIONS_CONTACT (an e-mail address, a mailto: link or an http(s) URL). Unset or malformed
// means no contact is shown; pages then say how else to reach the maintainers.
export type CorrectionContact = { kind: "email" | "url"; value: string };

const contactSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/^mailto:/i, ""))
  .pipe(
    z.union([
      z.email().transform((value): CorrectionContact => ({ kind: "email", value })),
      z.url({ protocol: /^https?$/ }).transform((value): CorrectionContact => ({ kind: "url", value })),
    ]),
  );

export function getCorrectionContact(env: Record<string, string | undefined> = process.env): CorrectionContact | null {
  const parsed = contactSchema.safeParse(env.CORRECTIONS_CONTACT ?? "");
  return parsed.success ? parsed.data : null;
}
