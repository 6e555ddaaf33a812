"use client";

import { useActionState, useEffect, useRef } from "react";
import { CheckReportView } from "@/components/check/check-report";
import { CHECK_RATE_LIMIT } from "@/lib/check/rate-limit";
import type { CheckState } from "@/lib/check/types";
import { format } from "@/lib/i18n/format";
import { checkMessages } from "@/lib/i18n/messages/check";
import type { Locale } from "@/lib/i18n/locales";

type CheckFormProps = { locale: Locale; action: (previous: CheckState, formData: FormData) => Promise<CheckState> };

const INITIAL: CheckState = { status: "idle" };

// A plain form posting to a server action: without JavaScript the page reloads with the result;
// with it, the result replaces the old one in place and the button shows the check is running.
export function CheckForm({ locale, action }: CheckFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const t = checkMessages[locale];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const domain = state.status === "idle" ? "" : state.domain;
  const invalid = state.status === "invalid";

  // Moves focus to the new result so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (state.status === "done") headingRef.current?.focus();
  }, [state]);

  return (
    <>
      <form action={formAction} className="check-form" noValidate>
        <div className="check-form__field">
          <label htmlFor="check-domain">{t.form.label}</label>
          <input
            id="check-domain"
            name="domain"
            type="text"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={320}
            defaultValue={domain}
            aria-describedby={invalid ? "check-domain-hint check-error" : "check-domain-hint"}
            aria-invalid={invalid || undefined}
          />
          <p id="check-domain-hint" className="hint">
            {t.form.hint}
          </p>
        </div>
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {t.form.submit}
        </button>
      </form>
      <div className="check-status" role="status" aria-live="polite">
        {pending ? <p>{t.form.pending}</p> : null}
      </div>
      {state.status === "invalid" ? (
        <p id="check-error" className="form-error" role="alert">
          {format(t.errors.invalid, { domain: state.domain })}
        </p>
      ) : null}
      {state.status === "rate-limited" ? (
        <p className="form-error" role="alert" data-rate-limited>
          {format(t.errors.rateLimited, { limit: CHECK_RATE_LIMIT.limit, seconds: state.retryAfterSeconds })}
        </p>
      ) : null}
      {state.status === "failed" ? (
        <p className="form-error" role="alert">
          {format(t.errors.failed, { domain: state.domain })}
        </p>
      ) : null}
      {state.status === "done" ? (
        <CheckReportView locale={locale} report={state.report} headingRef={headingRef} />
      ) : null}
    </>
  );
}
