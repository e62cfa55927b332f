// The training forms: the agency's request, a session the contractor plans, scheduling a request,
// attendees, the delivery summary, an attendee's assessment, and a staff certificate.
import { DatePicker, Form, Input, Rate, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { TRAINING_KINDS, TRAINING_KIND_NAMES, type TCertificateInput, type TSessionDetail } from '../../../common/training.ts';
import { trainingApi as api } from '../../../common/training.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useLineLabel } from '../../components/LineTags.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props<R = TSessionDetail> {
  open: boolean;
  onClose: () => void;
  onDone?: (r: R) => void;
}
const span = (w: [Dayjs, Dayjs]) => ({ startAt: w[0].toISOString(), endAt: w[1].toISOString() });

function LineField() {
  const { t } = useI18n();
  const label = useLineLabel();
  return (
    <Form.Item name="line" label={t('服务项目')}>
      <Select allowClear options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))} />
    </Form.Item>
  );
}
function WhenWhere() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="window" label={t('培训时间')} rules={[{ required: true, message: t('请选择培训时间') }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label={t('地点')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="trainer" label={t('讲师')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

export function RequestForm({ open, onClose, onDone }: Props) {
  const { t } = useI18n();
  return (
    <FormModal<{ title: string; line?: 'NET'; topic: string; preferred?: Dayjs }, TSessionDetail>
      open={open}
      onClose={onClose}
      title={t('申请用户培训')}
      successText="已提交培训申请"
      invalidate={['training']}
      submit={({ preferred, line, ...v }) =>
        call(api.request, { body: { ...v, line: line ?? null, preferredDate: preferred ? preferred.format('YYYY-MM-DD') : null } })
      }
      {...(onDone ? { onDone } : {})}
    >
      <Form.Item name="title" label={t('培训名称')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <LineField />
      <Form.Item name="topic" label={t('培训内容')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('如：网络知识、配置操作、新增功能、安全客户端使用')} />
      </Form.Item>
      <Form.Item name="preferred" label={t('希望日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

export function SessionForm({ open, onClose, onDone }: Props) {
  const { t } = useI18n();
  return (
    <FormModal<
      { kind: 'staff'; title: string; line?: 'NET'; topic: string; window: [Dayjs, Dayjs]; place: string; trainer: string },
      TSessionDetail
    >
      open={open}
      onClose={onClose}
      title={t('安排培训')}
      successText="培训已安排"
      invalidate={['training']}
      initialValues={{ kind: 'staff' }}
      submit={({ window, line, ...v }) => call(api.create, { body: { ...v, line: line ?? null, ...span(window) } })}
      {...(onDone ? { onDone } : {})}
    >
      <Form.Item name="kind" label={t('类别')} rules={[{ required: true }]}>
        <Select options={TRAINING_KINDS.map((k) => ({ value: k, label: t(TRAINING_KIND_NAMES[k]) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('培训名称')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <LineField />
      <Form.Item name="topic" label={t('培训内容')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <WhenWhere />
    </FormModal>
  );
}

export function ScheduleForm({ id, open, onClose }: Props & { id: string }) {
  const { t } = useI18n();
  return (
    <FormModal<{ window: [Dayjs, Dayjs]; place: string; trainer: string }, TSessionDetail>
      open={open}
      onClose={onClose}
      title={t('安排时间')}
      successText="已安排"
      invalidate={['training']}
      submit={({ window, ...v }) => call(api.schedule, { params: { id }, body: { ...v, ...span(window) } })}
    >
      <WhenWhere />
    </FormModal>
  );
}

export function AttendeesForm({ id, open, onClose }: Props & { id: string }) {
  const { t } = useI18n();
  return (
    <FormModal<{ usernames?: string[]; outside?: string }, TSessionDetail>
      open={open}
      onClose={onClose}
      title={t('添加参训人员')}
      successText="已添加"
      invalidate={['training']}
      submit={({ usernames, outside }) =>
        call(api.attendees, {
          params: { id },
          body: {
            usernames: usernames ?? [],
            outside: (outside ?? '')
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
              .map((l) => {
                const [name = '', org = ''] = l.split(/[,，]/).map((x) => x.trim());
                return { name, org };
              }),
          },
        })
      }
    >
      <Form.Item name="usernames" label={t('系统用户（用户名）')}>
        <Select mode="tags" tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Form.Item name="outside" label={t('外部人员（每行一人：姓名，单位）')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

export function DeliverForm({ id, open, onClose }: Props & { id: string }) {
  const { t } = useI18n();
  return (
    <FormModal<{ summary: string }, TSessionDetail>
      open={open}
      onClose={onClose}
      title={t('登记培训完成')}
      successText="已登记完成"
      invalidate={['training']}
      submit={(v) => call(api.deliver, { params: { id }, body: v })}
    >
      <Form.Item name="summary" label={t('培训小结')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

export function RateForm({ id, attendee, open, onClose }: Props & { id: string; attendee?: { id: string; name: string } | undefined }) {
  const { t } = useI18n();
  return (
    <FormModal<{ clarity: number; effect: number; comment?: string }, TSessionDetail>
      open={open}
      onClose={onClose}
      title={attendee ? `${t('代录评价')}：${attendee.name}` : t('培训评价')}
      successText="感谢您的评价"
      invalidate={['training']}
      submit={(v) => call(api.rate, { params: { id }, body: { ...v, ...(attendee ? { attendeeId: attendee.id } : {}) } })}
    >
      <Form.Item name="clarity" label={t('培训内容是否通俗易懂')} rules={[{ required: true, message: t('请评分') }]}>
        <Rate />
      </Form.Item>
      <Form.Item name="effect" label={t('是否达到预期培训目的')} rules={[{ required: true, message: t('请评分') }]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label={t('意见与建议')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

export function CertificateForm({ open, onClose }: Props<unknown>) {
  const { t } = useI18n();
  const staff = useCall(api.staff, {}, { enabled: open });
  return (
    <FormModal<Omit<TCertificateInput, 'validUntil'> & { until?: Dayjs }, unknown>
      open={open}
      onClose={onClose}
      title={t('登记证书')}
      successText="证书已登记"
      invalidate={['training']}
      submit={({ until, ...v }) => call(api.createCertificate, { body: { ...v, validUntil: until ? until.format('YYYY-MM-DD') : null } })}
    >
      <Form.Item name="personId" label={t('人员')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(staff.data ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.title}` }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('证书名称')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="number" label={t('证书编号')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="issuer" label={t('发证机构')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="until" label={t('有效期至')} extra={t('长期有效可不填')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
