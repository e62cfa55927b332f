// 特征库 (R-SEC-07): every security product with its engine, signature and virus-definition versions
// and last update, aged against the thresholds (data) — stale and critical first; versions entered by
// hand or imported from the product's update log lines.
import { Button, Card, DatePicker, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { SIGNATURE_SOURCE_NAMES, STALENESS, STALENESS_NAMES, type Staleness, type TSignature } from '../../../common/secops.ts';
import { secopsApi as api } from '../../../common/secops.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { dayjs } from '../../app/dayjs.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { StaleTag } from './labels.tsx';

type Edit = { kind: 'entry' | 'import'; s: TSignature } | null;

function EntryForm({ edit, onClose }: { edit: Edit; onClose: () => void }) {
  const { t } = useI18n();
  const s = edit?.s;
  return (
    <FormModal<{ engineVersion?: string; signatureVersion?: string; virusVersion?: string; updatedAt: dayjs.Dayjs }>
      open={edit?.kind === 'entry'}
      title={`${t('登记版本')} · ${s?.assetName ?? ''}`}
      onClose={onClose}
      invalidate={['secops']}
      initialValues={{
        engineVersion: s?.engineVersion,
        signatureVersion: s?.signatureVersion,
        virusVersion: s?.virusVersion,
        updatedAt: dayjs(),
      }}
      submit={(v) =>
        call(api.putSignature, {
          params: { assetId: s!.assetId },
          body: {
            engineVersion: v.engineVersion ?? '',
            signatureVersion: v.signatureVersion ?? '',
            virusVersion: v.virusVersion ?? '',
            updatedAt: v.updatedAt.toISOString(),
          },
        })
      }
    >
      <Form.Item name="engineVersion" label={t('引擎版本')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="signatureVersion" label={t('特征库版本')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="virusVersion" label={t('病毒库版本')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="updatedAt" label={t('更新时间')} rules={[{ required: true }]}>
        <DatePicker showTime style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function ImportForm({ edit, onClose }: { edit: Edit; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ text: string }>
      open={edit?.kind === 'import'}
      title={`${t('导入升级日志')} · ${edit?.s.assetName ?? ''}`}
      onClose={onClose}
      invalidate={['secops']}
      width={720}
      submit={(v) => call(api.importSignature, { params: { assetId: edit!.s.assetId }, body: v })}
    >
      <div style={{ marginBottom: 8, color: '#8c8c8c' }}>
        {t('粘贴设备 syslog 中的升级日志行（华为 USG UPDATE、山石、深信服升级日志），自动识别特征库、病毒库与引擎版本')}
      </div>
      <Form.Item name="text" rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={8} className="yw-mono" />
      </Form.Item>
    </FormModal>
  );
}

export function SignaturesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  // A report's 特征库 numbers link here with the period's last day and a status (issue 15): the board as
  // it stood at the end of that day.
  const [f, set] = useUrlFilters(['at', 'status'] as const);
  const q = useCall(api.signatures, { query: { at: f.at, pageSize: 1 } });
  const th = useCall(api.thresholds, {});
  const [edit, setEdit] = useState<Edit>(null);
  const def = th.data?.items.find((x) => x.scope === 'default');
  return (
    <div>
      <PageHeader
        title={t('特征库')}
        subtitle={
          def
            ? t('安全设备特征库与病毒库时效：超过 {stale} 天未更新为过期，超过 {critical} 天为严重过期', {
                stale: def.staleDays,
                critical: def.criticalDays,
              })
            : undefined
        }
      />
      <ReportFilter
        from={f.at}
        to={f.at}
        detail={
          t('{at} 日终的特征库状态', { at: f.at ?? '' }) + (f.status ? ` · ${t(STALENESS_NAMES[f.status as Staleness] ?? f.status)}` : '')
        }
        onClear={() => set({ at: undefined, status: undefined })}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        {STALENESS.map((s) => (
          <Button
            key={s}
            size="small"
            type={f.status === s ? 'primary' : 'text'}
            onClick={() => set({ status: f.status === s ? undefined : s })}
          >
            <StaleTag s={s} /> {q.data?.counts[s] ?? 0}
          </Button>
        ))}
      </Space>
      <Card>
        <DataTable
          queryKey="secops"
          source={api.signatures}
          rowKey="assetId"
          params={f}
          defaultPageSize={50}
          columns={[
            { title: t('状态'), dataIndex: 'status', render: (v: Staleness) => <StaleTag s={v} /> },
            { title: t('设备'), dataIndex: 'assetName', render: (v: string, r) => <Link to={`/secops/devices/${r.assetId}`}>{v}</Link> },
            { title: t('类别'), dataIndex: 'className', responsive: ['md'] },
            { title: t('厂商型号'), dataIndex: 'model', responsive: ['xxl'], render: (v: string, r) => `${r.vendor} ${v}` },
            { title: t('引擎版本'), dataIndex: 'engineVersion', responsive: ['md'] },
            { title: t('特征库版本'), dataIndex: 'signatureVersion' },
            { title: t('病毒库版本'), dataIndex: 'virusVersion' },
            { title: t('最后更新'), dataIndex: 'updatedAt', render: (v: string | null) => (v ? fmtTime(v) : '—') },
            { title: t('已过天数'), dataIndex: 'ageDays', align: 'right', render: (v: number | null) => v ?? '—' },
            {
              title: t('版本来源'),
              dataIndex: 'source',
              responsive: ['lg'],
              render: (v: TSignature['source']) => (v ? <Tag>{t(SIGNATURE_SOURCE_NAMES[v])}</Tag> : ''),
            },
            ...(can('secops.write')
              ? [
                  {
                    title: '',
                    fixed: 'right' as const,
                    render: (_: unknown, r: TSignature) => (
                      <Space size={0}>
                        <Button size="small" type="link" onClick={() => setEdit({ kind: 'entry', s: r })}>
                          {t('登记版本')}
                        </Button>
                        <Button size="small" type="link" onClick={() => setEdit({ kind: 'import', s: r })}>
                          {t('导入日志')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <EntryForm edit={edit} onClose={() => setEdit(null)} />
      <ImportForm edit={edit} onClose={() => setEdit(null)} />
    </div>
  );
}
