// The inspection template editor (issue 14 point 1): line, device kinds, schedule, and each item — its
// code, what is checked, the expected value or range, the evidence required and the monitoring source
// that prefills it. Sheets generated after saving follow the new template; sheets already out keep theirs.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { ASSET_KIND_NAMES } from '../../../common/assets.ts';
import {
  EVIDENCE,
  EVIDENCE_NAMES,
  ITEM_KINDS,
  PREFILL_NAMES,
  PREFILL_SOURCES,
  SCHEDULE_NAMES,
  SCHEDULES,
  type TItem,
  type TTemplate,
  type TTemplateInput,
} from '../../../common/inspections.ts';
import { inspectionsApi as api } from '../../../common/inspections.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useLineLabel } from '../../components/LineTags.tsx';
import { useI18n } from '../../i18n/index.tsx';

const KIND_NAMES: Record<(typeof ITEM_KINDS)[number], string> = { check: '正常/异常', range: '数值范围', text: '文字记录' };
const NEW_ITEM: TItem = { key: '', label: '', kind: 'check', unit: '', min: null, max: null, evidence: 'none', prefill: null };

export function TemplateEditor({ template, onClose }: { template: TTemplate | null; onClose: () => void }) {
  const { t } = useI18n();
  const label = useLineLabel();
  const initial: Partial<TTemplateInput> = template
    ? { ...template, serviceLine: template.serviceLine as TTemplateInput['serviceLine'] }
    : { schedule: 'weekly', deviceKinds: ['network'], active: true, items: [NEW_ITEM] };
  return (
    <FormModal<TTemplateInput, TTemplate>
      open
      width={900}
      title={template ? t('编辑巡检模板') : t('新建巡检模板')}
      initialValues={initial}
      submit={(body) => (template ? call(api.updateTemplate, { params: { id: template.id }, body }) : call(api.createTemplate, { body }))}
      invalidate={['inspections']}
      onClose={onClose}
    >
      <Space wrap align="start">
        <Form.Item name="name" label={t('名称')} rules={[{ required: true, message: t('请输入名称') }]}>
          <Input style={{ width: 220 }} maxLength={100} />
        </Form.Item>
        <Form.Item name="serviceLine" label={t('服务线')} rules={[{ required: true, message: t('请选择服务项目') }]}>
          <Select style={{ width: 160 }} options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))} />
        </Form.Item>
        <Form.Item name="schedule" label={t('周期')} rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={SCHEDULES.map((s) => ({ value: s, label: t(SCHEDULE_NAMES[s]) }))} />
        </Form.Item>
        <Form.Item name="deviceKinds" label={t('设备类型')} tooltip={t('不选：整张巡检单只列系统级检查项')}>
          <Select
            mode="multiple"
            style={{ minWidth: 200 }}
            options={Object.entries(ASSET_KIND_NAMES).map(([k, v]) => ({ value: k, label: t(v) }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('启用')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={t('检查项 {n}', { n: f.name + 1 })}
                extra={fields.length > 1 && <MinusCircleOutlined aria-label={t('删除')} onClick={() => remove(f.name)} />}
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[f.name, 'key']}
                    label={t('代码')}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('小写字母开头的字母、数字或下划线') }]}
                  >
                    <Input style={{ width: 120 }} placeholder="cpu" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} label={t('检查项')} rules={[{ required: true, message: t('请输入检查项') }]}>
                    <Input style={{ width: 200 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} label={t('类型')} rules={[{ required: true }]}>
                    <Select style={{ width: 120 }} options={ITEM_KINDS.map((k) => ({ value: k, label: t(KIND_NAMES[k]) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'min']} label={t('下限')}>
                    <InputNumber style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} label={t('上限')}>
                    <InputNumber style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} label={t('计量单位')}>
                    <Input style={{ width: 70 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'evidence']} label={t('证据')}>
                    <Select style={{ width: 110 }} options={EVIDENCE.map((e) => ({ value: e, label: t(EVIDENCE_NAMES[e]) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'prefill']} label={t('预填来源')}>
                    <Select
                      allowClear
                      style={{ width: 160 }}
                      options={PREFILL_SOURCES.map((p) => ({ value: p, label: t(PREFILL_NAMES[p]) }))}
                    />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...NEW_ITEM })}>
              {t('添加检查项')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
