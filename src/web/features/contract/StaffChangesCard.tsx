// 人员变更通知 (R-STF-02): every time a person joins or leaves a post the agency is told, and its
// reviewers confirm they have read it.
import { Button, Card, Grid, Table, Tag } from 'antd';
import { useState } from 'react';
import { staffReviewApi as api } from '../../../common/contract-staff.api.ts';
import { STAFF_CHANGE_NAMES, type TStaffChange } from '../../../common/contract-staff.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useRun } from '../../components/useRun.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const PAGE_SIZE = 10;

export function StaffChangesCard() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const q = useCall(api.changes, { query: { page, pageSize: PAGE_SIZE } }, { queryKey: ['contract', 'staff', 'changes', page] });
  const { busy, run } = useRun('contract', () => undefined);
  const phone = Grid.useBreakpoint().md === false;
  const ack = (x: TStaffChange) => void run(() => call(api.acknowledge, { params: { id: x.id } }), '已确认收悉');
  const kind = (x: TStaffChange) => <Tag color={x.kind === 'join' ? 'green' : 'orange'}>{t(STAFF_CHANGE_NAMES[x.kind])}</Tag>;
  const acked = (x: TStaffChange) =>
    x.acknowledgedAt ? (
      `${x.acknowledgedByName ?? ''} · ${fmtTime(x.acknowledgedAt)}`
    ) : can('contract.staff_review') ? (
      <Button size="small" type="primary" loading={busy} onClick={() => ack(x)}>
        {t('确认收悉')}
      </Button>
    ) : (
      <Tag color="orange">{t('待甲方确认')}</Tag>
    );
  return (
    <Card title={t('人员变更通知')} data-testid="staff-changes">
      <Table<TStaffChange>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        scroll={phone ? undefined : { x: 760 }}
        locale={{ emptyText: t('暂无人员变更') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={
          phone
            ? [
                { key: 'kind', title: t('变更'), width: 64, render: (_, x) => kind(x) },
                {
                  key: 'detail',
                  title: t('人员'),
                  render: (_, x) => (
                    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                      <b>{x.personName}</b>
                      <span>
                        {x.lineCode} · {x.role}
                      </span>
                      <span>
                        {fmtTime(x.at)} · {x.byName}
                      </span>
                      <span>{acked(x)}</span>
                    </div>
                  ),
                },
              ]
            : [
                { key: 'kind', title: t('变更'), width: 70, render: (_, x) => kind(x) },
                { key: 'person', title: t('人员'), dataIndex: 'personName' },
                { key: 'line', title: t('服务项目'), dataIndex: 'lineCode', width: 90 },
                { key: 'role', title: t('岗位'), dataIndex: 'role' },
                { key: 'at', title: t('时间'), render: (_, x) => `${fmtTime(x.at)} · ${x.byName}` },
                { key: 'ack', title: t('确认收悉'), render: (_, x) => acked(x) },
              ]
        }
      />
    </Card>
  );
}
