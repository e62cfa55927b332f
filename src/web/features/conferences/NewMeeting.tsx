// 登记视频会议: title, system, time and room; the endpoints that join default to all of the system's.
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { CONF_SYSTEMS, CONF_SYSTEM_NAMES, type ConfSystem, type TMeeting, type TMeetingInput } from '../../../common/conferences.ts';
import { conferencesApi as api } from '../../../common/conferences.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = Omit<TMeetingInput, 'startAt' | 'endAt'> & { window: [Dayjs, Dayjs] };

export function NewMeeting({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (m: TMeeting) => void }) {
  const { t } = useI18n();
  const endpoints = useCall(api.endpoints, {}, { enabled: open });
  return (
    <FormModal<Values, TMeeting>
      open={open}
      onClose={onClose}
      width={640}
      title={t('登记视频会议')}
      successText="会议已登记，请在会前完成联调"
      invalidate={['conferences']}
      initialValues={{ system: 'city_district', room: '第三会议室', endpointIds: [] }}
      submit={({ window, ...v }) => call(api.create, { body: { ...v, startAt: window[0].toISOString(), endAt: window[1].toISOString() } })}
      onDone={onDone}
    >
      {(form) => (
        <>
          <Form.Item name="title" label={t('会议名称')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="system" label={t('视频会议系统')} rules={[{ required: true }]}>
            <Select
              options={CONF_SYSTEMS.map((s) => ({ value: s, label: t(CONF_SYSTEM_NAMES[s]) }))}
              onChange={() => form.setFieldValue('endpointIds', [])}
            />
          </Form.Item>
          <Form.Item name="window" label={t('会议时间')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="room" label={t('会议室')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => (
              <Form.Item name="endpointIds" label={t('参会会场')} extra={t('不选则该系统的全部会场参会')}>
                <Select
                  mode="multiple"
                  allowClear
                  optionFilterProp="label"
                  options={(endpoints.data ?? [])
                    .filter((e) => e.active && e.systems.includes(form.getFieldValue('system') as ConfSystem))
                    .map((e) => ({ value: e.id, label: e.name }))}
                />
              </Form.Item>
            )}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
