// 漏洞管理 (issue 13 point 9; R-SEC-04): the board (by severity, by due date with the overdue bar, by
// asset) above the findings list with its filters and the Excel export. Filters live in the address,
// so a chart click, an overdue notice's link or a hardening plan opens the list already filtered.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Grid, Input, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FINDING_STATES, SEVERITIES, SEVERITY_ZH, STATE_ZH, type TFinding } from '../../../common/vulns.ts';
import { vulnsApi } from '../../../common/vulns.api.ts';
import { useAuth } from '../../app/auth.tsx';
import { dayjs } from '../../app/dayjs.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { todayShanghai } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Board, type BoardPick } from './Board.tsx';
import { ImportModal } from './ImportModal.tsx';
import { ReportFilter } from '../../components/ReportFilter.tsx';
import { SeverityTag, StateTag } from './labels.tsx';

/** The list's filters, all kept in the page's address. */
const KEYS = [
  'sort',
  'severity',
  'state',
  'address',
  'dueBefore',
  'overdue',
  'pending',
  'unmatched',
  'hardeningPlanId',
  'pentestId',
  // What a number in a report links with (issue 15): its days, and "still being worked".
  'seenFrom',
  'seenTo',
  'fixedFrom',
  'fixedTo',
  'verifiedFrom',
  'verifiedTo',
  'active',
] as const;
const REPORT_KEYS = ['seenFrom', 'seenTo', 'fixedFrom', 'fixedTo', 'verifiedFrom', 'verifiedTo', 'active'] as const;

/** On a phone: one column saying all of it, so nothing hides behind a sideways scroll. */
function PhoneCell({ r }: { r: TFinding }) {
  const { t } = useI18n();
  return (
    <div style={{ whiteSpace: 'normal', maxWidth: 'calc(100vw - 100px)' }}>
      <Link to={`/vulns/findings/${r.id}`}>{r.title}</Link>
      <div style={{ margin: '4px 0' }}>
        <SeverityTag s={r.severity} />
        <StateTag s={r.state} />
        {r.dueDate && (
          <span style={{ fontSize: 12, color: r.overdue ? '#cf1322' : '#8c8c8c' }}>
            {r.dueDate}
            {r.overdue ? ` ${t('逾期')}` : ''}
          </span>
        )}
      </div>
      <div style={{ fontSize: 12, color: '#595959' }}>
        {r.assetName ?? t('未匹配')} <span className="yw-mono">{r.port ? `${r.address}:${r.port}/${r.protocol}` : r.address}</span>
      </div>
    </div>
  );
}

function useColumns(): DTColumn<TFinding>[] {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  if (phone) return [{ title: t('漏洞'), dataIndex: 'title', render: (_: string, r) => <PhoneCell r={r} /> }];
  return [
    {
      title: t('漏洞'),
      dataIndex: 'title',
      ellipsis: true,
      width: 280,
      render: (v: string, r) => <Link to={`/vulns/findings/${r.id}`}>{v}</Link>,
    },
    {
      title: t('资产 / 地址'),
      dataIndex: 'address',
      width: 200,
      render: (_: unknown, r) => (
        <span>
          {r.assetName ?? <span style={{ color: '#8c8c8c' }}>{t('未匹配')}</span>}
          <br />
          <span className="yw-mono">{r.port ? `${r.address}:${r.port}/${r.protocol}` : r.address}</span>
        </span>
      ),
    },
    { title: t('等级'), dataIndex: 'severity', width: 80, render: (v: TFinding['severity']) => <SeverityTag s={v} /> },
    {
      title: t('状态'),
      dataIndex: 'state',
      width: 130,
      render: (v: TFinding['state'], r) => (
        <span>
          <StateTag s={v} />
          {r.request && <div style={{ fontSize: 12, color: '#d46b08' }}>{t('例外待审批')}</div>}
        </span>
      ),
    },
    {
      title: t('整改期限'),
      dataIndex: 'dueDate',
      width: 120,
      render: (v: string | null, r) => (
        <span style={{ color: r.overdue ? '#cf1322' : undefined, whiteSpace: 'nowrap' }}>
          {v ?? '—'}
          {r.overdue ? ` ${t('逾期')}` : ''}
        </span>
      ),
    },
    { title: 'CVE', dataIndex: 'cve', width: 150, responsive: ['lg'], render: (v: string | null) => v ?? '' },
  ];
}

export function VulnsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const [address, setAddress] = useState(search.get('address') ?? '');
  const f = Object.fromEntries(KEYS.map((k) => [k, search.get(k) ?? undefined])) as Record<(typeof KEYS)[number], string | undefined>;
  const set = (next: Partial<Record<(typeof KEYS)[number], string | undefined>>) => {
    const s = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next))
      if (v) s.set(k, v);
      else s.delete(k);
    setSearch(s, { replace: true });
  };
  const pick = (p: BoardPick) => {
    const clear = { severity: undefined, overdue: undefined, dueBefore: undefined, address: undefined, state: undefined };
    if ('severity' in p) set({ ...clear, severity: p.severity });
    else if ('overdue' in p) set({ ...clear, overdue: 'true' });
    else if ('dueWithin' in p) set({ ...clear, dueBefore: dayjs(todayShanghai()).add(p.dueWithin, 'day').format('YYYY-MM-DD') });
    else set({ ...clear, address: p.address });
    setAddress('address' in p ? p.address : '');
  };
  const params = { ...f, sort: f.sort ?? 'due' };
  return (
    <div>
      <PageHeader
        title={t('漏洞管理')}
        subtitle={t('扫描与渗透测试发现的漏洞：按整改期限跟踪到修复，由后续扫描验证')}
        extra={
          <Space wrap>
            <Link to="/vulns/plans">{t('扫描、渗透测试与加固计划')}</Link>
            {can('vulns.write') && (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('导入扫描')}
              </Button>
            )}
          </Space>
        }
      />
      <Board onPick={pick} />
      <ReportFilter
        from={f.seenFrom ?? f.fixedFrom ?? f.verifiedFrom}
        to={f.seenTo ?? f.fixedTo ?? f.verifiedTo}
        onClear={() => set(Object.fromEntries(REPORT_KEYS.map((k) => [k, undefined])))}
      />
      <Card>
        <DataTable
          queryKey="vulns"
          source={vulnsApi.findings}
          exportSource={vulnsApi.exportFindings}
          rowKey="id"
          columns={useColumns()}
          params={params}
          searchPlaceholder={t('漏洞名称、地址或 CVE')}
          filters={
            <>
              <Segmented
                value={params.sort}
                onChange={(v) => set({ sort: v === 'due' ? undefined : String(v) })}
                options={[
                  { value: 'due', label: t('按整改期限') },
                  { value: 'severity', label: t('按等级') },
                  { value: 'address', label: t('按资产') },
                ]}
              />
              <Select
                allowClear
                placeholder={t('等级')}
                style={{ width: 100 }}
                value={f.severity}
                onChange={(v?: string) => set({ severity: v })}
                options={SEVERITIES.map((s) => ({ value: s, label: t(SEVERITY_ZH[s]) }))}
              />
              <Select
                allowClear
                placeholder={t('状态')}
                style={{ width: 140 }}
                value={f.state}
                onChange={(v?: string) => set({ state: v })}
                options={FINDING_STATES.map((s) => ({ value: s, label: t(STATE_ZH[s]) }))}
              />
              <Input
                allowClear
                placeholder={t('资产地址')}
                style={{ width: 150 }}
                value={address}
                onChange={(e) => {
                  setAddress(e.target.value);
                  if (!e.target.value) set({ address: undefined });
                }}
                onPressEnter={() => set({ address: address.trim() || undefined })}
              />
              <DatePicker
                placeholder={t('期限不晚于')}
                style={{ width: 140 }}
                value={f.dueBefore ? dayjs(f.dueBefore) : null}
                onChange={(d) => set({ dueBefore: d ? d.format('YYYY-MM-DD') : undefined })}
              />
              <Checkbox checked={f.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
                {t('只看逾期')}
              </Checkbox>
              <Checkbox checked={f.pending === 'true'} onChange={(e) => set({ pending: e.target.checked ? 'true' : undefined })}>
                {t('待审批')}
              </Checkbox>
              {(f.hardeningPlanId || f.pentestId) && (
                <Button size="small" onClick={() => set({ hardeningPlanId: undefined, pentestId: undefined })}>
                  {f.hardeningPlanId ? t('加固计划中的漏洞') : t('渗透测试中的漏洞')} ✕
                </Button>
              )}
            </>
          }
        />
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
