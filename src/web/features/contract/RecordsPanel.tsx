// The contract's written workflows beside the money dashboard: force majeure with its proof and the
// days it moves deadlines, amendments (answered by the other party), the contractor's notices to cure a
// late payment, the agency's coordinators and inspections (R-QA-05), and the security agreement on
// record (read through the handover module's API, R-CON-15).
import { Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { handoverApi } from '../../../common/handover.api.ts';
import { moneyRecordsApi as api } from '../../../common/money-records.api.ts';
import { PARTY_LABEL, type Party, type TAmendment, type TCureNotice, type TMoneyRecords } from '../../../common/money-records.ts';
import { call } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { useRun } from '../../components/useRun.ts';
import { useI18n } from '../../i18n/index.tsx';

const CURE: Record<TCureNotice['state'], { color: string; label: string }> = {
  open: { color: 'orange', label: '纠正期内' },
  'termination-right': { color: 'red', label: '乙方有权解除合同' },
  cured: { color: 'green', label: '已纠正' },
};
const AMEND: Record<TAmendment['status'], { color: string; label: string }> = {
  pending: { color: 'orange', label: '待对方答复' },
  agreed: { color: 'green', label: '已同意' },
  refused: { color: 'default', label: '已拒绝' },
};
const small = { fontSize: 12 } as const;

function useParty(): Party | null {
  const { me } = useAuth();
  const roles = me?.roles ?? [];
  if (roles.includes('contractor_pm')) return 'contractor';
  return roles.some((r) => r.startsWith('agency_')) ? 'agency' : null;
}

function Amendments({ items }: { items: TAmendment[] }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const party = useParty();
  const { busy, run } = useRun('contract', () => undefined);
  const decide = (a: TAmendment, decision: 'agree' | 'refuse') =>
    void run(
      () => call(api.decideAmendment, { params: { id: a.id }, body: { decision, note: '' } }),
      decision === 'agree' ? '已同意' : '已拒绝',
    );
  return (
    <List
      size="small"
      locale={{ emptyText: t('暂无变更申请') }}
      dataSource={items}
      renderItem={(a) => (
        <List.Item key={a.id} style={{ display: 'block' }}>
          <Space wrap>
            <b>{a.clause}</b>
            <Tag color={AMEND[a.status].color}>{t(AMEND[a.status].label)}</Tag>
            <Typography.Text type="secondary" style={small}>
              {t(PARTY_LABEL[a.party])} · {a.requestedByName} · {a.requestedOn}
            </Typography.Text>
          </Space>
          <div>{a.change}</div>
          <Typography.Text type="secondary" style={small}>
            {t('理由')}：{a.reason} ·{' '}
            <a onClick={() => void downloadFile(api.amendmentFile, { params: { id: a.id } }, a.fileName).catch(fb.fail)}>{a.fileName}</a>
            {a.status === 'agreed' && ` · ${t('自 {d} 起生效', { d: a.decidedOn ?? '' })}`}
            {a.status === 'pending' && ` · ${t('达成新的协议之前仍按原合同条款执行')}`}
          </Typography.Text>
          {a.status === 'pending' && can('money.write') && party && party !== a.party && (
            <Space style={{ marginTop: 6 }}>
              <Button size="small" type="primary" loading={busy} onClick={() => decide(a, 'agree')}>
                {t('同意变更')}
              </Button>
              <Button size="small" loading={busy} onClick={() => decide(a, 'refuse')}>
                {t('拒绝变更')}
              </Button>
            </Space>
          )}
        </List.Item>
      )}
    />
  );
}

function Agreements() {
  const { t } = useI18n();
  const fb = useFeedback();
  const q = useCall(handoverApi.agreements, { query: { page: 1, pageSize: 5 } }, { queryKey: ['handover', 'agreements', 'money'] });
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title={t('安全保密协议')} loading={q.isPending}>
      {items.length ? (
        items.map((a) => (
          <div key={a.id}>
            <Tag color="green">{t('已备案')}</Tag>
            {a.title} · {a.signedOn} ·{' '}
            <a onClick={() => void downloadFile(handoverApi.agreementFile, { params: { id: a.id } }, a.fileName).catch(fb.fail)}>
              {a.fileName}
            </a>
          </div>
        ))
      ) : (
        <Tag color="red">{t('尚未备案安全保密协议（第七条第2款）')}</Tag>
      )}
    </Card>
  );
}

export function RecordsPanel({ records }: { records: TMoneyRecords }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const r = records;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card title={t('逾期付款纠正通知')} size="small">
        <List
          size="small"
          locale={{ emptyText: t('暂无纠正通知') }}
          dataSource={r.cureNotices}
          renderItem={(n) => (
            <List.Item key={n.id} style={{ display: 'block' }}>
              <Space wrap>
                <b>{n.paymentTitle}</b>
                <Tag color={CURE[n.state].color}>{t(CURE[n.state].label)}</Tag>
              </Space>
              <Typography.Text type="secondary" style={{ ...small, display: 'block' }}>
                {t('通知日期')} {n.noticeOn} · {t('纠正期至')} {n.cureBy} · {n.clause}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('不可抗力')} size="small">
        <List
          size="small"
          locale={{ emptyText: t('暂无不可抗力事件') }}
          dataSource={r.forceMajeure}
          renderItem={(e) => (
            <List.Item key={e.id} style={{ display: 'block' }}>
              <Space wrap>
                <b>{e.description}</b>
                <Tag>{t(PARTY_LABEL[e.party])}</Tag>
                <Tag color="blue">{t('{n} 天', { n: e.days })}</Tag>
                {e.renegotiate && <Tag color="red">{t('超过十天，双方另行商议（第九条第3款）')}</Tag>}
                {e.proofLate && <Tag color="orange">{t('证明文件逾期')}</Tag>}
              </Space>
              <Typography.Text type="secondary" style={{ ...small, display: 'block' }}>
                {e.startedOn} – {e.endedOn ?? t('持续中')} · {t('通知对方')} {e.notifiedAt.slice(0, 10)} · {t('证明期限')} {e.proofDueOn}
                {e.proofFileName && (
                  <>
                    {' · '}
                    <a onClick={() => void downloadFile(api.proof, { params: { id: e.id } }, e.proofFileName ?? '').catch(fb.fail)}>
                      {e.proofFileName}
                    </a>
                  </>
                )}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('合同变更')} size="small">
        <Amendments items={r.amendments} />
      </Card>
      <Card title={t('甲方协调人与维护记录检查')} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 480 }}
          dataSource={r.coordinators}
          columns={[
            { key: 'system', title: t('系统'), dataIndex: 'system' },
            { key: 'name', title: t('协调人'), dataIndex: 'name' },
            { key: 'phone', title: t('电话'), dataIndex: 'phone' },
            { key: 'since', title: t('指定日期'), dataIndex: 'since', width: 110 },
          ]}
        />
        <List
          size="small"
          header={<b>{t('维护记录检查')}</b>}
          locale={{ emptyText: t('暂无检查记录') }}
          dataSource={r.inspections}
          renderItem={(i) => (
            <List.Item key={i.id} style={{ display: 'block' }}>
              <div>
                {i.inspectedOn} · {i.inspector} · {i.scope}
              </div>
              {i.findings && (
                <Typography.Text type="secondary" style={small}>
                  {i.findings}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      </Card>
      {can('handover.read') && <Agreements />}
    </div>
  );
}
