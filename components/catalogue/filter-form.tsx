"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ChangeEvent, type FocusEvent, type FormEvent } from "react";
import { filtersFromForm, MAX_QUERY_LENGTH, toQueryString, type CatalogueFilters } from "@/lib/catalogue/filter-query";

export type FilterFormText = {
  filters: string;
  search: string;
  searchHint: string;
  segment: string;
  kind: string;
  require: string;
  requireHint: string;
  sort: string;
  perPage: string;
  apply: string;
  reset: string;
  updating: string;
  // "n matching", already filled in
  matching: string;
  pendingChange: string;
};

// [value, label]
export type FilterOption = readonly [string, string];

export type FilterFormProps = {
  action: string;
  filters: CatalogueFilters;
  // the comparison selection, kept through every filter change as hidden `s` fields
  compare: string[];
  // the properties grouped for the fieldsets; read in turn they are the server's property order
  // (data/properties.json lists them by group), which the URL's has= keys follow
  groups: Array<{ label: string; options: FilterOption[] }>;
  segments: FilterOption[];
  kinds: FilterOption[];
  sorts: FilterOption[];
  pageSizes: readonly number[];
  // only the strings this form shows, in the page's language: no dictionary travels to the browser
  text: FilterFormText;
};

const TYPING_DELAY_MS = 300;

// The cached catalogue is a route segment of its own per query (proxy.ts, decision 0008), so each
// filter change mounts a new form. What the person was doing carries over to it in this module's
// memory: focus and the caret stay on the same field, and text typed
// while the list was loading is kept and applied. Only a navigation the form started sets it.
type Carry = { field: { name: string; value: string } | null; q: string; caret: number | null };
let carry: Carry | null = null;
// Whether the folded panel ("Filters (n)" on a phone) was last left open, so Back and Forward,
// which also mount another form, show it as the person left it.
let panelOpen = false;

function remember(form: HTMLFormElement) {
  const active = document.activeElement;
  const field =
    active instanceof HTMLInputElement || active instanceof HTMLSelectElement || active instanceof HTMLButtonElement
      ? active.form === form
        ? active
        : null
      : null;
  const q = form.elements.namedItem("q");
  carry = {
    field: field ? { name: field.name, value: field.value } : null,
    q: q instanceof HTMLInputElement ? q.value : "",
    caret: field instanceof HTMLInputElement && field.name === "q" ? field.selectionStart : null,
  };
}

// A plain GET form (FilterPanel puts it inside the "Filters (n)" toggle). Without JavaScript the
// browser submits it and the server renders the result. With JavaScript:
// - a ticked feature and typed text update the list in place (history replace: Back leaves the
//   page rather than stepping through every tick);
// - a select or radio never navigates by itself (WCAG 3.2.2: one ArrowDown in a select fires
//   "change"), and neither does leaving it, which would move focus to a reloaded page mid-tab;
//   they apply with the submit button, which pushes a history entry like any submitted search.
//   A note beside the button says so as soon as one of them changes.
export function FilterForm(props: FilterFormProps) {
  const { action, filters, compare, text } = props;
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pendingChoice, setPendingChoice] = useState(false);
  const mounted = useRef(false);

  // Back/forward changes the filters under a mounted form; mirror them into the inputs, except
  // the search box while someone is typing in it.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="has"]'))
      box.checked = filters.has.includes(box.value);
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="segment"]'))
      radio.checked = radio.value === filters.segment;
    for (const [name, value] of [
      ["kind", filters.kind],
      ["sort", filters.sort],
      ["per", String(filters.per)],
    ] as const) {
      const select = form.elements.namedItem(name);
      if (select instanceof HTMLSelectElement) select.value = value;
    }
    const q = form.elements.namedItem("q");
    if (q instanceof HTMLInputElement && document.activeElement !== q) q.value = filters.q;
    setPendingChoice(false);
    // The same form got the new filters (no remount): nothing is left to take over. On the first
    // run, the effect below has still to read it.
    if (mounted.current) carry = null;
    mounted.current = true;
  }, [filters]);

  // Marks the form as live (its handlers attached), for tests; before that it works as the plain
  // GET form it is. An attribute on the DOM node, not state: nothing renders differently.
  useEffect(() => {
    const form = formRef.current;
    form?.setAttribute("data-enhanced", "");
    const details = form?.closest("details");
    if (details && panelOpen) details.open = true;
    const onToggle = () => {
      panelOpen = details?.open ?? false;
    };
    details?.addEventListener("toggle", onToggle);
    const carried = carry;
    carry = null;
    if (form && carried) {
      const q = form.elements.namedItem("q");
      const typedMore = q instanceof HTMLInputElement && q.value !== carried.q;
      if (q instanceof HTMLInputElement) q.value = carried.q;
      const field = carried.field
        ? [...form.elements].find(
            (e): e is HTMLInputElement | HTMLSelectElement | HTMLButtonElement =>
              (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLButtonElement) &&
              e.name === carried.field?.name &&
              (e.type !== "checkbox" && e.type !== "radio" ? true : e.value === carried.field.value),
          )
        : undefined;
      field?.focus({ preventScroll: true });
      if (field instanceof HTMLInputElement && carried.caret !== null)
        field.setSelectionRange(carried.caret, carried.caret);
      if (typedMore) typingTimer.current = setTimeout(() => navigate("replace"), TYPING_DELAY_MS);
    }
    return () => {
      clearTimeout(typingTimer.current);
      details?.removeEventListener("toggle", onToggle);
    };
    // navigate reads only refs and props that a remount renews
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function navigate(mode: "push" | "replace") {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string") params.append(key, value);
    // Any change of filter starts again at page 1; the selection (hidden `s` fields) is kept.
    const href = `${pathname}${toQueryString(
      filtersFromForm(
        params,
        props.groups.flatMap((g) => g.options.map(([key]) => key)),
      ),
      params.getAll("s"),
    )}`;
    remember(form);
    startTransition(() =>
      mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false }),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(typingTimer.current);
    navigate("push");
  }

  // One handler for every field: a feature box applies at once, a choice waits for the button.
  function onChange(event: ChangeEvent<HTMLFormElement>) {
    const field = event.target as unknown as HTMLInputElement | HTMLSelectElement;
    if (field.name === "has") navigate("replace");
    else if (field.name !== "q") setPendingChoice(true);
  }

  // While a change is loading, keep what the next form should take over up to date.
  function onFocus(event: FocusEvent<HTMLFormElement>) {
    const target = event.target as unknown as HTMLInputElement;
    if (carry && target.name) carry.field = { name: target.name, value: target.value };
  }

  function onQueryInput(event: FormEvent<HTMLInputElement>) {
    if (carry) {
      carry.q = event.currentTarget.value;
      carry.caret = event.currentTarget.selectionStart;
    }
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => navigate("replace"), TYPING_DELAY_MS);
  }

  const select = (id: string, name: string, label: string, value: string, options: readonly FilterOption[]) => (
    <div className={name === "kind" ? "field" : "field field--inline"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      ref={formRef}
      method="get"
      action={action}
      role="search"
      aria-label={text.filters}
      className="filters"
      onSubmit={onSubmit}
      onChange={onChange}
      onFocus={onFocus}
    >
      <h2 className="filters__title">{text.filters}</h2>
      {compare.map((slug) => (
        <input key={slug} type="hidden" name="s" value={slug} />
      ))}
      <div className="field">
        <label htmlFor="filter-q">{text.search}</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          maxLength={MAX_QUERY_LENGTH}
          aria-describedby="filter-q-hint"
          onInput={onQueryInput}
          autoComplete="off"
        />
        <p id="filter-q-hint" className="hint">
          {text.searchHint}
        </p>
      </div>

      <fieldset className="field">
        <legend>{text.segment}</legend>
        {props.segments.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="segment" value={value} defaultChecked={filters.segment === value} />
            {label}
          </label>
        ))}
      </fieldset>

      {select("filter-kind", "kind", text.kind, filters.kind, props.kinds)}

      <fieldset className="field">
        <legend>{text.require}</legend>
        <p className="hint">{text.requireHint}</p>
        {props.groups.map((group) => (
          <fieldset key={group.label} className="field-group">
            <legend>{group.label}</legend>
            {group.options.map(([key, label]) => (
              <label key={key}>
                <input type="checkbox" name="has" value={key} defaultChecked={filters.has.includes(key)} />
                {label}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>

      {select("filter-sort", "sort", text.sort, filters.sort, props.sorts)}
      {select(
        "filter-per",
        "per",
        text.perPage,
        String(filters.per),
        props.pageSizes.map((n) => [String(n), String(n)] as const),
      )}

      <div className="filters__footer">
        <p className="filters__status" role="status" aria-live="polite">
          {pending ? text.updating : text.matching}
        </p>
        {pendingChoice ? (
          <p className="filters__pending" data-pending-choice>
            {text.pendingChange}
          </p>
        ) : null}
        <div className="filters__actions">
          <button type="submit" className="button">
            {text.apply}
          </button>
          <a href={`${action}${toQueryString({}, compare)}`} className="button button--secondary">
            {text.reset}
          </a>
        </div>
      </div>
    </form>
  );
}
