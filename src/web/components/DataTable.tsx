// A server-paged antd Table: keyword search, column filters that become query parameters, and an
// "导出 Excel" button (the API's own export where there is one, else the filtered rows as CSV).
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Table, Tooltip, type TableColumnType, type TableProps } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { api, withQuery, type Paged, type Query } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { downloadText, toCsv } from './exportCsv.ts';
import { useFeedback } from './feedback.ts';

export type DTColumn<T> = TableColumnType<T> & {
  /** With `filters`: the query parameter the chosen filter value is sent as. */
  filterParam?: string;
  /** The value written to the CSV export; default: the dataIndex value. */
  exportValue?: (row: T) => unknown;
  noExport?: boolean;
};

export interface DataTableProps<T> {
  queryKey: string;
  url: string;
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
  exportUrl?: string;
  exportName?: string;
  expandable?: TableProps<T>['expandable'];
  defaultPageSize?: number;
}

const EXPORT_LIMIT = 10_000;

function dataKey(di: unknown): string {
  if (Array.isArray(di)) return di.map((x) => dataKey(x)).join('.');
  return typeof di === 'string' || typeof di === 'number' ? String(di) : '';
}

export function DataTable<T extends object>(p: DataTableProps<T>) {
  const { t } = useI18n();
  const fb = useFeedback();
  const [keyword, setKeyword] = useState('');
  const [colFilters, setColFilters] = useState<Record<string, string>>({});
  const params: Query = { ...p.params, ...colFilters, [p.searchParam ?? 'q']: keyword || undefined };
  const sig = JSON.stringify(params);
  const [paging, setPaging] = useState({ sig, page: 1, pageSize: p.defaultPageSize ?? 20 });
  const page = paging.sig === sig ? paging.page : 1; // new filters start at page 1
  const [exporting, setExporting] = useState(false);

  const q = useQuery({
    queryKey: [p.queryKey, p.url, params, page, paging.pageSize],
    queryFn: ({ signal }) => api.get<Paged<T>>(p.url, { ...params, page, pageSize: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
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

  const exportRows = async () => {
    setExporting(true);
    try {
      const rows: T[] = [];
      for (let pageNo = 1; rows.length < EXPORT_LIMIT; pageNo++) {
        const r = await api.get<Paged<T>>(p.url, { ...params, page: pageNo, pageSize: 200 });
        rows.push(...r.items);
        if (r.items.length < 200 || rows.length >= r.total) break;
      }
      const cols = p.columns
        .filter((c) => !c.noExport && (c.exportValue || c.dataIndex !== undefined) && typeof c.title === 'string')
        .map((c) => ({
          title: c.title as string,
          value: c.exportValue ?? ((r: T) => (r as Record<string, unknown>)[dataKey(c.dataIndex)]),
        }));
      downloadText(`${p.exportName ?? p.queryKey}-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(cols, rows));
    } catch (e) {
      fb.fail(e);
    } finally {
      setExporting(false);
    }
  };

  const exportButton = p.exportUrl ? (
    <Button icon={<DownloadOutlined />} href={withQuery(p.exportUrl, params)} download>
      {t('导出 Excel')}
    </Button>
  ) : (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportRows()} disabled={!q.data?.total}>
      {t('导出 Excel')}
    </Button>
  );

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
        <Tooltip title={t('刷新')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void q.refetch()}
            loading={q.isFetching && !q.isPending}
            aria-label={t('刷新')}
          />
        </Tooltip>
        {exportButton}
        {p.actions}
      </div>
      <Table<T>
        rowKey={p.rowKey}
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isFetching}
        size="middle"
        scroll={{ x: 'max-content' }}
        expandable={p.expandable}
        onChange={onChange}
        locale={q.isError ? { emptyText: t('加载失败，请刷新重试') } : undefined}
        pagination={{
          current: page,
          pageSize: paging.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('共 {n} 条', { n }),
        }}
      />
    </div>
  );
}
