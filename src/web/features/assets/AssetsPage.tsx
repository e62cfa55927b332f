// 资产台账: the register, filtered by class (subtree), status, site, service line, network domain
// and warranty, searched by number, name, model, serial or IP; saved filters, Excel export and
// import, and label sheets for the selected rows.
import { PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Grid, Input, Select, Table, Tag, TreeSelect, Typography, type TableColumnType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ASSET_STATUSES,
  ASSET_STATUS_NAMES,
  NETWORK_DOMAINS,
  NETWORK_DOMAIN_NAMES,
  type TAsset,
  type TAssetQuery,
} from '../../../common/assets.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { urlOf } from '../../api/client.ts';
import { ExportButton, RefreshButton } from '../../components/ListButtons.tsx';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SavedViews } from '../../components/SavedViews.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { AssetFormModal } from './AssetForm.tsx';
import { ImportModal } from './ImportModal.tsx';
import { DUE_COLOR, STATUS_COLOR, classTreeData, useAssetClasses, useAssetOptions } from './meta.ts';
import { assetsApi } from '../../../common/assets.api.ts';
import { useCall } from '../../api/query.ts';

type Filters = Pick<TAssetQuery, 'q' | 'classCode' | 'status' | 'siteId' | 'serviceLine' | 'networkDomain' | 'warranty'>;

export function DueTag({ due, label }: { due: TAsset['warranty']; label: string }) {
  const { t } = useI18n();
  if (due.state === 'none' || due.state === 'ok') return null;
  return (
    <Tag color={DUE_COLOR[due.state]} style={{ marginInlineEnd: 4 }}>
      {due.state === 'expired' ? t('{what}已过期', { what: t(label) }) : t('{what}{n} 天后到期', { what: t(label), n: due.daysLeft ?? 0 })}
    </Tag>
  );
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(ASSET_STATUS_NAMES[status as 'in_use'] ?? status)}
    </Tag>
  );
}

export function AssetsPage() {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [f, setF] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const classes = useAssetClasses();
  const options = useAssetOptions();
  const set = (k: keyof Filters) => (v: string | undefined) => {
    setF((p) => ({ ...p, [k]: v || undefined }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const q = useCall(assetsApi.list, { query: { ...f, ...paging } }, { placeholderData: keepPreviousData });

  const columns: TableColumnType<TAsset>[] = [
    // Fits 1440 px without scrolling (issue 11 point 12): fixed widths, long text cut with a tooltip,
    // the management IP only on wide screens; on a phone the number cell carries name and place.
    {
      title: t('资产编号'),
      dataIndex: 'number',
      width: phone ? undefined : 150,
      fixed: phone ? undefined : 'left',
      render: (v: string, r) => (
        <div style={{ minWidth: phone ? 150 : 0 }}>
          <Link to={`/assets/${r.id}`} className="yw-mono" style={{ whiteSpace: 'nowrap' }}>
            {v}
          </Link>
          {phone && (
            <>
              <div>{r.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {r.location || '—'}
              </Typography.Text>
            </>
          )}
        </div>
      ),
    },
    {
      title: t('名称'),
      dataIndex: 'name',
      width: 220,
      responsive: ['md'],
      render: (v: string, r) => (
        <div>
          <Typography.Text ellipsis={{ tooltip: v }} style={{ display: 'block' }}>
            <Link to={`/assets/${r.id}`} style={{ color: 'inherit' }}>
              {v}
            </Link>
          </Typography.Text>
          <div>
            <DueTag due={r.warranty} label="保修" />
            <DueTag due={r.eos} label="停保" />
          </div>
        </div>
      ),
    },
    { title: t('分类'), dataIndex: 'className', width: 110, ellipsis: true, responsive: ['lg'] },
    {
      title: t('厂商 / 型号'),
      key: 'model',
      width: 190,
      ellipsis: true,
      responsive: ['md'],
      render: (_: unknown, r) => {
        const v = [r.vendor, r.model].filter(Boolean).join(' ');
        return <Typography.Text ellipsis={{ tooltip: v }}>{v || '—'}</Typography.Text>;
      },
    },
    {
      title: t('管理 IP'),
      dataIndex: 'mgmtIp',
      width: 130,
      responsive: ['xl'],
      render: (v: string) => <span className="yw-mono">{v || '—'}</span>,
    },
    {
      title: t('位置'),
      dataIndex: 'location',
      width: 220,
      ellipsis: true,
      responsive: ['md'],
      render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }}>{v || '—'}</Typography.Text>,
    },
    { title: t('状态'), dataIndex: 'status', width: 88, render: (v: string) => <StatusTag status={v} /> },
  ];

  const labels = () => window.open(urlOf(assetsApi.labels, { query: { ids: selected.join(',') } }), '_blank', 'noopener');
  return (
    <div>
      <PageHeader
        title={t('资产台账')}
        subtitle={t('信息化设备的唯一台账：技术、财务、使用三级信息，扫描标签二维码直达资产页面')}
        extra={
          can('asset.write') && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('导入')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('登记资产')}
              </Button>
            </>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Input.Search
            allowClear
            placeholder={t('厂商、型号、序列号、IP、位置…（空格分隔多个词）')}
            defaultValue={f.q}
            key={`q:${f.q ?? ''}`}
            onSearch={(v) => set('q')(v.trim())}
            style={{ width: phone ? '100%' : 280 }}
            enterButton
          />
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('分类')}
            value={f.classCode}
            onChange={set('classCode')}
            treeData={classTreeData(classes.data ?? [])}
            treeDefaultExpandAll
            style={{ width: phone ? '100%' : 220 }}
            popupMatchSelectWidth={300}
          />
          {(
            [
              ['status', '状态', 110, ASSET_STATUSES.map((v) => ({ value: v, label: t(ASSET_STATUS_NAMES[v]) }))],
              ['siteId', '地点', 140, (options.data?.sites ?? []).map((v) => ({ value: v.id, label: v.name }))],
              ['serviceLine', '服务项目', 150, SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))],
              ['networkDomain', '网络域', 140, NETWORK_DOMAINS.map((d) => ({ value: d, label: t(NETWORK_DOMAIN_NAMES[d]) }))],
              [
                'warranty',
                '保修',
                150,
                [
                  { value: 'expiring', label: t('90 天内到期') },
                  { value: 'expired', label: t('已过保') },
                ],
              ],
            ] as const
          ).map(([key, placeholder, width, opts]) => (
            <Select
              key={key}
              allowClear
              placeholder={t(placeholder)}
              value={f[key]}
              onChange={set(key)}
              style={{ width }}
              options={[...opts]}
            />
          ))}
          <SavedViews
            scope="assets.list"
            current={f}
            onApply={(v) => {
              setF(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
        </div>
      </Card>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12, alignItems: 'center' }}>
        <Typography.Text type="secondary">{t('共 {n} 条', { n: q.data?.total ?? 0 })}</Typography.Text>
        <div style={{ flex: 1 }} />
        <RefreshButton q={q} />
        <Button icon={<PrinterOutlined />} disabled={!selected.length} onClick={labels}>
          {selected.length ? t('打印标签（{n}）', { n: selected.length }) : t('打印标签')}
        </Button>
        <ExportButton route={assetsApi.export} query={f} disabled={!q.data?.total} />
      </div>
      <Table<TAsset>
        rowKey="id"
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isFetching}
        size="middle"
        // A phone shows one column that wraps; between phone and 1440 px the wide table scrolls.
        scroll={screens.xl || phone ? undefined : { x: 'max-content' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true }}
        onRow={(r) =>
          phone
            ? { onClick: (e) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && void navigate(`/assets/${r.id}`) }
            : {}
        }
        locale={q.isError ? { emptyText: t('加载失败，请刷新重试') } : undefined}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: !phone,
          pageSizeOptions: [20, 50, 100, 200],
          simple: phone,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
      {creating && <AssetFormModal onClose={() => setCreating(false)} onSaved={(a) => void navigate(`/assets/${a.id}`)} />}
    </div>
  );
}
