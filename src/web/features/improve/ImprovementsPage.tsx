// 改进建议 (R-SD-12): every improvement request with where it stands, filtered by state, service line,
// keyword or 我提出的; a request opens in a drawer (also from a notification's link, ?open=<id>).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Grid, Input, Radio, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  IMPROVEMENT_RESULT_NAMES,
  IMPROVEMENT_STATE_NAMES,
  IMPROVEMENT_STATES,
  type ImprovementState,
  type TImprovement,
  type TImprovementCreate,
} from '../../../common/improve.ts';
import { improveApi } from '../../../common/improve.api.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { ExportButton } from '../../components/ListButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { LINE_COLOR, lineShort } from '../contract/lines.ts';
import { ImprovementDrawer } from './ImprovementDrawer.tsx';
import { RESULT_COLOR, STATE_COLOR } from './meta.ts';

function NewImprovement({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  return (
    <FormModal<TImprovementCreate>
      open={open}
      onClose={onClose}
      title={t('提出改进建议')}
      okText={t('提交')}
      successText="改进建议已提交"
      invalidate={['improvements']}
      submit={(body) => call(improveApi.create, { body })}
    >
      <Form.Item name="serviceLine" label={t('服务项目')} rules={[{ required: true, message: t('请选择服务项目') }]}>
        <Radio.Group optionType="button" options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('希望改进什么')} rules={[{ required: true, whitespace: true, message: t('请填写改进内容') }]}>
        <Input maxLength={200} showCount placeholder={t('如：报修后短信告知工程师姓名和预计到场时间')} />
      </Form.Item>
      <Form.Item name="reason" label={t('为什么')} rules={[{ required: true, whitespace: true, message: t('请填写原因') }]}>
        <Input.TextArea rows={4} maxLength={4000} placeholder={t('遇到的问题、影响了谁、改进后有什么好处')} />
      </Form.Item>
    </FormModal>
  );
}

export function ImprovementsPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<ImprovementState | 'all'>('all');
  const [line, setLine] = useState<ServiceLineCode | undefined>();
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const wide = Grid.useBreakpoint().md === true;
  const stateOptions = [
    { value: 'all' as const, label: t('全部') },
    ...IMPROVEMENT_STATES.map((s) => ({ value: s, label: pick(lang, IMPROVEMENT_STATE_NAMES[s]) })),
  ];
  const filters = {
    ...(status !== 'all' ? { status } : {}),
    ...(line ? { serviceLine: line } : {}),
    ...(q ? { q } : {}),
    ...(mine ? { mine: 'true' as const } : {}),
  };
  const query = { page, pageSize: 20, ...filters };
  const list = useCall(improveApi.list, { query });
  const open = params.get('open');
  const show = (id: string | null) => setParams(id ? { open: id } : {}, { replace: true });

  return (
    <div>
      <PageHeader
        title={t('改进建议')}
        subtitle={t('对运维服务的改进建议：乙方评估、采纳并实施，甲方对照建议评价结果')}
        extra={
          <Space wrap>
            <ExportButton route={improveApi.exportList} query={filters} />
            {can('improve.submit') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('提出改进建议')}
              </Button>
            )}
          </Space>
        }
      />
      <Card styles={{ body: { paddingBottom: 8, ...(wide ? {} : { paddingInline: 12 }) } }}>
        <Space wrap style={{ marginBottom: 12 }}>
          {/* Seven states do not fit a phone's width as buttons: a select there. */}
          {wide ? (
            <Segmented value={status} onChange={(v) => (setStatus(v), setPage(1))} options={stateOptions} />
          ) : (
            <Select
              style={{ width: 140 }}
              value={status}
              onChange={(v: ImprovementState | 'all') => (setStatus(v), setPage(1))}
              options={stateOptions}
            />
          )}
          <Select
            allowClear
            placeholder={t('服务项目')}
            style={{ width: 140 }}
            value={line}
            onChange={(v) => (setLine(v), setPage(1))}
            options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('搜索标题或原因')}
            style={{ width: 220 }}
            onSearch={(v) => (setQ(v.trim()), setPage(1))}
          />
          {can('improve.submit') && (
            <Segmented
              value={mine ? 'mine' : 'all'}
              onChange={(v) => (setMine(v === 'mine'), setPage(1))}
              options={[
                { value: 'all', label: t('所有人的') },
                { value: 'mine', label: t('我提出的') },
              ]}
            />
          )}
        </Space>
        <Table<TImprovement>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => show(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'n',
              title: t('编号'),
              width: 96,
              responsive: ['md'],
              render: (_, r) => <span className="yw-mono">{r.number}</span>,
            },
            {
              key: 't',
              title: t('改进建议'),
              render: (_, r) => (
                <div style={{ minWidth: wide ? 220 : 150, maxWidth: 460 }}>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12 }}>
                    {r.reason}
                  </Typography.Paragraph>
                </div>
              ),
            },
            {
              key: 'l',
              title: t('服务项目'),
              width: 110,
              responsive: ['md'],
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  <span
                    style={{
                      display: 'inline-block',
                      width: 8,
                      height: 8,
                      borderRadius: 2,
                      background: LINE_COLOR[r.serviceLine],
                      marginInlineEnd: 6,
                    }}
                  />
                  {lineShort(r.serviceLine, lang)}
                </span>
              ),
            },
            {
              key: 's',
              title: t('状态'),
              width: 150,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={STATE_COLOR[r.status]}>{pick(lang, IMPROVEMENT_STATE_NAMES[r.status])}</Tag>
                  {r.result && <Tag color={RESULT_COLOR[r.result]}>{pick(lang, IMPROVEMENT_RESULT_NAMES[r.result])}</Tag>}
                </Space>
              ),
            },
            { key: 'b', title: t('提出人'), width: 100, responsive: ['lg'], render: (_, r) => r.submittedByName },
            {
              key: 'c',
              title: t('提出时间'),
              width: 150,
              responsive: ['md'],
              render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(r.createdAt)}</span>,
            },
          ]}
        />
      </Card>
      <NewImprovement open={adding} onClose={() => setAdding(false)} />
      <ImprovementDrawer id={open} onClose={() => show(null)} />
    </div>
  );
}
