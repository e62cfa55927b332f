// A service line's staffing requirements (R-STF-01) and who fills each post.
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TStaffing } from '../../../common/contract.ts';
import { call } from '../../api/client.ts';
import { dayjs } from '../../app/dayjs.ts';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { usePeopleSearch } from '../org/queries.ts';
import { contractApi } from '../../../common/contract.api.ts';

function AssignModal({ staffing, onClose }: { staffing: TStaffing | null; onClose: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q);
  const taken = new Set(staffing?.assigned.map((a) => a.personId) ?? []);
  return (
    <FormModal<{ personId: string; since: dayjs.Dayjs | null }>
      open={!!staffing}
      onClose={onClose}
      title={t('安排人员到岗：{role}', { role: staffing?.role ?? '' })}
      okText={t('确定')}
      successText="已安排到岗"
      invalidate={['contract']}
      initialValues={{ since: dayjs() }}
      submit={(v) =>
        call(contractApi.assign, {
          params: { id: staffing!.id },
          body: {
            personId: v.personId,
            since: v.since ? v.since.format('YYYY-MM-DD') : null,
          },
        })
      }
    >
      <Form.Item name="personId" label={t('人员')} rules={[{ required: true, message: t('请选择人员') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          loading={people.isFetching}
          placeholder={t('输入姓名、电话搜索')}
          options={(people.data?.items ?? []).map((p) => ({
            value: p.id,
            disabled: taken.has(p.id),
            label: `${p.name}${p.title ? ` · ${p.title}` : ''}${taken.has(p.id) ? `（${t('已在岗')}）` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="since" label={t('到岗日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

type StaffingValues = { role: string; headcount: number; qualifications: string; duties: string; onsite: boolean; sort: number };

function StaffingModal({ lineId, staffing, onClose }: { lineId: string; staffing: TStaffing | null | undefined; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<StaffingValues>
      open={staffing !== undefined}
      onClose={onClose}
      width={680}
      title={staffing ? t('编辑岗位要求') : t('新增岗位要求')}
      invalidate={['contract']}
      initialValues={staffing ?? { headcount: 1, onsite: true, sort: 0 }}
      submit={(v) =>
        staffing
          ? call(contractApi.updateStaffing, { params: { id: staffing.id }, body: v })
          : call(contractApi.createStaffing, { params: { id: lineId }, body: v })
      }
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="role" label={t('岗位')} rules={[{ required: true, whitespace: true, message: t('请输入岗位') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="headcount" label={t('人数')} rules={[{ required: true, message: t('请输入人数') }]}>
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="sort" label={t('排序')}>
            <InputNumber min={0} max={999} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="qualifications" label={t('资质要求')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="duties" label={t('岗位职责')}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item name="onsite" valuePropName="checked">
        <Checkbox>{t('驻场')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function Assigned({ s, canWrite }: { s: TStaffing; canWrite: boolean }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (assignmentId: string) => call(contractApi.unassign, { params: { id: s.id, assignmentId } }),
    onSuccess: async () => {
      fb.ok('已离岗');
      await qc.invalidateQueries({ queryKey: ['contract'] });
    },
    onError: (e) => fb.fail(e),
  });
  return (
    <Space size={[4, 4]} wrap>
      {s.assigned.map((a) => (
        <Tag
          key={a.id}
          color="blue"
          closable={canWrite && !m.isPending}
          onClose={(e) => {
            e.preventDefault();
            m.mutate(a.id);
          }}
          title={a.since ? t('{d} 起到岗', { d: a.since }) : undefined}
        >
          {a.personName}
        </Tag>
      ))}
      {!s.assigned.length && <Typography.Text type="secondary">{t('未安排')}</Typography.Text>}
    </Space>
  );
}

export function StaffingTable({ lineId, staffing, canWrite }: { lineId: string; staffing: TStaffing[]; canWrite: boolean }) {
  const { t } = useI18n();
  const [assignTo, setAssignTo] = useState<TStaffing | null>(null);
  const [editing, setEditing] = useState<TStaffing | null | undefined>(undefined);
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', margin: '20px 0 8px', gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('人员配置')}
        </Typography.Title>
        {canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('新增岗位要求')}
          </Button>
        )}
      </div>
      <Table<TStaffing>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={staffing}
        columns={[
          { title: t('岗位'), dataIndex: 'role', width: 140, fixed: 'left' },
          {
            title: t('到岗/应配'),
            key: 'count',
            width: 96,
            align: 'center',
            render: (_, s) => {
              const n = Math.min(s.assigned.length, s.headcount);
              return <span style={{ fontWeight: 600, color: n < s.headcount ? '#cf1322' : '#389e0d' }}>{`${n}/${s.headcount}`}</span>;
            },
          },
          {
            title: t('资质要求'),
            dataIndex: 'qualifications',
            width: 200,
            render: (v: string) => (
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap', maxWidth: 220 }}
                ellipsis={{ rows: 3, expandable: true, symbol: t('展开') }}
              >
                {v || '—'}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('岗位职责'),
            dataIndex: 'duties',
            width: 300,
            render: (v: string) => (
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap', maxWidth: 320 }}
                ellipsis={{ rows: 3, expandable: true, symbol: t('展开') }}
              >
                {v || '—'}
              </Typography.Paragraph>
            ),
          },
          { title: t('驻场'), dataIndex: 'onsite', width: 64, align: 'center', render: (v: boolean) => (v ? t('是') : t('否')) },
          { title: t('在岗人员'), key: 'assigned', width: 220, render: (_, s) => <Assigned s={s} canWrite={canWrite} /> },
          ...(canWrite
            ? [
                {
                  title: t('操作'),
                  key: 'op',
                  width: 120,
                  fixed: 'right' as const,
                  render: (_: unknown, s: TStaffing) => (
                    <Space size={0} orientation="vertical" align="start">
                      <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setAssignTo(s)}>
                        {t('安排')}
                      </Button>
                      <Button type="link" size="small" onClick={() => setEditing(s)}>
                        {t('编辑')}
                      </Button>
                      <DeleteButton
                        route={contractApi.removeStaffing}
                        params={{ id: s.id }}
                        invalidate={['contract']}
                        confirm={t('删除岗位要求“{role}”？', { role: s.role })}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AssignModal staffing={assignTo} onClose={() => setAssignTo(null)} />
      <StaffingModal lineId={lineId} staffing={editing} onClose={() => setEditing(undefined)} />
    </div>
  );
}
