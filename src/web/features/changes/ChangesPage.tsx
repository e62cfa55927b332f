// 变更管理: every change with its state, type, risk, devices and window; conflicts on a device's
// window marked; filtered by state, type, risk and device; exported to Excel.
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ReportFilter } from '../../components/ReportFilter.tsx';
import {
  CHANGE_STATES,
  CHANGE_STATE_NAMES,
  CHANGE_TYPES,
  CHANGE_TYPE_NAMES,
  RISKS,
  RISK_NAMES,
  type ChangeState,
  type ChangeType,
  type Risk,
  type TChange,
} from '../../../common/changes.ts';
import { changesApi as api } from '../../../common/changes.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { ExportButton } from '../../components/ListButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { RiskTag, StateTag } from './meta.tsx';
import { NewChange } from './NewChange.tsx';

export function ChangesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<ChangeState | undefined>((params.get('state') as ChangeState | null) ?? undefined);
  const [type, setType] = useState<ChangeType | undefined>((params.get('type') as ChangeType | null) ?? undefined);
  // A report's period (issue 15: its numbers link here with the days they counted).
  const [period, setPeriod] = useState({ from: params.get('from') ?? undefined, to: params.get('to') ?? undefined });
  const [risk, setRisk] = useState<Risk | undefined>();
  const [deviceId, setDevice] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const devices = useCall(api.devices, {});
  const filters = {
    ...(state ? { state } : {}),
    ...(type ? { type } : {}),
    ...(risk ? { risk } : {}),
    ...(deviceId ? { deviceId } : {}),
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
  };
  const showTotal = (n: number) => t('共 {n} 条', { n });
  const list = useCall(api.list, { query: { page, pageSize: 20, ...filters } });
  const sel = <K extends string>(keys: readonly K[], names: Record<K, string>) => keys.map((k) => ({ value: k, label: t(names[k]) }));
  return (
    <div>
      <PageHeader
        title={t('变更管理')}
        subtitle={t('变更须经甲方书面同意后实施；实施前后自动备份设备配置')}
        extra={
          <Space wrap>
            <ExportButton route={api.exportList} query={filters} />
            {can('changes.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('填写变更申请')}
              </Button>
            )}
          </Space>
        }
      />
      <ReportFilter
        from={period.from}
        to={period.to}
        onClear={() => (setPeriod({ from: undefined, to: undefined }), setPage(1), setParams({}, { replace: true }))}
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('状态')}
            style={{ width: 130 }}
            value={state}
            onChange={(v) => (setState(v), setPage(1))}
            options={sel(CHANGE_STATES, CHANGE_STATE_NAMES)}
          />
          <Select
            allowClear
            placeholder={t('类型')}
            style={{ width: 120 }}
            value={type}
            onChange={(v) => (setType(v), setPage(1))}
            options={sel(CHANGE_TYPES, CHANGE_TYPE_NAMES)}
          />
          <Select
            allowClear
            placeholder={t('风险')}
            style={{ width: 100 }}
            value={risk}
            onChange={(v) => (setRisk(v), setPage(1))}
            options={sel(RISKS, RISK_NAMES)}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('设备')}
            style={{ width: 200 }}
            value={deviceId}
            onChange={(v) => (setDevice(v), setPage(1))}
            options={(devices.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Space>
        <Table<TChange>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => void nav(`/changes/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'n', title: t('编号'), responsive: ['md'], render: (_, r) => <span className="yw-mono">{r.number}</span> },
            {
              key: 't',
              title: t('变更'),
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.title}
                  {r.conflicts.length > 0 && (
                    <Tooltip title={t('与 {list} 时间窗口冲突', { list: r.conflicts.map((c) => c.number).join('、') })}>
                      <Tag color="red" icon={<WarningOutlined />}>
                        {t('冲突')}
                      </Tag>
                    </Tooltip>
                  )}
                  {r.approvalOverdue && <Tag color="red">{t('补审批逾期')}</Tag>}
                </Space>
              ),
            },
            { key: 'type', title: t('类型'), responsive: ['md'], render: (_, r) => t(CHANGE_TYPE_NAMES[r.type]) },
            { key: 'risk', title: t('风险'), render: (_, r) => <RiskTag risk={r.risk} /> },
            { key: 'state', title: t('状态'), render: (_, r) => <StateTag state={r.state} /> },
            {
              key: 'dev',
              title: t('设备/系统'),
              responsive: ['lg'],
              render: (_, r) => [...r.devices.map((d) => d.name), r.systems].filter(Boolean).join('、'),
            },
            { key: 'w', title: t('计划开始'), responsive: ['md'], render: (_, r) => fmtTime(r.plannedStart) },
          ]}
        />
      </Card>
      <NewChange open={adding} onClose={() => setAdding(false)} onDone={(id) => void nav(`/changes/${id}`)} />
    </div>
  );
}
