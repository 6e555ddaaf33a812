"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { format } from "@/lib/i18n/format";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import { formatNumber, type Locale } from "@/lib/i18n/locales";
import {
  KIND_FILTERS,
  MAX_QUERY_LENGTH,
  PAGE_SIZES,
  SEGMENT_FILTERS,
  SORTS,
  activeFilterCount,
  parseCatalogueFilters,
  toQueryString,
  type CatalogueFilters,
} from "@/lib/catalogue/filters";

export type FilterProperty = { key: string; category: string; label: string };

type FilterFormProps = {
  locale: Locale;
  action: string;
  filters: CatalogueFilters;
  properties: FilterProperty[];
  // the comparison selection, kept through every filter change as hidden `s` fields
  compare: string[];
  // how many services the current filters match, repeated beside the button
  total: number;
};

const CATEGORY_ORDER = ["receive", "send", "auth"] as const;
const TYPING_DELAY_MS = 300;

// A plain GET form inside a <details> (the "Filters (n)" toggle on narrow screens; CSS keeps it
// open beside the table on wide ones). Without JavaScript the browser submits it and the server
// renders the result. With JavaScript:
// - a ticked feature and typed text update the list in place (history replace: Back leaves the
//   page rather than stepping through every tick);
// - a select or radio never navigates by itself (WCAG 3.2.2: one ArrowDown in a select fires
//   "change"), and neither does leaving it, which would move focus to a reloaded page mid-tab;
//   they apply with the submit button, which pushes a history entry like any submitted search.
//   A note beside the button says so as soon as one of them changes.
export function FilterForm({ locale, action, filters, properties, compare, total }: FilterFormProps) {
  const t = catalogueMessages[locale];
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const knownKeys = properties.map((p) => p.key);
  const [pendingChoice, setPendingChoice] = useState(false);
  const active = activeFilterCount(filters);

  // Back/forward changes the filters under a mounted form; mirror them into the inputs, except
  // the search box while someone is typing in it.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="has"]'))
      box.checked = filters.has.includes(box.value);
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="segment"]'))
      radio.checked = radio.value === filters.segment;
    const kind = form.elements.namedItem("kind");
    if (kind instanceof HTMLSelectElement) kind.value = filters.kind;
    const sort = form.elements.namedItem("sort");
    if (sort instanceof HTMLSelectElement) sort.value = filters.sort;
    const per = form.elements.namedItem("per");
    if (per instanceof HTMLSelectElement) per.value = String(filters.per);
    if (queryRef.current && document.activeElement !== queryRef.current) queryRef.current.value = filters.q;
    setPendingChoice(false);
  }, [filters]);

  // Marks the form as live (its handlers attached), for tests; before that it works as the plain
  // GET form it is. An attribute on the DOM node, not state: nothing renders differently.
  useEffect(() => {
    formRef.current?.setAttribute("data-enhanced", "");
    return () => clearTimeout(typingTimer.current);
  }, []);

  function navigate(mode: "push" | "replace") {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === "string") params.append(key, value);
    // Any change of filter starts again at page 1; the selection (hidden `s` fields) is kept.
    const next = parseCatalogueFilters(params, knownKeys);
    const href = `${pathname}${toQueryString({ ...next, page: 1 }, params.getAll("s"))}`;
    startTransition(() =>
      mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false }),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(typingTimer.current);
    navigate("push");
  }

  function onQueryInput() {
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => navigate("replace"), TYPING_DELAY_MS);
  }

  return (
    <details className="filters-toggle">
      <summary className="filters-toggle__summary" data-active-filters={active}>
        {format(t.catalogue.filtersToggle, { count: formatNumber(locale, active) })}
      </summary>
      <form
        ref={formRef}
        method="get"
        action={action}
        role="search"
        aria-label={t.catalogue.filters}
        className="filters"
        onSubmit={onSubmit}
      >
        <h2 className="filters__title">{t.catalogue.filters}</h2>
        {compare.map((slug) => (
          <input key={slug} type="hidden" name="s" value={slug} />
        ))}
        <div className="field">
          <label htmlFor="filter-q">{t.catalogue.search}</label>
          <input
            ref={queryRef}
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
            {t.catalogue.searchHint}
          </p>
        </div>

        <fieldset className="field">
          <legend>{t.catalogue.segment}</legend>
          {SEGMENT_FILTERS.map((segment) => (
            <label key={segment} className="choice">
              <input
                type="radio"
                name="segment"
                value={segment}
                defaultChecked={filters.segment === segment}
                onChange={() => setPendingChoice(true)}
              />
              {t.segments[segment]}
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor="filter-kind">{t.catalogue.kind}</label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind} onChange={() => setPendingChoice(true)}>
            {KIND_FILTERS.map((kind) => (
              <option key={kind} value={kind}>
                {t.kinds[kind]}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="field">
          <legend>{t.catalogue.require}</legend>
          <p className="hint">{t.catalogue.requireHint}</p>
          {CATEGORY_ORDER.map((category) => {
            const group = properties.filter((p) => p.category === category);
            if (group.length === 0) return null;
            return (
              <fieldset key={category} className="field-group">
                <legend>{t.categories[category]}</legend>
                {group.map((p) => (
                  <label key={p.key} className="choice">
                    <input
                      type="checkbox"
                      name="has"
                      value={p.key}
                      defaultChecked={filters.has.includes(p.key)}
                      onChange={() => navigate("replace")}
                    />
                    {p.label}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </fieldset>

        <div className="field field--inline">
          <label htmlFor="filter-sort">{t.catalogue.sort}</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort} onChange={() => setPendingChoice(true)}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-per">{t.catalogue.perPage}</label>
          <select id="filter-per" name="per" defaultValue={String(filters.per)} onChange={() => setPendingChoice(true)}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>

        <div className="filters__footer">
          <p className="filters__status" role="status" aria-live="polite">
            {pending ? t.catalogue.updating : format(t.catalogue.matching, { total: formatNumber(locale, total) })}
          </p>
          {pendingChoice ? (
            <p className="filters__pending" data-pending-choice>
              {t.catalogue.pendingChange}
            </p>
          ) : null}
          <div className="filters__actions">
            <button type="submit" className="button">
              {t.catalogue.apply}
            </button>
            <a href={`${action}${toQueryString({}, compare)}`} className="button button--secondary">
              {t.catalogue.reset}
            </a>
          </div>
        </div>
      </form>
    </details>
  );
}
