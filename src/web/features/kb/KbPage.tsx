// 知识库: search problem / cause / solution articles in Chinese (every term must match, best match
// first) and browse them by service line and tag. The filters live in the URL, so a ticket can link
// to a search (/kb?q=…&line=…) and the back button returns to the same list.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Grid, Input, Segmented, Select, Table, Tag, Typography, type TableColumnType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TKbArticle } from '../../../common/desk.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { kbApi } from '../../../common/desk.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { ArticleTags, LineChip } from './meta.tsx';

const PAGE_SIZE = 20;

export function KbPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [sp, setSp] = useSearchParams();
  const q = sp.get('q') ?? '';
  const line = (SERVICE_LINE_CODES as readonly string[]).includes(sp.get('line') ?? '') ? (sp.get('line') as ServiceLineCode) : undefined;
  const tag = sp.get('tag') ?? undefined;
  const page = Math.max(1, Number(sp.get('page')) || 1);
  /** Changes the filters (back to page 1 unless the page itself changes); empty values leave the URL. */
  const set = (patch: Record<string, string | number | undefined>) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      if (!('page' in patch)) next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
        else next.set(k, String(v));
      }
      return next;
    });

  const facets = useCall(kbApi.facets, {}, { staleTime: 60_000 });
  const list = useCall(
    kbApi.search,
    { query: { q: q || undefined, serviceLine: line, tag, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const count = (code: string) => facets.data?.lines.find((l) => l.code === code)?.count ?? 0;
  const lineOptions = [
    { value: '', label: `${t('全部')} ${facets.data?.total ?? ''}`.trim() },
    ...SERVICE_LINE_CODES.map((c) => ({ value: c, label: `${lineShort(c, lang)} ${count(c)}` })),
  ];

  const columns: TableColumnType<TKbArticle>[] = [
    {
      title: t('标题'),
      dataIndex: 'title',
      render: (v: string, a) => (
        <div style={{ minWidth: 0, maxWidth: phone ? 280 : 620 }}>
          <Link to={`/kb/${a.id}`} style={{ fontWeight: 500 }}>
            {v}
          </Link>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: '2px 0 0', fontSize: 13 }}>
            {a.problem}
          </Typography.Paragraph>
          {phone && (
            <div style={{ marginTop: 4, display: 'flex', gap: 4, flexWrap: 'wrap' }}>
              <LineChip code={a.serviceLine} />
              <ArticleTags a={a} />
            </div>
          )}
        </div>
      ),
    },
    { title: t('服务项目'), dataIndex: 'serviceLine', width: 110, responsive: ['md'], render: (v: string | null) => <LineChip code={v} /> },
    {
      title: t('标签'),
      dataIndex: 'tags',
      width: 220,
      responsive: ['lg'],
      render: (_: unknown, a) => <ArticleTags a={a} onPick={(x) => set({ tag: x })} />,
    },
    {
      title: t('更新时间'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['md'],
      render: (v: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{fmtTime(v)}</span>,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('知识库')}
        subtitle={t('故障现象、原因与解决方法：同类问题再次发生时更快解决')}
        extra={
          can('kb.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/kb/new')} data-testid="kb-new">
              {t('新建文章')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 20 } }}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          enterButton={t('搜索')}
          size="large"
          placeholder={t('输入故障现象或关键词，多个词用空格分隔')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ maxWidth: 640 }}
          data-testid="kb-search"
        />
        <div style={{ marginTop: 16, display: 'flex', flexDirection: 'column', gap: 10 }}>
          {/* Five choices do not fit a phone's width in one row: a drop-down there, tabs elsewhere. */}
          {phone ? (
            <Select
              value={line ?? ''}
              onChange={(v: string) => set({ line: v || undefined })}
              options={lineOptions}
              style={{ width: '100%' }}
              aria-label={t('服务项目')}
            />
          ) : (
            <Segmented value={line ?? ''} onChange={(v) => set({ line: String(v) || undefined })} options={lineOptions} />
          )}
          {!!facets.data?.tags.length && (
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('标签')}
              </Typography.Text>
              {facets.data.tags.map((x) => (
                <Tag.CheckableTag key={x.tag} checked={tag === x.tag} onChange={(on) => set({ tag: on ? x.tag : undefined })}>
                  {x.tag} <span style={{ opacity: 0.6 }}>{x.count}</span>
                </Tag.CheckableTag>
              ))}
            </div>
          )}
        </div>
        <Table<TKbArticle>
          style={{ marginTop: 16 }}
          rowKey="id"
          size={phone ? 'small' : 'middle'}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: q || line || tag ? t('没有找到匹配的文章，换个关键词试试') : t('知识库还没有文章') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('共 {n} 篇', { n }),
            onChange: (p) => set({ page: p }),
          }}
          data-testid="kb-table"
        />
      </Card>
    </div>
  );
}
