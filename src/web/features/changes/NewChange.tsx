// The change form (变更申请): devices (or systems in words), type, category, risk, reason and basis,
// the planned window, steps and rollback. Saved as a draft; submitted from the change's page.
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  BASIS_NAMES,
  CHANGE_CATEGORIES,
  CHANGE_CATEGORY_NAMES,
  CHANGE_TYPES,
  CHANGE_TYPE_NAMES,
  RISKS,
  RISK_NAMES,
  type TChangeInput,
} from '../../../common/changes.ts';
import { changesApi as api } from '../../../common/changes.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Values = Omit<TChangeInput, 'plannedStart' | 'plannedEnd'> & { window: [Dayjs, Dayjs] };
const opts = <K extends string>(keys: readonly K[], names: Record<K, string>, t: (s: string) => string) =>
  keys.map((k) => ({ value: k, label: t(names[k]) }));

export function NewChange({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const devices = useCall(api.devices, {}, { enabled: open });
  const templates = useCall(api.templates, {}, { enabled: open });
  return (
    <FormModal<Values, { id: string }>
      open={open}
      onClose={onClose}
      width={720}
      title={t('填写变更申请')}
      okText={t('保存草稿')}
      successText="变更申请已保存为草稿"
      invalidate={['changes']}
      initialValues={{ type: 'normal', category: 'configuration', risk: 'medium', basis: 'notice', deviceIds: [] }}
      submit={({ window, ...v }) =>
        call(api.create, { body: { ...v, plannedStart: window[0].toISOString(), plannedEnd: window[1].toISOString() } })
      }
      onDone={(r) => onDone(r.id)}
    >
      {(form) => (
        <>
          <Form.Item name="type" label={t('变更类型')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={opts(CHANGE_TYPES, CHANGE_TYPE_NAMES, t)} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('type') === 'standard' && (
                <Form.Item name="templateId" label={t('标准变更模板')} rules={[{ required: true, message: t('请选择模板') }]}>
                  <Select
                    options={(templates.data ?? []).filter((x) => x.approved).map((x) => ({ value: x.id, label: x.name }))}
                    onChange={(id: string) => {
                      const tpl = templates.data?.find((x) => x.id === id);
                      if (tpl) form.setFieldsValue({ steps: tpl.steps, rollback: tpl.rollback, risk: tpl.risk, category: tpl.category });
                    }}
                  />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="title" label={t('变更标题')} rules={[{ required: true, whitespace: true, message: t('请填写标题') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="category" label={t('变更类别')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={opts(CHANGE_CATEGORIES, CHANGE_CATEGORY_NAMES, t)} />
          </Form.Item>
          <Form.Item name="risk" label={t('风险等级')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={opts(RISKS, RISK_NAMES, t)} />
          </Form.Item>
          <Form.Item name="deviceIds" label={t('涉及设备')}>
            <Select mode="multiple" optionFilterProp="label" options={(devices.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="systems" label={t('涉及系统')}>
            <Input maxLength={1000} placeholder={t('未纳入配置备份的设备或应用系统')} />
          </Form.Item>
          <Form.Item name="window" label={t('计划窗口')} rules={[{ required: true, message: t('请选择计划时间') }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('变更原因')} rules={[{ required: true, whitespace: true, message: t('请填写原因') }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="basis" label={t('变更依据')} rules={[{ required: true }]}>
            <Radio.Group options={(['notice', 'proposal'] as const).map((k) => ({ value: k, label: t(BASIS_NAMES[k]) }))} />
          </Form.Item>
          <Form.Item name="basisText" label={t('依据说明')}>
            <Input maxLength={2000} placeholder={t('通知文号或建议来源；书面通知可在详情页上传')} />
          </Form.Item>
          <Form.Item name="steps" label={t('实施步骤')} rules={[{ required: true, whitespace: true, message: t('请填写实施步骤') }]}>
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
          <Form.Item name="rollback" label={t('回退方案')} rules={[{ required: true, whitespace: true, message: t('请填写回退方案') }]}>
            <Input.TextArea rows={2} maxLength={8000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
