import { FilterForm } from "@/components/catalogue/filter-form";
import {
  activeFilterCount,
  KIND_FILTERS,
  PAGE_SIZES,
  SEGMENT_FILTERS,
  SORTS,
  type CatalogueFilters,
} from "@/lib/catalogue/filter-query";
import { categoryLabel } from "@/lib/catalogue/column-styles";
import { groupProperties, isSummaryGroup } from "@/lib/catalogue/property-groups";
import { format } from "@/lib/i18n/format";
import { propertyLabel } from "@/lib/i18n/labels";
import { formatNumber, type Locale } from "@/lib/i18n/locales";
import { catalogueMessages } from "@/lib/i18n/messages/catalogue";
import type { PropertyInfo } from "@/lib/queries/properties";

type FilterPanelProps = {
  locale: Locale;
  action: string;
  filters: CatalogueFilters;
  properties: PropertyInfo[];
  compare: string[];
  total: number;
};

// The "Filters (n)" toggle (open beside the table on wide screens, folded on narrow ones) and the
// form inside it. The form is a client component; this picks the strings it shows here, so the
// browser gets those and not the catalogue's dictionary.
export function FilterPanel({ locale, action, filters, properties, compare, total }: FilterPanelProps) {
  const t = catalogueMessages[locale];
  const c = t.catalogue;
  const active = activeFilterCount(filters);
  return (
    <details className="filters-toggle">
      <summary className="filters-toggle__summary" data-active-filters={active}>
        {format(c.filtersToggle, { count: formatNumber(locale, active) })}
      </summary>
      <FilterForm
        action={action}
        filters={filters}
        compare={compare}
        groups={groupProperties(properties).map((g) => ({
          label: categoryLabel(locale, g.category),
          // the mail-domain group's full names repeat its title: the short ones (MTA-STS, DANE…)
          // say it, and every catalogue page carries them twice (HTML and RSC)
          options: g.properties.map((p) => [p.key, propertyLabel(p, locale, isSummaryGroup(g.category))] as const),
        }))}
        segments={SEGMENT_FILTERS.map((s) => [s, t.segments[s]] as const)}
        kinds={KIND_FILTERS.map((k) => [k, t.kinds[k]] as const)}
        sorts={SORTS.map((s) => [s, t.sorts[s]] as const)}
        pageSizes={PAGE_SIZES}
        text={{
          filters: c.filters,
          search: c.search,
          searchHint: c.searchHint,
          segment: c.segment,
          kind: c.kind,
          require: c.require,
          requireHint: c.requireHint,
          sort: c.sort,
          perPage: c.perPage,
          apply: c.apply,
          reset: c.reset,
          updating: c.updating,
          matching: format(c.matching, { total: formatNumber(locale, total) }),
          pendingChange: c.pendingChange,
        }}
      />
    </details>
  );
}
