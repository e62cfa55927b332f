// The fields of a threshold: for a new override, what it is for (a device, optionally one of its
// interfaces, or a probe pair) and a rule restricted to those that apply there; for every threshold,
// the raise and clear values with their unit, the minimum duration, the severity and the switch.
import { Form, InputNumber, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { monitoringApi as api } from '../../../../common/monitoring.api.ts';
import { ALERT_RULE_ZH, PERCENT_RULES, RULES_OF_TARGET, type TAlertRule, type TThreshold } from '../../../../common/monitoring.ts';
import { useCall } from '../../../api/query.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { RULE_UNIT, SEVERITY_TEXT } from './labels.ts';

export interface ValueForm {
  raiseValue?: number | null;
  clearValue?: number | null;
  minDurationSec?: number;
  floorValue?: number | null;
  baselinePolls?: number | null;
  severity?: TThreshold['severity'];
  enabled?: boolean;
}
export interface AddForm extends ValueForm {
  kind: 'device' | 'pair';
  deviceId?: string;
  ifIndex?: number;
  pairId?: string;
  rule?: TAlertRule;
}

/** Values, duration, severity and switch of a rule's threshold (new or edited). */
export function ValueFields({ rule }: { rule: TAlertRule | undefined }) {
  const { t } = useI18n();
  const unit = rule ? RULE_UNIT[rule] : undefined;
  const max = rule && PERCENT_RULES.includes(rule) ? 100 : 600_000;
  return (
    <>
      {unit && (
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="raiseValue" label={t('告警值')} extra={t('高于此值开始计时')}>
            <InputNumber min={0} max={max} addonAfter={unit} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="clearValue" label={t('解除值')} extra={t('低于此值解除，不高于告警值')}>
            <InputNumber min={0} max={max} addonAfter={unit} style={{ width: 160 }} />
          </Form.Item>
        </div>
      )}
      {rule === 'rate_surge' && (
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="floorValue" label={t('最低速率')}>
            <InputNumber min={0} max={10_000_000} addonAfter="Mbit/s" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="baselinePolls" label={t('基线采样次数')}>
            <InputNumber min={3} max={288} style={{ width: 120 }} />
          </Form.Item>
        </div>
      )}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="minDurationSec" label={t('持续时间')} rules={[{ required: true }]} extra={t('条件持续这么久才告警')}>
          <InputNumber min={0} max={86_400} addonAfter={t('秒')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="severity" label={t('级别')} rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={Object.entries(SEVERITY_TEXT).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
        <Form.Item name="enabled" label={t('启用')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </div>
    </>
  );
}

/** A new override: the target, the rules that apply to it, then the values (starting from the rule's default). */
export function AddFields({ defaults }: { defaults: TThreshold[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<AddForm>();
  const kind = Form.useWatch('kind', form);
  const deviceId = Form.useWatch('deviceId', form);
  const ifIndex = Form.useWatch('ifIndex', form);
  const rule = Form.useWatch('rule', form);
  const devices = useCall(api.list, { query: { page: 1, pageSize: 200 } }, { enabled: kind === 'device' });
  const pairs = useCall(api.pairs, { query: { page: 1, pageSize: 200 } }, { enabled: kind === 'pair' });
  const device = useCall(api.get, { params: { id: deviceId ?? '' } }, { enabled: kind === 'device' && !!deviceId });
  const rules = RULES_OF_TARGET[kind === 'pair' ? 'pair' : ifIndex != null ? 'interface' : 'device'];
  // A rule that does not apply to the chosen target is dropped (the server would refuse it).
  useEffect(() => {
    if (rule && !rules.includes(rule)) form.setFieldValue('rule', undefined);
  }, [rule, rules, form]);
  useEffect(() => {
    const d = defaults.find((x) => x.rule === rule);
    if (d) {
      const { raiseValue, clearValue, minDurationSec, floorValue, baselinePolls, severity } = d;
      form.setFieldsValue({ raiseValue, clearValue, minDurationSec, floorValue, baselinePolls, severity });
    }
  }, [rule, defaults, form]);
  return (
    <>
      <Form.Item name="kind" label={t('适用对象')}>
        <Radio.Group
          options={[
            { value: 'device', label: t('设备') },
            { value: 'pair', label: t('探测对') },
          ]}
        />
      </Form.Item>
      {kind === 'device' ? (
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="deviceId" label={t('设备')} rules={[{ required: true }]} style={{ flex: '1 1 220px' }}>
            <Select
              showSearch
              optionFilterProp="label"
              onChange={() => form.setFieldValue('ifIndex', undefined)}
              options={(devices.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="ifIndex" label={t('接口')} style={{ flex: '1 1 180px' }}>
            <Select
              allowClear
              placeholder={t('整台设备')}
              disabled={!deviceId}
              options={(device.data?.interfaces ?? []).map((i) => ({ value: i.ifIndex, label: i.name }))}
            />
          </Form.Item>
        </div>
      ) : (
        <Form.Item name="pairId" label={t('探测对')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(pairs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.target}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="rule" label={t('规则')} rules={[{ required: true }]}>
        <Select options={rules.map((r) => ({ value: r, label: t(ALERT_RULE_ZH[r]) }))} />
      </Form.Item>
      <ValueFields rule={rule} />
    </>
  );
}
