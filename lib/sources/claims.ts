import { transportPropertyKey, type LoginPropertyKey, type MailPropertyKey } from "@/lib/mail";
import { describeSetting, type Setting, type SourceRecord } from "@/lib/sources/record";

// What a list of settings proves about a service's properties, whoever listed them (a dataset or
// a provider's documentation). A setting proves what it configures and nothing more: a property
// no setting speaks to stays unknown, since these sources list what a client should use, not
// everything a server offers.
//   a transport → its property through lib/mail (implicit TLS → pop3s/imaps/smtps, STARTTLS →
//     pop3-stls/imap-starttls, SMTP STARTTLS on a submission port → submission-starttls, on 25 →
//     smtp-starttls; no TLS → nothing)
//   SMTP with a login → smtp-auth; with smtp-after-pop → pop-before-smtp
//   password-encrypted on IMAP or SMTP → cram-md5 (Thunderbird's meaning); on POP3 → apop and
//     cram-md5 "partial", since there it means one of the two without saying which
// Warnings travel with the claim: SMTP AUTH whose only settings send the password without TLS.

export type ClaimWarning = "password-without-tls" | "only-unencrypted-settings";

export type DerivedClaim = {
  property: MailPropertyKey;
  value: "yes" | "partial";
  // the settings that prove it, as a reader finds them in the source
  settings: string[];
  warnings: ClaimWarning[];
};

const LOGIN_METHODS = new Set(["password-cleartext", "password-encrypted", "oauth2", "ntlm", "gssapi"]);
const PASSWORD_IN_CLEAR = new Set(["password-cleartext", "ntlm"]);
const RANK = { partial: 1, yes: 2 } as const;

// logsInByDefault: the dataset's clients log in with the account's password when the record
// names no method (FairEmail, MailCore2, nodemailer, Delta Chat), where ISPDB always names it.
export function claimsFromSettings(settings: readonly Setting[], logsInByDefault: boolean): DerivedClaim[] {
  const found = new Map<MailPropertyKey, { value: "yes" | "partial"; settings: Setting[] }>();
  const add = (property: MailPropertyKey, value: "yes" | "partial", setting: Setting) => {
    const current = found.get(property);
    if (!current || RANK[value] > RANK[current.value]) found.set(property, { value, settings: [setting] });
    else if (current.value === value && !current.settings.includes(setting)) current.settings.push(setting);
  };
  const logsIn = (s: Setting) => s.auth.some((a) => LOGIN_METHODS.has(a)) || (s.auth.length === 0 && logsInByDefault);
  for (const s of settings) {
    const transport = transportPropertyKey(s);
    if (transport) add(transport, "yes", s);
    if (s.protocol === "smtp" && logsIn(s)) add("smtp-auth", "yes", s);
    if (s.protocol === "smtp" && s.auth.includes("smtp-after-pop")) add("pop-before-smtp", "yes", s);
    if (s.auth.includes("password-encrypted")) {
      if (s.protocol === "pop3") {
        add("apop", "partial", s);
        add("cram-md5", "partial", s);
      } else {
        add("cram-md5", "yes", s);
      }
    }
  }
  return [...found.entries()].map(([property, { value, settings: proving }]) => {
    const warnings: ClaimWarning[] = [];
    if (property === "smtp-auth" && proving.every((s) => s.security === "none")) {
      const clear = proving.some(
        (s) => s.auth.some((a) => PASSWORD_IN_CLEAR.has(a)) || (s.auth.length === 0 && logsInByDefault),
      );
      warnings.push(clear ? "password-without-tls" : "only-unencrypted-settings");
    }
    return { property, value, settings: proving.map(describeSetting), warnings };
  });
}

// Settings that hand a password to a connection without TLS, whatever property they support:
// a plain POP3 login on 110 is no property's evidence, but a reader must still be told.
export function insecureSettings(settings: readonly Setting[], logsInByDefault: boolean): string[] {
  return settings
    .filter((s) => s.security === "none")
    .filter((s) => s.auth.some((a) => PASSWORD_IN_CLEAR.has(a)) || (s.auth.length === 0 && logsInByDefault))
    .map(describeSetting);
}

export type LoginClaim = {
  property: LoginPropertyKey;
  value: "yes" | "partial";
  // the settings naming OAuth2 (ISPDB); empty when the provider entry as a whole states it
  settings: string[];
};

const DIRECTION = { pop3: "incoming", imap: "incoming", smtp: "outgoing" } as const;

// What one dataset's records for a provider say about signing in. Only a statement counts:
//   OAuth2 named on settings → oauth2 "yes" when it covers every direction the records list,
//     "partial" when only receiving or only sending has it (ISPDB's mail.ru: IMAP and POP3, not
//     SMTP); otherwise an entry marked OAuth2 (FairEmail's oauth, Delta Chat's oauth2
//     authorizers, ISPDB's <oAuth2> block) → "yes"
//   an entry marked appPassword → app-password "yes"
// An entry without the mark (FairEmail's oauth=false means FairEmail has no OAuth2 set up for the
// provider) says nothing about the provider: the property stays unknown, never "no".
export function loginClaims(
  records: readonly Pick<SourceRecord, "oauth2" | "appPassword" | "settings">[],
): LoginClaim[] {
  const claims: LoginClaim[] = [];
  const settings = records.flatMap((r) => r.settings);
  const withOAuth2 = settings.filter((s) => s.auth.includes("oauth2"));
  if (withOAuth2.length > 0) {
    const covered = new Set(withOAuth2.map((s) => DIRECTION[s.protocol]));
    const listed = new Set(settings.map((s) => DIRECTION[s.protocol]));
    const value = [...listed].every((d) => covered.has(d)) ? "yes" : "partial";
    claims.push({ property: "oauth2", value, settings: [...new Set(withOAuth2.map(describeSetting))] });
  } else if (records.some((r) => r.oauth2 === true)) {
    claims.push({ property: "oauth2", value: "yes", settings: [] });
  }
  if (records.some((r) => r.appPassword === true))
    claims.push({ property: "app-password", value: "yes", settings: [] });
  return claims;
}
