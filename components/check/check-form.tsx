"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { CheckReportView } from "@/components/check/check-report";
import { CHECK_RATE_LIMIT } from "@/lib/check/rate-limit";
import { RESULT_FRAGMENT } from "@/lib/check/url";
import type { CheckState } from "@/lib/check/types";
import { format } from "@/lib/i18n/format";
import { checkMessages } from "@/lib/i18n/messages/check";
import type { Locale } from "@/lib/i18n/locales";

type CheckFormProps = {
  locale: Locale;
  action: (previous: CheckState, formData: FormData) => Promise<CheckState>;
  // the domain of the result the page shows (?domain=), prefilled so "check again" is one press
  initialDomain: string;
  // the stored result for initialDomain, replaced by a result that came back in place
  children?: ReactNode;
};

const INITIAL: CheckState = { status: "idle" };

// A plain form posting to a server action: without JavaScript the browser follows the action's
// redirect to the result's own URL; with it, the same happens in place and the button shows the
// check is running. Only failures that are not stored (bad input, the rate limit, our own
// outage) come back as state.
export function CheckForm({ locale, action, initialDomain, children }: CheckFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const t = checkMessages[locale];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const domain = state.status === "idle" ? initialDomain : state.domain;
  const invalid = state.status === "invalid";

  // Moves focus to the new result so keyboard and screen-reader users land on it, whether it came
  // back as state or as the page the action redirected to.
  useEffect(() => {
    if (state.status === "done") headingRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (window.location.hash !== `#${RESULT_FRAGMENT}`) return;
    document.getElementById("check-result-heading")?.focus();
    // the address to copy and share is the result's, without the one-time fragment
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  }, []);

  return (
    <>
      <form id="check-form" action={formAction} className="check-form" noValidate>
        <input type="hidden" name="locale" value={locale} />
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
          {state.scope === "client"
            ? format(t.errors.rateLimited, { limit: CHECK_RATE_LIMIT.limit, seconds: state.retryAfterSeconds })
            : format(state.scope === "domain" ? t.errors.domainRateLimited : t.errors.busy, {
                domain: state.domain,
                seconds: state.retryAfterSeconds,
              })}
        </p>
      ) : null}
      {state.status === "failed" ? (
        <p className="form-error" role="alert">
          {format(t.errors.failed, { domain: state.domain })}
        </p>
      ) : null}
      {state.status === "done" ? (
        <CheckReportView locale={locale} report={state.report} headingRef={headingRef} />
      ) : (
        children
      )}
    </>
  );
}
