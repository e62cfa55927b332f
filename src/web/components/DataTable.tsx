// A server-paged antd Table: keyword search, column filters that become query parameters, and an
// "导出 Excel" button where the list has an export route (issue 11 point 14: the server writes the
// .xlsx from the same list query with the same filters, kernel/office/list-export.ts; never CSV).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Grid, Input, Table, type TableColumnType, type TableProps } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import type { z } from 'zod';
import { call, type Callable, type Query } from '../api/client.ts';
import type { FileRoute } from '../api/download.ts';
import { useI18n } from '../i18n/index.tsx';
import { ExportButton, RefreshButton } from './ListButtons.tsx';

export type DTColumn<T> = TableColumnType<T> & {
  /** With `filters`: the query parameter the chosen filter value is sent as. */
  filterParam?: string;
};

/** A paged list route (`{ items, total }`) without path parameters. */
export type ListSource = Callable & { method: 'GET'; params?: undefined; response: z.ZodType<{ items: object[]; total: number }> };
/** The row type of a list route, from its contract. */
export type RowOf<E extends ListSource> = z.output<E['response']>['items'][number];

export interface DataTableProps<E extends ListSource, T = RowOf<E>> {
  queryKey: string;
  /** The list route; the filters, the keyword and the page go in its query. */
  source: E;
  columns: DTColumn<T>[];
  rowKey: string | ((row: T) => string);
  params?: Query;
  /** Shows a keyword box sent as `searchParam` (default q). */
  searchPlaceholder?: string;
  searchParam?: string;
  /** Extra filter controls next to the search box. */
  filters?: ReactNode;
  /** Buttons on the right of the toolbar (create …). */
  actions?: ReactNode;
  /** The list's Excel export (a file route taking the same filters); none: no export button. */
  exportSource?: FileRoute;
  expandable?: TableProps<T>['expandable'];
  defaultPageSize?: number;
  /** Re-reads the page this often (a live list such as the event stream); none: on demand. */
  refreshMs?: number;
}

// The filters are the page's own (column filters, search box) and go out as they are: the route's
// query schema checks them on the server.
const list = call as unknown as (
  e: ListSource,
  input: { query: Query },
  o?: { signal: AbortSignal },
) => Promise<{ items: never[]; total: number }>;

export function DataTable<E extends ListSource, T extends object = RowOf<E>>(p: DataTableProps<E, T>) {
  const { t } = useI18n();
  const wide = Grid.useBreakpoint().xl === true;
  const [keyword, setKeyword] = useState('');
  const [colFilters, setColFilters] = useState<Record<string, string>>({});
  const params: Query = { ...p.params, ...colFilters, [p.searchParam ?? 'q']: keyword || undefined };
  const sig = JSON.stringify(params);
  const [paging, setPaging] = useState({ sig, page: 1, pageSize: p.defaultPageSize ?? 20 });
  const page = paging.sig === sig ? paging.page : 1; // new filters start at page 1

  const q = useQuery({
    queryKey: [p.queryKey, p.source.path, params, page, paging.pageSize],
    queryFn: ({ signal }): Promise<{ items: T[]; total: number; totalCapped?: boolean }> =>
      list(p.source, { query: { ...params, page, pageSize: paging.pageSize } }, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: p.refreshMs,
  });

  const columns = p.columns.map((c) => {
    if (!c.filterParam) return c;
    const v = colFilters[c.filterParam];
    return { ...c, filteredValue: v === undefined ? null : [v], filterMultiple: false };
  });

  const onChange: TableProps<T>['onChange'] = (pg, filters) => {
    const next: Record<string, string> = {};
    for (const c of p.columns) {
      if (!c.filterParam) continue;
      const v = filters[String(c.key ?? c.filterParam)] as Key[] | null | undefined;
      if (v?.length) next[c.filterParam] = String(v[0]);
    }
    const nextSig = JSON.stringify({ ...p.params, ...next, [p.searchParam ?? 'q']: keyword || undefined });
    setColFilters(next);
    setPaging({ sig: nextSig, page: nextSig === sig ? (pg.current ?? 1) : 1, pageSize: pg.pageSize ?? paging.pageSize });
  };

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12, alignItems: 'center' }}>
        {p.searchPlaceholder && (
          <Input.Search
            allowClear
            placeholder={p.searchPlaceholder}
            onSearch={(v) => setKeyword(v.trim())}
            style={{ width: 260, maxWidth: '100%' }}
            enterButton
          />
        )}
        {p.filters}
        <div style={{ flex: 1 }} />
        <RefreshButton q={q} />
        {p.exportSource && <ExportButton route={p.exportSource} query={params} disabled={!q.data?.total} />}
        {p.actions}
      </div>
      <Table<T>
        rowKey={p.rowKey}
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isFetching}
        size="middle"
        // Wide screens fit the table to the page (columns cut with ellipsis, issue 11 point 12); narrow
        // ones scroll sideways rather than crush the columns.
        scroll={wide ? undefined : { x: 'max-content' }}
        expandable={p.expandable}
        onChange={onChange}
        locale={q.isError ? { emptyText: t('加载失败，请刷新重试') } : undefined}
        pagination={{
          current: page,
          pageSize: paging.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          // A capped total (the desk's queue counts to 1,000 at most) says there are more.
          showTotal: (n) => (q.data?.totalCapped ? t('超过 {n} 条', { n }) : t('共 {n} 条', { n })),
        }}
      />
    </div>
  );
}
