// Set a date as a holiday, a make-up workday, or ordinary again (calendar.write).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Radio } from 'antd';
import type { DayInfo } from '../../../common/calendar.ts';
import { call } from '../../api/client.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { calendarApi } from '../../../common/calendar.api.ts';

type Kind = 'holiday' | 'makeup_workday' | 'ordinary';

export function DayModal({ day, onClose }: { day: DayInfo | null; onClose: () => void }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ kind: Kind; name: string }>();
  const special = day?.type === 'holiday' || day?.type === 'makeup_workday';
  const m = useMutation({
    mutationFn: async (v: { kind: Kind; name: string }) => {
      if (v.kind === 'ordinary') await call(calendarApi.deleteEntry, { params: { date: day!.date } });
      else await call(calendarApi.putEntry, { params: { date: day!.date }, body: { type: v.kind, name: v.name } });
    },
    onSuccess: async () => {
      fb.ok('日历已更新');
      await qc.invalidateQueries({ queryKey: ['calendar'] });
      onClose();
    },
    onError: (e) => fb.fail(e, form),
  });
  return (
    <Modal
      open={!!day}
      title={t('设置 {date}', { date: day?.date ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={t('保存')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: special ? day.type : 'holiday', name: day?.name ?? '' }}
        onFinish={(v) => m.mutate(v)}
        style={{ marginTop: 12 }}
      >
        <Form.Item name="kind" label={t('类型')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('法定节假日') },
              { value: 'makeup_workday', label: t('调休上班') },
              { value: 'ordinary', label: t('普通日'), disabled: !special },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {() =>
            form.getFieldValue('kind') !== 'ordinary' && (
              <Form.Item
                name="name"
                label={t('节日名称')}
                rules={[{ required: true, whitespace: true, message: t('请输入节日名称，如 国庆节') }]}
              >
                <Input maxLength={40} placeholder={t('如 国庆节')} />
              </Form.Item>
            )
          }
        </Form.Item>
      </Form>
    </Modal>
  );
}
