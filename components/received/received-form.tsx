"use client";

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ReceivedReport } from "@/components/received/received-report";
import { format } from "@/lib/i18n/format";
import { ReceivedTextProvider, type ReceivedText } from "@/components/received/received-text";
import { formatNumber, type Locale } from "@/lib/i18n/locales";
// types only: the parser and the samples stay on the server
import type { ReceivedState } from "@/lib/received/form";
import type { SampleId } from "@/lib/received/samples";

type ReceivedFormProps = {
  locale: Locale;
  // the analyzer's strings in the page's language (the dictionary stays on the server)
  text: ReceivedText;
  action: (previous: ReceivedState, formData: FormData) => Promise<ReceivedState>;
  samples: ReadonlyArray<{ id: SampleId; name: string }>;
  maxLength: number;
};

// A plain form posting to a server action: without JavaScript the page reloads with the result;
// with it, the result replaces the old one in place. Both read the same returned state.
const INITIAL: ReceivedState = { status: "idle" };
const subscribeToNothing = () => () => {};
const isBrowser = () => true;
const isServer = () => false;

export function ReceivedForm({ locale, text, action, samples, maxLength }: ReceivedFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const t = text;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // What was last submitted with the script running: the action does not send it back, and the
  // form is reset to its defaultValue once the action finishes.
  const [submitted, setSubmitted] = useState("");
  // false in the server render and during hydration, true once the script runs in the browser
  const enhanced = useSyncExternalStore(subscribeToNothing, isBrowser, isServer);
  const input = (state.status === "idle" ? null : state.input) ?? submitted;
  const sample = state.status === "done" ? state.sample : null;
  const error = state.status === "error" ? state.error : null;

  // Moves focus to what changed, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (state.status === "done") headingRef.current?.focus();
    else if (state.status === "error") textareaRef.current?.focus();
  }, [state]);

  return (
    <ReceivedTextProvider value={text}>
      <form
        action={formAction}
        onSubmit={() => setSubmitted(textareaRef.current?.value ?? "")}
        className="received-form"
        noValidate
      >
        <input type="hidden" name="enhanced" value={enhanced ? "1" : ""} />
        <div className="received-form__field">
          <label htmlFor="received-headers">{t.form.label}</label>
          <p id="received-headers-hint" className="hint">
            {t.form.hint}
          </p>
          <textarea
            ref={textareaRef}
            id="received-headers"
            name="headers"
            rows={14}
            maxLength={maxLength}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            required
            defaultValue={input}
            aria-describedby={error ? "received-headers-hint received-error" : "received-headers-hint"}
            aria-invalid={error ? true : undefined}
          />
        </div>
        {error ? (
          <p id="received-error" className="received-error" role="alert">
            {format(t.errors[error], {
              size: state.status === "error" && state.bytes !== null ? formatNumber(locale, state.bytes) : "?",
            })}
          </p>
        ) : null}
        <div className="received-form__actions">
          <button type="submit" name="intent" value="paste" className="button" disabled={pending}>
            {t.form.submit}
          </button>
          <span className="received-form__status" role="status">
            {pending ? t.form.pending : null}
          </span>
        </div>
        <fieldset className="received-samples">
          <legend>{t.samples.legend}</legend>
          <div className="received-samples__row">
            <label htmlFor="received-sample">{t.samples.label}</label>
            <select
              id="received-sample"
              name="sample"
              defaultValue={sample ?? samples[0]?.id}
              aria-describedby="received-sample-hint"
            >
              {samples.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <button type="submit" name="intent" value="sample" className="button button--secondary" disabled={pending}>
              {t.samples.submit}
            </button>
          </div>
          <p id="received-sample-hint" className="hint">
            {t.samples.hint}
          </p>
        </fieldset>
      </form>
      {state.status === "done" ? (
        <ReceivedReport
          locale={locale}
          result={state.result}
          sampleName={state.sample ? (samples.find((s) => s.id === state.sample)?.name ?? null) : null}
          headingRef={headingRef}
        />
      ) : null}
    </ReceivedTextProvider>
  );
}
