// 人员名单审核 (R-STF-01/02, 附件一 10.2): the staff list the contractor submits and the agency
// approves or returns, version by version, and the notices of staff joining or leaving a post.
// The to-dos and notices of the contract module link here.
import { Alert, Button, Card, Descriptions, Form, Grid, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { staffReviewApi as api } from '../../../common/contract-staff.api.ts';
import { STAFF_LIST_STATE_NAMES, type TStaffList, type TStaffListLine } from '../../../common/contract-staff.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRun } from '../../components/useRun.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { StaffChangesCard } from './StaffChangesCard.tsx';

const STATE_COLOR: Record<TStaffList['state'], string> = { submitted: 'orange', approved: 'green', returned: 'red' };
const PAGE_SIZE = 10;

function StateTag({ list }: { list: TStaffList }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[list.state]}>{t(STAFF_LIST_STATE_NAMES[list.state])}</Tag>;
}

/** The lines of one version as they were submitted. */
function Lines({ lines }: { lines: TStaffListLine[] }) {
  const { t } = useI18n();
  return (
    <Table<TStaffListLine>
      rowKey={(x) => `${x.staffingId}-${x.personId}`}
      size="small"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={lines}
      locale={{ emptyText: t('名单中没有人员') }}
      columns={[
        { key: 'line', title: t('服务项目'), render: (_, x) => `${x.lineCode} · ${x.lineName}` },
        { key: 'person', title: t('人员'), render: (_, x) => (x.personTitle ? `${x.personName}（${x.personTitle}）` : x.personName) },
        { key: 'role', title: t('岗位'), dataIndex: 'role' },
        { key: 'quals', title: t('资质'), render: (_, x) => x.qualifications.map((q) => <Tag key={q}>{q}</Tag>) },
        { key: 'since', title: t('到岗日期'), width: 110, render: (_, x) => x.since ?? '—' },
        { key: 'until', title: t('离岗日期'), width: 110, render: (_, x) => x.until ?? '—' },
      ]}
    />
  );
}

/** The approved version, whether a change made it outdated, and the version awaiting review. */
function StatusCard() {
  const { t, lang } = useI18n();
  const q = useCall(api.status, { query: {} }, { queryKey: ['contract', 'staff', 'status'] });
  const s = q.data;
  if (q.isError) return <Alert type="error" showIcon title={problemMessage(q.error, lang)} />;
  const version = (x: TStaffList | null | undefined) => (x ? t('第 {n} 版', { n: x.version }) : t('无'));
  return (
    <Card title={t('名单状态')} loading={q.isPending} data-testid="staff-status">
      {s && !s.contractId ? (
        <Alert type="info" showIcon title={t('尚无合同')} />
      ) : (
        s && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {s.outdated && <Alert type="warning" showIcon title={t('认可后人员已有变动，现行名单已过时，需提交并审核新版本')} />}
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('已认可版本')}>
                {version(s.approved)}
                {s.approved && ` · ${s.approved.reviewedByName ?? ''} ${fmtTime(s.approved.reviewedAt)}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('待审核版本')}>
                {version(s.pending)}
                {s.pending && ` · ${s.pending.submittedByName} ${fmtTime(s.pending.submittedAt)}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('未确认的变更')}>{s.openChanges}</Descriptions.Item>
            </Descriptions>
          </Space>
        )
      )}
    </Card>
  );
}

/** 退回 needs a reason: the agency tells the contractor what to fix. */
function ReturnModal({ list, onClose }: { list: TStaffList | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment: string }>();
  const { busy, run } = useRun('contract', () => {
    form.resetFields();
    onClose();
  });
  const submit = (v: { comment: string }) =>
    void run(() => call(api.review, { params: { id: list?.id ?? '' }, body: { approve: false, comment: v.comment } }), '名单已退回');
  return (
    <Modal
      open={!!list}
      title={t('退回第 {n} 版人员名单', { n: list?.version ?? '' })}
      okText={t('退回')}
      cancelText={t('取消')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="comment" label={t('退回原因')} rules={[{ required: true, whitespace: true, message: t('请填写退回原因') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Versions() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const [returning, setReturning] = useState<TStaffList | null>(null);
  const q = useCall(api.list, { query: { page, pageSize: PAGE_SIZE } }, { queryKey: ['contract', 'staff', 'lists', page] });
  const { busy, run } = useRun('contract', () => undefined);
  const reviewer = can('contract.staff_review');
  const approve = (x: TStaffList) =>
    void run(() => call(api.review, { params: { id: x.id }, body: { approve: true, comment: '' } }), '名单已认可');
  const submit = () => void run(() => call(api.submit, { body: { note: '' } }), '人员名单已提交');
  const phone = Grid.useBreakpoint().md === false;
  const version = (x: TStaffList) => (
    <Space direction="vertical" size={4}>
      {t('第 {n} 版', { n: x.version })}
      <StateTag list={x} />
    </Space>
  );
  const submitted = (x: TStaffList) => (
    <span>
      {x.submittedByName} · {fmtTime(x.submittedAt)}
      {x.note && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {x.note}
        </Typography.Text>
      )}
    </span>
  );
  const reviewed = (x: TStaffList) => (x.reviewedByName ? `${x.reviewedByName} · ${fmtTime(x.reviewedAt)}` : '—');
  const actions = (x: TStaffList) =>
    reviewer && x.state === 'submitted' ? (
      <Space>
        <Button size="small" type="primary" loading={busy} onClick={() => approve(x)}>
          {t('认可')}
        </Button>
        <Button size="small" danger disabled={busy} onClick={() => setReturning(x)}>
          {t('退回')}
        </Button>
      </Space>
    ) : x.outdatedAt ? (
      <Tag color="gold">{t('已过时')}</Tag>
    ) : null;
  return (
    <Card
      title={t('名单版本')}
      data-testid="staff-versions"
      extra={
        can('contract.staff_submit') && (
          <Button type="primary" loading={busy} onClick={submit}>
            {t('提交人员名单')}
          </Button>
        )
      }
    >
      <Table<TStaffList>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        scroll={phone ? undefined : { x: 900 }}
        expandable={{ expandedRowRender: (x) => <Lines lines={x.lines} /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={
          phone
            ? [
                { key: 'version', title: t('版本'), width: 90, render: (_, x) => version(x) },
                {
                  key: 'detail',
                  title: t('提交') + ' / ' + t('审核'),
                  render: (_, x) => (
                    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                      {submitted(x)}
                      {x.reviewedByName && <span>{reviewed(x)}</span>}
                      {x.comment && <span>{x.comment}</span>}
                      {actions(x)}
                    </div>
                  ),
                },
              ]
            : [
                { key: 'version', title: t('版本'), width: 80, render: (_, x) => t('第 {n} 版', { n: x.version }) },
                { key: 'state', title: t('状态'), width: 90, render: (_, x) => <StateTag list={x} /> },
                { key: 'submitted', title: t('提交'), render: (_, x) => submitted(x) },
                { key: 'reviewed', title: t('审核'), render: (_, x) => reviewed(x) },
                { key: 'comment', title: t('意见'), render: (_, x) => x.comment || '—' },
                { key: 'actions', title: t('操作'), width: 150, render: (_, x) => actions(x) },
              ]
        }
      />
      <ReturnModal list={returning} onClose={() => setReturning(null)} />
    </Card>
  );
}

export function StaffReviewPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageHeader
        title={t('人员名单审核')}
        subtitle={t('乙方提交驻场及机动人员名单，甲方审核认可；人员到岗、离岗通知甲方确认（附件一第十条）')}
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <StatusCard />
        <Versions />
        <StaffChangesCard />
      </div>
    </div>
  );
}
