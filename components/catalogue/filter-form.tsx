"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type FormEvent } from "react";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import {
  KIND_FILTERS,
  MAX_QUERY_LENGTH,
  PAGE_SIZES,
  SEGMENT_FILTERS,
  SORTS,
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
};

const CATEGORY_ORDER = ["receive", "send", "auth"] as const;
const TYPING_DELAY_MS = 300;

// A plain GET form: without JavaScript the browser submits it and the server renders the
// result. With JavaScript every change navigates at once (a history entry per click, so Back
// undoes it); the URL stays the only state.
export function FilterForm({ locale, action, filters, properties }: FilterFormProps) {
  const t = catalogueMessages[locale];
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const knownKeys = properties.map((p) => p.key);

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
  }, [filters]);

  useEffect(() => () => clearTimeout(typingTimer.current), []);

  function navigate(mode: "push" | "replace") {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string") params.append(key, value);
    // Any change of filter starts again at page 1.
    const next = parseCatalogueFilters(params, knownKeys);
    const href = `${pathname}${toQueryString({ ...next, page: 1 })}`;
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
              onChange={() => navigate("push")}
            />
            {t.segments[segment]}
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor="filter-kind">{t.catalogue.kind}</label>
        <select id="filter-kind" name="kind" defaultValue={filters.kind} onChange={() => navigate("push")}>
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
                    onChange={() => navigate("push")}
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
        <select id="filter-sort" name="sort" defaultValue={filters.sort} onChange={() => navigate("push")}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t.sorts[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor="filter-per">{t.catalogue.perPage}</label>
        <select id="filter-per" name="per" defaultValue={String(filters.per)} onChange={() => navigate("push")}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>

      <div className="filters__actions">
        <button type="submit" className="button">
          {t.catalogue.apply}
        </button>
        <a href={action} className="button button--secondary">
          {t.catalogue.reset}
        </a>
      </div>
      <p className="filters__status" role="status" aria-live="polite">
        {pending ? t.catalogue.updating : ""}
      </p>
    </form>
  );
}
