import { z } from "zod";

// The mail-domain checks' own variables (beside CHECK_DNS_SERVER and CHECK_DNS_TIMEOUT_MS, which
// they share with the check page's resolver).
//   MX_PORT25=off         this deployment cannot reach port 25 (most clouds and many ISPs block
//                         it, Japan's OP25B among them): STARTTLS and DANE say "could not test
//                         from here" without trying, instead of after a timeout per MX host
//   MX_DNS_TRUST_AD=1     believe the AD bit of CHECK_DNS_SERVER although it is not on
//                         loopback (a validating resolver on a network path the operator trusts);
//                         0 ignores AD even from loopback. Unset: believed from loopback only.

const onOff = z
  .enum(["on", "off", ""])
  .default("")
  .transform((v) => v !== "off");

const mxEnvSchema = z.object({
  MX_PORT25: onOff,
  MX_DNS_TRUST_AD: z
    .enum(["1", "0", ""])
    .default("")
    .transform((v) => (v === "" ? undefined : v === "1")),
});

export type MxConfig = { port25: boolean; trustAd: boolean | undefined };

export function readMxConfig(source: Record<string, string | undefined> = process.env): MxConfig {
  const parsed = mxEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return { port25: parsed.data.MX_PORT25, trustAd: parsed.data.MX_DNS_TRUST_AD };
}
