// 领导支持 (R-RPT-03, 附件一 6): data tables, network reports and reporting material the agency asks for
// with a due date; assigned by the project manager, delivered with files and a note, accepted or asked again.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LEADER_KINDS, LEADER_KIND_NAMES, type LeaderState, type TLeaderInput, type TLeaderRequest } from '../../../common/deliverables.ts';
import { deliverablesApi as api } from '../../../common/deliverables.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';

export const LEADER_TAG: Record<LeaderState, [string, string]> = {
  open: ['待分派', 'default'],
  assigned: ['处理中', 'processing'],
  delivered: ['待甲方验收', 'gold'],
  accepted: ['已验收', 'success'],
};

export function LeaderState({ r }: { r: Pick<TLeaderRequest, 'state' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={LEADER_TAG[r.state][1]}>{t(LEADER_TAG[r.state][0])}</Tag>
      {r.overdue && <Tag color="error">{t('已逾期')}</Tag>}
    </>
  );
}

type FormValues = Omit<TLeaderInput, 'dueDate'> & { dueDate: Dayjs };

export function LeaderPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const nav = useNavigate();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useCall(api.leaderRequests, { query: { page, pageSize: 20 } });
  return (
    <div>
      <PageHeader
        title={t('领导支持')}
        subtitle={t('甲方领导临时需要的数据报表、网络报告和汇报材料：按期限分派、交付与验收')}
        extra={
          can('deliverables.review') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('提出需求')}
            </Button>
          )
        }
      />
      <Card>
        <Table<TLeaderRequest>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => void nav(`/deliverables/leader/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'n', title: t('编号'), responsive: ['md'], render: (_, r) => r.number },
            { key: 't', title: t('标题'), render: (_, r) => r.title },
            { key: 'k', title: t('类别'), responsive: ['md'], render: (_, r) => t(LEADER_KIND_NAMES[r.kind]) },
            { key: 'd', title: t('完成期限'), render: (_, r) => fmtDate(r.dueDate) },
            { key: 's', title: t('状态'), render: (_, r) => <LeaderState r={r} /> },
            { key: 'r', title: t('提出人'), responsive: ['md'], render: (_, r) => r.requester },
            { key: 'a', title: t('承办人'), responsive: ['md'], render: (_, r) => r.assigneeName ?? '—' },
          ]}
        />
      </Card>
      <FormModal<FormValues, TLeaderRequest>
        open={adding}
        onClose={() => setAdding(false)}
        width={640}
        title={t('提出领导支持需求')}
        okText={t('提交')}
        successText="已提交"
        invalidate={['leader-requests']}
        initialValues={{ kind: 'data_table' }}
        submit={(v) => call(api.createLeaderRequest, { body: { ...v, dueDate: v.dueDate.format('YYYY-MM-DD') } })}
        onDone={(r) => void nav(`/deliverables/leader/${r.id}`)}
      >
        <Form.Item name="title" label={t('标题')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('类别')} rules={[{ required: true }]}>
          <Select options={LEADER_KINDS.map((k) => ({ value: k, label: t(LEADER_KIND_NAMES[k]) }))} />
        </Form.Item>
        <Form.Item name="detail" label={t('需要什么')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('完成期限')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="requester" label={t('提出人')} rules={[{ required: true }]}>
          <Input maxLength={100} placeholder={t('如：王主任（办公室）')} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
