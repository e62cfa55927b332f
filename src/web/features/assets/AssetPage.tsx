// An asset's page: number and status, the three records (技术 / 财务 / 使用信息, each editable only
// with its level's permission), its location path, movements, relations and the history timeline.
// `/a/:number` (the URL in a label's QR code) resolves the number and lands here.
import { EditOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Grid, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ASSET_KIND_NAMES,
  FIELD_LABELS,
  NETWORK_DOMAIN_NAMES,
  SPEC_FIELDS,
  type AssetKind,
  type AssetLevel,
  type TAsset,
} from '../../../common/assets.ts';
import type { ServiceLineCode } from '../../../common/service-lines.ts';
import { urlOf } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { FullSpin } from '../../app/guards.tsx';
import { fmtMoney, fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { lineShort } from '../contract/lines.ts';
import { LevelEditModal } from './AssetForm.tsx';
import { DueTag, StatusTag } from './AssetsPage.tsx';
import { useAssetOptions } from './meta.ts';
import { AssetMovements } from './Movements.tsx';
import { AssetRelations } from './Relations.tsx';
import { assetsApi } from '../../../common/assets.api.ts';
import { useCall } from '../../api/query.ts';

const HISTORY_NAMES: Record<string, string> = {
  created: '登记',
  imported: '导入',
  updated: '修改',
  moved: '变动',
  request: '变动申请',
  ticket: '运维单',
  replaced: '被更换',
  replaces: '替换旧设备',
  relation: '关系',
  eos: '停止支持',
  procurement: '采购入库',
};

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

const show = (v: unknown): string =>
  typeof v === 'string'
    ? v || '—'
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : v === null || v === undefined
        ? '—'
        : JSON.stringify(v);

function FieldChange({ data }: { data: unknown }) {
  const { t } = useI18n();
  const o = useAssetOptions().data;
  const names = new Map<string, string>([
    ...(o?.sites ?? []).flatMap((s) => [[s.id, s.name] as [string, string], ...s.rooms.map((r) => [r.id, r.name] as [string, string])]),
    ...(o?.departments ?? []).map((d) => [d.id, d.name] as [string, string]),
    ...(o?.people ?? []).map((p) => [p.id, p.name] as [string, string]),
  ]);
  const val = (v: unknown) => (typeof v === 'string' && names.has(v) ? names.get(v)! : show(v));
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const rows = Object.entries(data as Record<string, unknown>).filter(([, v]) => Array.isArray(v) && v.length === 2) as [
    string,
    [unknown, unknown],
  ][];
  if (!rows.length) return null;
  return (
    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
      {rows.map(([k, [a, b]]) => (
        <div key={k}>
          {t(FIELD_LABELS[k] ?? k)}：{val(a)} → {val(b)}
        </div>
      ))}
    </div>
  );
}

function History({ assetId }: { assetId: string }) {
  const { t } = useI18n();
  const h = useCall(assetsApi.history, { params: { id: assetId } }, { queryKey: ['asset-history', assetId] });
  if (h.isPending) return <Skeleton active />;
  if (!h.data?.length) return <Empty description={t('暂无记录')} />;
  return (
    <Timeline
      items={h.data.map((e) => ({
        color: e.kind === 'ticket' ? 'orange' : e.kind === 'updated' ? 'blue' : 'green',
        content: (
          <div>
            <Space size={6} wrap>
              <Tag style={{ marginInlineEnd: 0 }}>{t(HISTORY_NAMES[e.kind] ?? e.kind)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtTime(e.at)} {e.actorName}
              </Typography.Text>
            </Space>
            <div>
              {e.ticketId && e.ticketNumber ? (
                <>
                  <Link to={`/desk/${e.ticketId}`} className="yw-mono">
                    {e.ticketNumber}
                  </Link>{' '}
                  {e.ticketTitle}
                </>
              ) : (
                e.note
              )}
            </div>
            <FieldChange data={e.data} />
          </div>
        ),
      }))}
    />
  );
}

function EditButton({ level, onEdit }: { level: AssetLevel; onEdit: (l: AssetLevel) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const perm = level === 'technical' ? 'asset.write' : level === 'finance' ? 'asset.finance' : 'asset.business';
  if (!can(perm)) return null;
  return (
    <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(level)} data-testid={`edit-${level}`}>
      {t('编辑')}
    </Button>
  );
}

export function AssetView({ a }: { a: TAsset }) {
  const { t, lang } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const [editing, setEditing] = useState<AssetLevel | null>(null);
  const column = phone ? 1 : 2;
  const kind = a.kind as AssetKind;
  const d = a.depreciation;
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/assets">{t('资产台账')}</Link> }, ...a.classPath.map((c) => ({ title: c.name }))]}
      />
      <PageHeader
        title={`${a.number}`}
        subtitle={
          <Space size={6} wrap>
            <span style={{ color: 'rgba(0,0,0,0.88)', fontSize: 15 }}>{a.name}</span>
            <StatusTag status={a.status} />
            <DueTag due={a.warranty} label="保修" />
            <DueTag due={a.eos} label="停保" />
          </Space>
        }
        extra={
          <>
            <Button icon={<FilePdfOutlined />} href={urlOf(assetsApi.card, { params: { id: a.id } })} target="_blank">
              {t('资产卡片')}
            </Button>
            <Button icon={<PrinterOutlined />} href={urlOf(assetsApi.labels, { query: { ids: a.id } })} target="_blank">
              {t('打印标签')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} data-testid="asset-location">
        <Typography.Text type="secondary">{t('位置')}：</Typography.Text>
        <Typography.Text strong>{a.location || t('未登记位置')}</Typography.Text>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: phone ? '1fr' : 'minmax(0, 3fr) minmax(0, 2fr)', gap: 16, alignItems: 'start' }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
          <Card
            title={t('技术信息')}
            size="small"
            extra={<EditButton level="technical" onEdit={setEditing} />}
            data-testid="card-technical"
          >
            <Descriptions size="small" column={column} bordered={!phone}>
              <Descriptions.Item label={t('分类')}>
                {a.className} <Typography.Text type="secondary">{a.classCode}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('类型')}>{t(ASSET_KIND_NAMES[kind] ?? a.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('厂商 / 型号')}>{dash([a.vendor, a.model].filter(Boolean).join(' '))}</Descriptions.Item>
              <Descriptions.Item label={t('序列号')}>
                <span className="yw-mono">{dash(a.serial)}</span>
              </Descriptions.Item>
              {kind !== 'software' && (
                <Descriptions.Item label={t('管理 IP')}>
                  <span className="yw-mono">{dash(a.mgmtIp)}</span>
                </Descriptions.Item>
              )}
              {(a.firmware || kind === 'network' || kind === 'security') && (
                <Descriptions.Item label={t('固件版本')}>{dash(a.firmware)}</Descriptions.Item>
              )}
              {a.portCount !== null && <Descriptions.Item label={t('端口数')}>{a.portCount}</Descriptions.Item>}
              {kind === 'security' && (
                <Descriptions.Item label={t('特征库 / 病毒库')}>
                  {dash(a.signatureVersion)} {a.signatureDate && <Typography.Text type="secondary">（{a.signatureDate}）</Typography.Text>}
                </Descriptions.Item>
              )}
              {SPEC_FIELDS[kind]
                ?.filter((s) => a.specs[s.key] !== undefined && a.specs[s.key] !== '')
                .map((s) => (
                  <Descriptions.Item key={s.key} label={t(s.label)}>
                    {String(a.specs[s.key])}
                  </Descriptions.Item>
                ))}
              <Descriptions.Item label={t('网络域')}>
                {a.networkDomain ? t(NETWORK_DOMAIN_NAMES[a.networkDomain as 'egov']) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('服务项目')}>
                {a.serviceLine ? lineShort(a.serviceLine as ServiceLineCode, lang) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('保修到期')}>{dash(a.warrantyUntil)}</Descriptions.Item>
              <Descriptions.Item label={t('厂商停止支持')}>{dash(a.endOfSupport)}</Descriptions.Item>
              {a.notes && <Descriptions.Item label={t('备注')}>{a.notes}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={t('财务信息')} size="small" extra={<EditButton level="finance" onEdit={setEditing} />} data-testid="card-finance">
            <Descriptions size="small" column={column} bordered={!phone}>
              <Descriptions.Item label={t('固定资产卡片号')}>{dash(a.assetCardNumber)}</Descriptions.Item>
              <Descriptions.Item label={t('原值')}>{a.originalValue === null ? '—' : fmtMoney(Number(a.originalValue))}</Descriptions.Item>
              <Descriptions.Item label={t('购置日期')}>{dash(a.acquiredOn)}</Descriptions.Item>
              <Descriptions.Item label={t('折旧年限')}>
                {a.depreciationYears ? t('{n} 年（直线法）', { n: a.depreciationYears }) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('累计折旧')}>{d ? fmtMoney(d.accumulated) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('账面价值（今日）')}>
                {d ? <Typography.Text strong>{fmtMoney(d.bookValue)}</Typography.Text> : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('使用信息')} size="small" extra={<EditButton level="business" onEdit={setEditing} />} data-testid="card-business">
            <Descriptions size="small" column={column} bordered={!phone}>
              <Descriptions.Item label={t('使用部门')}>{dash(a.usingDepartmentName)}</Descriptions.Item>
              <Descriptions.Item label={t('保管人')}>{dash(a.custodianName)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <AssetMovements assetId={a.id} asset={a} />
          <div id="asset-relations">
            <AssetRelations assetId={a.id} />
          </div>
        </div>
        <Card title={t('履历')} size="small" data-testid="asset-history">
          <History assetId={a.id} />
        </Card>
      </div>
      {editing && <LevelEditModal asset={a} level={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

export function AssetPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const q = useCall(assetsApi.get, { params: { id } }, { queryKey: ['asset', id] });
  if (q.isPending) return <FullSpin />;
  if (q.isError)
    return (
      <Result
        status="404"
        title={t('资产不存在')}
        subTitle={problemMessage(q.error, lang)}
        extra={<Link to="/assets">{t('返回资产台账')}</Link>}
      />
    );
  return <AssetView a={q.data} />;
}

/** /a/:number — a scanned label: find the asset and go to its page. */
export function AssetByNumberPage() {
  const { number = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const q = useCall(assetsApi.byNumber, { params: { number } }, { queryKey: ['asset-by-number', number], retry: false });
  useEffect(() => {
    if (q.data) void navigate(`/assets/${q.data.id}`, { replace: true });
  }, [q.data, navigate]);
  if (q.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('未找到资产 {n}', { n: number })}
        description={
          <>
            {problemMessage(q.error, lang)} <Link to="/assets">{t('返回资产台账')}</Link>
          </>
        }
      />
    );
  return <FullSpin />;
}
