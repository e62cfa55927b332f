// Scans, scan plans, pentests and hardening plans (R-SEC-04..06): the imports as they came, the plans
// per address range with their next due date, the pentest reports and the hardening plans tracked to done;
// each pentest and hardening plan opens its findings on the board.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Progress, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { CADENCES, IMPORT_FORMATS, type ZHardening, type ZPentest, type ZScan, type ZScanPlan } from '../../../common/vulns.ts';
import { vulnsApi as api } from '../../../common/vulns.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import type { dayjs } from '../../app/dayjs.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { HardeningForm, PentestForm } from './PlanForms.tsx';

const CADENCE_TEXT: Record<(typeof CADENCES)[number], string> = { weekly: '每周', monthly: '每月', quarterly: '每季度' };
const FORMAT_NAME: Record<(typeof IMPORT_FORMATS)[number], string> = {
  nmap: 'nmap',
  openvas: 'OpenVAS',
  nessus: 'Nessus',
  csv: 'CSV/Excel',
};

function Scans() {
  const { t } = useI18n();
  return (
    <DataTable
      queryKey="vulns"
      source={api.scans}
      rowKey="id"
      columns={[
        { title: t('导入时间'), dataIndex: 'importedAt', width: 150, render: (v: string) => fmtTime(v) },
        { title: t('文件'), dataIndex: 'fileName', ellipsis: true },
        { title: t('格式'), dataIndex: 'format', width: 90, render: (v: z.infer<typeof ZScan>['format']) => FORMAT_NAME[v] },
        { title: t('导入人'), dataIndex: 'importedBy', width: 100 },
        { title: t('主机'), dataIndex: 'hosts', width: 70 },
        { title: t('漏洞'), dataIndex: 'findings', width: 70 },
        { title: t('新增'), dataIndex: 'new', width: 70 },
        { title: t('更新'), dataIndex: 'updated', width: 70 },
        { title: t('已关闭'), dataIndex: 'closed', width: 80 },
        { title: t('未匹配'), dataIndex: 'unmatchedCount', width: 80 },
      ]}
    />
  );
}

/** The tab's create button, for those who may write. */
function CreateButton({ text, onClick }: { text: string; onClick: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  if (!can('vulns.write')) return null;
  return (
    <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={onClick}>
      {t(text)}
    </Button>
  );
}

function Plans() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const q = useCall(api.plans, {});
  type Plan = z.infer<typeof ZScanPlan>;
  return (
    <>
      <CreateButton text="新建扫描计划" onClick={() => setCreating(true)} />
      <Table<Plan>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('名称'), dataIndex: 'name' },
          { title: t('地址段'), dataIndex: 'range', responsive: ['sm'], render: (v: string) => <span className="yw-mono">{v}</span> },
          { title: t('周期'), dataIndex: 'cadence', render: (v: Plan['cadence']) => t(CADENCE_TEXT[v]) },
          {
            title: t('下次扫描'),
            dataIndex: 'nextDue',
            render: (v: string, r) => (r.overdue ? <Tag color="red">{`${v} ${t('已逾期')}`}</Tag> : v),
          },
          { title: t('最近导入'), dataIndex: 'lastImportAt', responsive: ['sm'], render: (v: string | null) => (v ? fmtTime(v) : '—') },
        ]}
      />
      <FormModal<{ name: string; range: string; cadence: Plan['cadence']; firstDue: dayjs.Dayjs }>
        open={creating}
        title={t('新建扫描计划')}
        onClose={() => setCreating(false)}
        invalidate={['vulns']}
        initialValues={{ cadence: 'monthly' }}
        submit={(v) => call(api.createPlan, { body: { ...v, firstDue: v.firstDue.format('YYYY-MM-DD') } })}
      >
        <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="range" label={t('地址段')} rules={[{ required: true }]} extra={t('IPv4 地址或 CIDR，如 10.1.0.0/16')}>
          <Input className="yw-mono" />
        </Form.Item>
        <Form.Item name="cadence" label={t('周期')}>
          <Select options={CADENCES.map((c) => ({ value: c, label: t(CADENCE_TEXT[c]) }))} />
        </Form.Item>
        <Form.Item name="firstDue" label={t('首次扫描日期')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function Pentests() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const q = useCall(api.pentests, {});
  type Pentest = z.infer<typeof ZPentest>;
  return (
    <>
      <CreateButton text="登记渗透测试报告" onClick={() => setCreating(true)} />
      <PentestForm open={creating} onClose={() => setCreating(false)} />
      <Table<Pentest>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('报告'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/vulns?pentestId=${r.id}&sort=severity`}>{v}</Link>,
          },
          { title: t('测试方'), dataIndex: 'tester', responsive: ['sm'] },
          { title: t('测试日期'), dataIndex: 'testedOn', responsive: ['sm'] },
          { title: t('发现'), dataIndex: 'findings' },
          {
            title: t('未关闭漏洞'),
            dataIndex: 'active',
            render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : <Tag color="green">0</Tag>),
          },
        ]}
      />
    </>
  );
}

function Hardening() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const q = useCall(api.hardening, {});
  type Plan = z.infer<typeof ZHardening>;
  return (
    <>
      <CreateButton text="新建加固计划" onClick={() => setCreating(true)} />
      <HardeningForm open={creating} onClose={() => setCreating(false)} />
      <Table<Plan>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('名称'),
            dataIndex: 'name',
            render: (v: string, r) => <Link to={`/vulns?hardeningPlanId=${r.id}&sort=severity`}>{v}</Link>,
          },
          { title: t('完成期限'), dataIndex: 'dueDate', responsive: ['sm'], render: (v: string | null) => v ?? '—' },
          {
            title: t('进度'),
            dataIndex: 'done',
            width: 160,
            render: (v: number, r) => (
              <Progress percent={r.total ? Math.round((v / r.total) * 100) : 0} format={() => `${v}/${r.total}`} size="small" />
            ),
          },
          {
            title: t('状态'),
            dataIndex: 'state',
            responsive: ['sm'],
            render: (v: Plan['state']) => (v === 'done' ? <Tag color="green">{t('已完成')}</Tag> : <Tag color="blue">{t('进行中')}</Tag>),
          },
        ]}
      />
    </>
  );
}

const TABS = ['scans', 'plans', 'pentests', 'hardening'] as const;

export function PlansPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((x) => x === search.get('tab')) ?? 'scans';
  return (
    <div>
      <PageHeader title={t('扫描、渗透测试与加固计划')} extra={<Link to="/vulns">{t('返回漏洞列表')}</Link>} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearch({ tab: k }, { replace: true })}
          items={[
            { key: 'scans', label: t('导入记录'), children: <Scans /> },
            { key: 'plans', label: t('扫描计划'), children: <Plans /> },
            { key: 'pentests', label: t('渗透测试'), children: <Pentests /> },
            { key: 'hardening', label: t('加固计划'), children: <Hardening /> },
          ]}
        />
      </Card>
    </div>
  );
}
