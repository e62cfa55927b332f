// Where the fault stands in the contract's flow (R-SD-05..07) and what the signed-in user can do
// next: assign, emergency mode, the agency's test-and-confirm or rejection, the follow-up call,
// merging a duplicate, and filing the fix in the knowledge base.
import {
  BookOutlined,
  CheckOutlined,
  CloseOutlined,
  MergeCellsOutlined,
  PhoneOutlined,
  ThunderboltOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Input, Modal, Rate, Select, Space, Steps, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { TTicketFlow } from '../../../../common/desk-flow.ts';
import { call, type CallInput } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useFeedback } from '../../../components/feedback.ts';
import { fmtTime } from '../../../components/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useRefresh } from './queries.ts';
import { FOLLOWUP_INITIAL, FollowupFields, followupBody, type FollowupValues } from './FollowupFields.tsx';
import { deskApi, kbApi } from '../../../../common/desk.api.ts';
import { deskFlowApi } from '../../../../common/desk-flow.api.ts';
import { useCall } from '../../../api/query.ts';

function useSteps(flow: TTicketFlow) {
  const { t } = useI18n();
  const tk = flow.ticket;
  const met = (target: string) => {
    const s = tk.slas.find((x) => x.target === target);
    return !!s && (s.state === 'met' || s.state === 'met_late');
  };
  const steps = [
    { key: 'create', title: t('登记'), done: true },
    { key: 'callback', title: t('回电'), done: met('callback') },
    { key: 'onsite', title: t('到场'), done: met('onsite') || tk.status !== 'new' },
    { key: 'diagnosis', title: t('诊断'), done: flow.docVersions.diagnosis > 0 },
    { key: 'plan', title: t('方案'), done: flow.docVersions.plan > 0 },
    { key: 'report', title: t('维护报告'), done: flow.docVersions.report > 0 },
    { key: 'confirm', title: t('甲方确认'), done: tk.status === 'closed' },
    { key: 'followup', title: t('回访'), done: flow.followup?.status === 'done' },
  ];
  const current = steps.findIndex((s) => !s.done);
  return { steps, current: current < 0 ? steps.length : current };
}

function ActionModal(p: {
  open: boolean;
  title: string;
  onClose: () => void;
  busy: boolean;
  onOk: () => void;
  children: ReactNode;
  okText?: string;
  danger?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onClose}
      onOk={p.onOk}
      okText={p.okText ?? t('确定')}
      okButtonProps={{ danger: p.danger }}
      confirmLoading={p.busy}
      destroyOnHidden
    >
      {p.children}
    </Modal>
  );
}

export function FlowPanel({ flow }: { flow: TTicketFlow }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const phone = Grid.useBreakpoint().md === false;
  const tk = flow.ticket;
  const refresh = useRefresh(tk.id);
  const { steps, current } = useSteps(flow);
  const [open, setOpen] = useState<null | 'assign' | 'emergency' | 'confirm' | 'reject' | 'followup' | 'merge' | 'kb'>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const close = () => (setOpen(null), form.resetFields());
  const live = !['closed', 'merged'].includes(tk.status);
  const self = { params: { id: tk.id } };
  // The form's values: the fields' own rules make the required ones present.
  const text = (x: unknown) => (typeof x === 'string' ? x : '');

  const act = useMutation({
    mutationFn: ({ run }: { run: () => Promise<unknown>; done: string }) => run(),
    onSuccess: async (_r, v) => {
      fb.ok(v.done);
      close();
      await refresh();
    },
    onError: (e) => fb.fail(e, form),
  });
  const run = (done: string, fn: () => Promise<unknown>) => act.mutate({ run: fn, done });
  const candidates = useCall(
    deskApi.assignees,
    { params: { id: tk.id } },
    { queryKey: ['tickets', 'one', tk.id, 'assignees'], enabled: open === 'assign' },
  );
  const [mergeQ, setMergeQ] = useState('');
  const mergeOptions = useCall(
    deskApi.listTickets,
    { query: { q: mergeQ, open: 'true', pageSize: 10 } },
    { enabled: open === 'merge' && mergeQ.length >= 2 },
  );
  const kbPost = useMutation({
    // The form holds the draft's fields (GET …/kb-draft), edited.
    mutationFn: (v: Record<string, unknown>) => call(kbApi.create, { body: v as CallInput<typeof kbApi.create>['body'] }),
    onSuccess: () => (fb.ok('已存入知识库'), close()),
    onError: (e) => fb.fail(e, form),
  });
  const openKb = async () => {
    try {
      const d = await call(deskFlowApi.kbDraft, { params: { id: tk.id } });
      form.setFieldsValue(d);
      setOpen('kb');
    } catch (e) {
      fb.fail(e);
    }
  };

  const buttons: ReactNode[] = [];
  if (can('desk.confirm') && tk.status === 'resolved') {
    buttons.push(
      <Button
        key="confirm"
        type="primary"
        icon={<CheckOutlined />}
        disabled={!flow.confirmable}
        onClick={() => setOpen('confirm')}
        data-testid="flow-confirm"
      >
        {t('测试通过，确认修复')}
      </Button>,
      <Button key="reject" danger icon={<CloseOutlined />} onClick={() => setOpen('reject')}>
        {t('驳回，重新处理')}
      </Button>,
    );
  }
  if (can('desk.manage') && flow.followup?.status === 'pending')
    buttons.push(
      <Button key="followup" type="primary" icon={<PhoneOutlined />} onClick={() => setOpen('followup')}>
        {t('记录回访')}
      </Button>,
    );
  if (can('desk.manage') && live)
    buttons.push(
      <Button key="assign" icon={<UserSwitchOutlined />} onClick={() => setOpen('assign')}>
        {flow.assigneeName ? t('改派') : t('派单')}
      </Button>,
    );
  if (can('desk.work') && live && !tk.emergency && tk.status !== 'resolved')
    buttons.push(
      <Button key="emergency" icon={<ThunderboltOutlined />} onClick={() => setOpen('emergency')}>
        {t('应急模式')}
      </Button>,
    );
  if (can('desk.manage') && live)
    buttons.push(
      <Button key="merge" icon={<MergeCellsOutlined />} onClick={() => setOpen('merge')}>
        {t('合并重复单')}
      </Button>,
    );
  if (can('kb.write') && (tk.status === 'resolved' || tk.status === 'closed'))
    buttons.push(
      <Button key="kb" icon={<BookOutlined />} onClick={() => void openKb()}>
        {t('存入知识库')}
      </Button>,
    );

  const docNames: Record<string, string> = { diagnosis: t('故障诊断报告'), plan: t('故障恢复方案'), report: t('维护报告') };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {phone ? (
        // A phone has no room for eight titled steps: dots, and the step at hand in words.
        <div>
          <Typography.Text strong>
            {current < steps.length
              ? t('当前：{x}（第 {n}/{m} 步）', { x: steps[current]!.title, n: current + 1, m: steps.length })
              : t('流程已完成')}
          </Typography.Text>
          <Steps
            size="small"
            progressDot
            responsive={false}
            current={current}
            items={steps.map(() => ({ title: '' }))}
            style={{ marginTop: 8 }}
          />
        </div>
      ) : (
        <Steps size="small" current={current} items={steps.map((s) => ({ title: s.title }))} />
      )}
      <Space wrap size={[16, 4]} style={{ fontSize: 13, color: '#4b5563' }}>
        <span>
          {t('处理人')}：{flow.assigneeName ?? <Typography.Text type="secondary">{t('未分派')}</Typography.Text>}
        </span>
        <span>
          {t('工作时长')}：{t('现场 {a} 分钟，远程 {b} 分钟', { a: flow.workMinutes.onsite, b: flow.workMinutes.remote })}
        </span>
        {tk.reopenCount > 0 && <Typography.Text type="danger">{t('被驳回 {n} 次', { n: tk.reopenCount })}</Typography.Text>}
        {flow.confirmation && (
          <span>
            {flow.confirmation.outcome === 'confirmed' ? t('甲方已确认') : t('甲方驳回')}：{flow.confirmation.byName} ·{' '}
            {fmtTime(flow.confirmation.at)}
            {flow.confirmation.comment && ` · ${flow.confirmation.comment}`}
          </span>
        )}
        {flow.followup?.status === 'done' && (
          <span>
            {t('回访')}：
            {flow.followup.reachable ? <Rate disabled value={flow.followup.satisfaction ?? 0} style={{ fontSize: 13 }} /> : t('未联系上')}
          </span>
        )}
      </Space>
      {tk.emergency && (
        <Alert
          type={flow.docsOverdue ? 'error' : 'warning'}
          showIcon
          title={
            flow.docsMissing.length
              ? t('应急模式：先恢复，后补文档。待补：{docs}{due}', {
                  docs: flow.docsMissing.map((d) => docNames[d]).join('、'),
                  due: tk.docsDueAt ? `；${t('补齐期限')} ${fmtTime(tk.docsDueAt)}` : '',
                })
              : t('应急模式：文档已补齐')
          }
        />
      )}
      {can('desk.confirm') && tk.status === 'resolved' && !flow.confirmable && (
        <Alert type="info" showIcon title={t('维护报告和应急模式下的补填文档齐全后，才能确认')} />
      )}
      {buttons.length > 0 && (
        <Space wrap data-testid="flow-actions">
          {buttons}
        </Space>
      )}

      <ActionModal open={open === 'assign'} title={t('派单')} onClose={close} busy={act.isPending} onOk={() => form.submit()}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => run(t('已派单'), () => call(deskFlowApi.assign, { ...self, body: { assigneeId: text(v.assigneeId) } }))}
        >
          <Form.Item name="assigneeId" label={t('处理人')} rules={[{ required: true, message: t('请选择处理人') }]}>
            <Select
              loading={candidates.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(candidates.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.displayName}（${c.role === 'contractor_pm' ? t('项目经理') : t('工程师')}）`,
              }))}
            />
          </Form.Item>
        </Form>
      </ActionModal>
      <ActionModal
        open={open === 'emergency'}
        title={t('进入应急模式')}
        onClose={close}
        busy={act.isPending}
        onOk={() => form.submit()}
        danger
      >
        <Typography.Paragraph type="secondary">
          {t('应急模式下先恢复业务，诊断报告、恢复方案和维护报告在解决后 2 个工作日内补齐。')}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => run(t('已进入应急模式'), () => call(deskFlowApi.emergency, { ...self, body: { reason: text(v.reason) } }))}
        >
          <Form.Item name="reason" label={t('原因')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('如：核心交换机宕机，全楼断网')} />
          </Form.Item>
        </Form>
      </ActionModal>
      <ActionModal
        open={open === 'confirm'}
        title={t('确认修复')}
        onClose={close}
        busy={act.isPending}
        onOk={() => form.submit()}
        okText={t('确认')}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            run(t('已确认，运维单关闭'), () =>
              call(deskFlowApi.confirm, { ...self, body: { outcome: 'confirmed', comment: text(v.comment) } }),
            )
          }
        >
          <Form.Item name="comment" label={t('测试情况（可选）')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('如：端口恢复，业务测试正常')} />
          </Form.Item>
        </Form>
      </ActionModal>
      <ActionModal
        open={open === 'reject'}
        title={t('驳回维护结果')}
        onClose={close}
        busy={act.isPending}
        onOk={() => form.submit()}
        okText={t('驳回')}
        danger
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            run(t('已驳回，运维单重新打开'), () =>
              call(deskFlowApi.confirm, { ...self, body: { outcome: 'rejected', comment: text(v.comment) } }),
            )
          }
        >
          <Form.Item name="comment" label={t('驳回原因')} rules={[{ required: true, whitespace: true, message: t('驳回须填写原因') }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </ActionModal>
      <ActionModal open={open === 'followup'} title={t('回访')} onClose={close} busy={act.isPending} onOk={() => form.submit()}>
        <Form
          form={form}
          layout="vertical"
          initialValues={FOLLOWUP_INITIAL}
          onFinish={(v) =>
            run(t('回访已记录'), () => call(deskFlowApi.followup, { ...self, body: followupBody(v as unknown as FollowupValues) }))
          }
        >
          <FollowupFields />
        </Form>
      </ActionModal>
      <ActionModal open={open === 'merge'} title={t('合并到另一张运维单')} onClose={close} busy={act.isPending} onOk={() => form.submit()}>
        <Typography.Paragraph type="secondary">{t('本单将标记为“已合并”，工作记录移到目标单，SLA 以目标单为准。')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => run(t('已合并'), () => call(deskFlowApi.merge, { ...self, body: { intoId: text(v.intoId) } }))}
        >
          <Form.Item name="intoId" label={t('目标运维单')} rules={[{ required: true, message: t('请选择目标运维单') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setMergeQ }}
              placeholder={t('输入编号或标题查找')}
              loading={mergeOptions.isFetching}
              options={(mergeOptions.data?.items ?? [])
                .filter((x) => x.id !== tk.id)
                .map((x) => ({ value: x.id, label: `${x.number} ${x.title}` }))}
            />
          </Form.Item>
        </Form>
      </ActionModal>
      <ActionModal
        open={open === 'kb'}
        title={t('存入知识库')}
        onClose={close}
        busy={kbPost.isPending}
        onOk={() => form.submit()}
        okText={t('保存')}
      >
        <Form form={form} layout="vertical" onFinish={(v) => kbPost.mutate(v)}>
          <Form.Item name="sourceTicketId" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="serviceLine" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="problem" label={t('问题')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="cause" label={t('原因')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="solution" label={t('解决办法')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </ActionModal>
    </div>
  );
}
