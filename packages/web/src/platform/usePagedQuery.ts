// A paged list's state: its filters, the page (back to 1 whenever a filter changes), the query of one
// page of an endpoint that answers { items, total }, and the table's pagination with the total shown.
import { type QueryKey, useQuery } from '@tanstack/react-query';
import type { AnyEndpoint, QueryOf, ResponseOf } from '@xiezuo/shared/contracts/endpoint';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { callAny } from '../app/api';

/** The filters of a paged endpoint: its query without page and pageSize. */
export type FiltersOf<E> = Omit<NonNullable<QueryOf<E>>, 'page' | 'pageSize'>;
/** The rows of a paged endpoint's answer. */
export type RowOf<E> = ResponseOf<E> extends { items: (infer R)[] } ? R : never;

export interface PagedQuery<Row> {
  items: Row[] | undefined;
  total: number | undefined;
  isLoading: boolean;
  refetch(): unknown;
  page: number;
  setPage(page: number): void;
  pagination: TablePaginationConfig;
}

/**
 * One page of `endpoint` for the given filters: `usePagedQuery(registryApi.units, { key: ['registry', 'units'], filters })`.
 * The query key is `[...key, query]`, so invalidating `key` (or its first part) refreshes the list.
 */
export function usePagedQuery<E extends AnyEndpoint>(
  endpoint: E,
  options: { key: QueryKey; filters: FiltersOf<E>; pageSize?: number },
): PagedQuery<RowOf<E>> {
  const { t } = useTranslation();
  const pageSize = options.pageSize ?? 20;
  const filters = options.filters as Record<string, unknown>;
  // the page belongs to the filters it was chosen for: other filters start again at page 1
  const signature = JSON.stringify(filters);
  const [chosen, setChosen] = useState({ signature, page: 1 });
  if (chosen.signature !== signature) setChosen({ signature, page: 1 }); // (React's pattern for state derived from props)
  const page = chosen.signature === signature ? chosen.page : 1;
  const query = { ...filters, page, pageSize };
  const result = useQuery({
    queryKey: [...options.key, query],
    queryFn: () => callAny(endpoint, { query }) as Promise<{ items: RowOf<E>[]; total: number }>,
  });
  const setPage = (next: number) => setChosen({ signature, page: next });
  return {
    items: result.data?.items,
    total: result.data?.total,
    isLoading: result.isLoading,
    refetch: result.refetch,
    page,
    setPage,
    pagination: paginationOf(t, page, pageSize, result.data?.total, setPage),
  };
}

/** The table's pager: the page, its size, the total (共 N 条) and what a click does. */
function paginationOf(
  t: (k: string, o: { count: number }) => string,
  current: number,
  pageSize: number,
  total: number | undefined,
  onChange: (page: number) => void,
): TablePaginationConfig {
  return { current, pageSize, total, showSizeChanger: false, onChange, showTotal: (n) => t('common.total', { count: n }) };
}

/** Filters kept in the page's state; `set` changes some of them. */
export function useFilters<F extends object>(initial: F): [F, (patch: Partial<F>) => void] {
  const [filters, setFilters] = useState(initial);
  return [filters, (patch) => setFilters((current) => ({ ...current, ...patch }))];
}

/** Filters kept in the URL's query string (so other pages can link to a filtered list); empty values are removed. */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (patch: Partial<Record<K, string | number | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.flatMap((k) => (params.get(k) != null ? [[k, params.get(k)]] : []))) as Partial<
    Record<K, string>
  >;
  const set = (patch: Partial<Record<K, string | number | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  return [filters, set];
}

/**
 * A list the server answers whole (a few dozen rows: a year's agreements, the frameworks, the cycles) as a PagedQuery
 * for ListPage, paged here: `useWholeList(useQuery({ queryKey, queryFn }))`.
 */
export function useWholeList<Row>(result: { data?: Row[]; isLoading: boolean; refetch(): unknown }, pageSize = 20): PagedQuery<Row> {
  const { t } = useTranslation();
  const [chosen, setPage] = useState(1);
  const total = result.data?.length;
  const page = Math.min(chosen, Math.max(1, Math.ceil((total ?? 0) / pageSize))); // fewer rows now: the last page there is
  return {
    items: result.data?.slice((page - 1) * pageSize, page * pageSize),
    total,
    isLoading: result.isLoading,
    refetch: result.refetch,
    page,
    setPage,
    pagination: paginationOf(t, page, pageSize, total, setPage),
  };
}
