// 设备分组与备份计划 (issue 12 point 2): groups of devices each with its schedule (every N minutes or
// at daily times), a window in Beijing time outside which no scheduled backup starts, working days
// of the business calendar only or every day; devices in no group follow the nightly default.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { HHMM_RE, type TGroup, type TGroupInput } from '../../../common/configbackup-groups.ts';
import { configBackupApi as api } from '../../../common/configbackup.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';

type FormValues = TGroupInput & { mode: 'interval' | 'daily' };
const HHMM_HINT = '时间应为 HH:MM（00:00–23:59）';

function GroupFields() {
  const { t } = useI18n();
  const mode = Form.useWatch<FormValues['mode']>('mode');
  const hhmm = [{ pattern: HHMM_RE, message: t(HHMM_HINT) }];
  return (
    <>
      <Form.Item name="name" label={t('名称')} rules={[{ required: true }]}>
        <Input maxLength={100} placeholder={t('如：核心网络设备、安全设备')} />
      </Form.Item>
      <Form.Item name="description" label={t('说明')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="mode" label={t('备份方式')}>
        <Radio.Group
          options={[
            { value: 'interval', label: t('按间隔') },
            { value: 'daily', label: t('每日定时') },
          ]}
        />
      </Form.Item>
      {mode === 'interval' ? (
        <Form.Item name="everyMinutes" label={t('间隔（分钟）')} rules={[{ required: true }]}>
          <InputNumber min={5} max={10080} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ) : (
        <Form.Item
          name="dailyTimes"
          label={t('每日备份时间（北京时间）')}
          rules={[{ required: true }, { type: 'array', defaultField: { pattern: HHMM_RE, message: t(HHMM_HINT) } }]}
        >
          <Select mode="tags" placeholder="02:30" tokenSeparators={[',', ' ', '，']} open={false} />
        </Form.Item>
      )}
      <Space align="start" wrap>
        <Form.Item name="windowStart" label={t('时间窗口开始')} rules={hhmm}>
          <Input placeholder="01:00" style={{ width: 120 }} maxLength={5} />
        </Form.Item>
        <Form.Item name="windowEnd" label={t('时间窗口结束')} rules={hhmm}>
          <Input placeholder="05:00" style={{ width: 120 }} maxLength={5} />
        </Form.Item>
      </Space>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('窗口外不启动定时备份；结束早于开始表示跨越午夜；不填表示全天。')}
      />
      <Space size="large">
        <Form.Item name="workingDaysOnly" label={t('仅工作日（按工作日历，节假日不备份）')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="enabled" label={t('启用')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </>
  );
}

/** The form's values as the API wants them: one of interval or daily times, empty window as none. */
function toInput(v: FormValues): TGroupInput {
  const { mode, ...rest } = v;
  return {
    ...rest,
    description: rest.description ?? '',
    everyMinutes: mode === 'interval' ? (rest.everyMinutes ?? null) : null,
    dailyTimes: mode === 'daily' ? (rest.dailyTimes ?? []) : [],
    windowStart: rest.windowStart || null,
    windowEnd: rest.windowEnd || null,
  };
}

const toForm = (g: TGroup | null): Partial<FormValues> =>
  g
    ? { ...g, mode: g.everyMinutes === null ? 'daily' : 'interval', windowStart: g.windowStart ?? '', windowEnd: g.windowEnd ?? '' }
    : { mode: 'daily', dailyTimes: ['02:30'], windowStart: '01:00', windowEnd: '05:00', workingDaysOnly: false, enabled: true };

function GroupDevices({ group, onClose }: { group: TGroup; onClose: () => void }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const all = useCall(api.list, { query: { pageSize: 200 } });
  const members = (all.data?.items ?? []).filter((d) => d.groupId === group.id).map((d) => d.id);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const next = chosen ?? members;
      const body = { add: next.filter((id) => !members.includes(id)), remove: members.filter((id) => !next.includes(id)) };
      return call(api.assignDevices, { params: { id: group.id }, body });
    },
    onSuccess: async () => {
      fb.ok('已保存');
      await qc.invalidateQueries({ queryKey: ['config-backup'] });
      await qc.invalidateQueries({ queryKey: ['config-backup-groups'] });
      onClose();
    },
    onError: (e) => fb.fail(e),
  });
  return (
    <Modal open title={`${t('分组设备')}：${group.name}`} onCancel={onClose} onOk={() => save.mutate()} confirmLoading={save.isPending}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('一台设备只属于一个分组；移出的设备回到默认的夜间备份（02:30）。')}
      />
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        loading={all.isLoading}
        value={chosen ?? members}
        onChange={setChosen}
        optionFilterProp="label"
        options={(all.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.address}）` }))}
      />
    </Modal>
  );
}

export function GroupsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<TGroup | 'new' | null>(null);
  const [assigning, setAssigning] = useState<TGroup | null>(null);
  const [enabled, setEnabled] = useState<string>();
  const [workdays, setWorkdays] = useState<string>();
  const del = useMutation({
    mutationFn: (id: string) => call(api.deleteGroup, { params: { id } }),
    onSuccess: async () => {
      fb.ok('分组已删除');
      await qc.invalidateQueries({ queryKey: ['config-backup-groups'] });
    },
    onError: (e) => fb.fail(e),
  });
  const write = can('configbackup.write');
  const columns: DTColumn<TGroup>[] = [
    { title: t('名称'), dataIndex: 'name', fixed: 'left' },
    {
      title: t('备份计划'),
      dataIndex: 'everyMinutes',
      render: (_: unknown, g) =>
        g.everyMinutes !== null ? t('每 {n} 分钟', { n: g.everyMinutes }) : `${t('每日')} ${g.dailyTimes.join('、')}`,
    },
    {
      title: t('时间窗口'),
      dataIndex: 'windowStart',
      render: (_: unknown, g) => (g.windowStart ? <span className="yw-mono">{`${g.windowStart}–${g.windowEnd}`}</span> : t('全天')),
    },
    {
      title: t('日期'),
      dataIndex: 'workingDaysOnly',
      render: (v: boolean) => (v ? <Tag color="blue">{t('仅工作日')}</Tag> : <Tag>{t('每天')}</Tag>),
    },
    { title: t('设备数'), dataIndex: 'devices', align: 'right' },
    {
      title: t('状态'),
      dataIndex: 'enabled',
      render: (v: boolean) => (v ? <Tag color="success">{t('启用')}</Tag> : <Tag>{t('停用')}</Tag>),
    },
    ...(write
      ? [
          {
            title: t('操作'),
            key: 'ops',
            render: (_: unknown, g: TGroup) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(g)}>
                  {t('编辑')}
                </Button>
                <Button size="small" type="link" onClick={() => setAssigning(g)}>
                  {t('设备')}
                </Button>
                <Popconfirm title={t('删除此分组？其设备回到默认的夜间备份。')} onConfirm={() => del.mutate(g.id)}>
                  <Button size="small" type="link" danger>
                    {t('删除')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const yesNo = (yes: string, no: string) => [
    { value: 'true', label: t(yes) },
    { value: 'false', label: t(no) },
  ];
  return (
    <div>
      <PageHeader
        title={t('设备分组与备份计划')}
        subtitle={t('按分组设置备份间隔或每日时间、时间窗口（北京时间）与工作日历；未分组的设备每晚 02:30 备份')}
      />
      <Card>
        <DataTable
          queryKey="config-backup-groups"
          source={api.groups}
          rowKey="id"
          columns={columns}
          params={{ enabled, workingDaysOnly: workdays }}
          searchPlaceholder={t('名称或说明')}
          filters={
            <Space wrap>
              <Select
                allowClear
                placeholder={t('状态')}
                style={{ width: 110 }}
                value={enabled}
                onChange={setEnabled}
                options={yesNo('启用', '停用')}
              />
              <Select
                allowClear
                placeholder={t('日期')}
                style={{ width: 130 }}
                value={workdays}
                onChange={setWorkdays}
                options={yesNo('仅工作日', '每天')}
              />
            </Space>
          }
          actions={
            write && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('新建分组')}
              </Button>
            )
          }
        />
      </Card>
      {editing && (
        <FormModal<FormValues, TGroup>
          open
          width={560}
          title={editing === 'new' ? t('新建分组') : t('编辑分组')}
          onClose={() => setEditing(null)}
          initialValues={toForm(editing === 'new' ? null : editing)}
          submit={(v) =>
            editing === 'new'
              ? call(api.createGroup, { body: toInput(v) })
              : call(api.updateGroup, { params: { id: editing.id }, body: toInput(v) })
          }
          invalidate={['config-backup-groups']}
        >
          <GroupFields />
        </FormModal>
      )}
      {assigning && <GroupDevices group={assigning} onClose={() => setAssigning(null)} />}
    </div>
  );
}
