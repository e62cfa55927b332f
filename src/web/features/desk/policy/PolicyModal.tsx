// Editing one SLA policy: each target on or off, its duration and unit, and its hours profile,
// checked against the contract's default (R-SD-02..04).
import { Alert, Checkbox, Col, Form, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { POLICY_MAX_MS, POLICY_MIN_MS, durationWords, type TSlaPolicyRow } from '../../../../common/desk-policy.ts';
import { HOTLINE_PROFILE, SLA_TARGETS, type SlaTarget } from '../../../../common/sla.ts';
import { call } from '../../../api/client.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { fmtTime } from '../../../components/format.ts';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { LINE_COLOR, hoursShort, lineName } from '../../contract/lines.ts';
import { SEVERITY } from '../meta.ts';
import {
  type Target,
  type Profile,
  POLICIES_KEY,
  MIN,
  HOUR,
  UNITS,
  type Unit,
  UNITS_OF,
  TARGET_NAME,
  contractOf,
  scopeName,
} from './targets.tsx';
import { deskPolicyApi } from '../../../../common/desk-policy.api.ts';

type TargetForm = { on: boolean; n: number | null; unit: Unit; profile: Profile };
type PolicyForm = Record<SlaTarget, TargetForm>;

const FALLBACK: Record<SlaTarget, Target> = {
  callback: { target: 'callback', durationMs: 5 * MIN, profile: '7x24' },
  onsite: { target: 'onsite', durationMs: 9 * HOUR, profile: '5x9' },
  resolve: { target: 'resolve', durationMs: 24 * HOUR, profile: '7x24' },
  report: { target: 'report', durationMs: 24 * HOUR, profile: '7x24' },
};

function toForm(x: Target, on: boolean): TargetForm {
  const units = [...UNITS_OF[x.profile]].reverse();
  const unit = units.find((u) => x.durationMs % UNITS[u].ms === 0 && (u !== 'day' || x.durationMs > UNITS.day.ms)) ?? 'minute';
  return { on, n: x.durationMs / UNITS[unit].ms, unit, profile: x.profile };
}

function TargetRow({ target, contract }: { target: SlaTarget; contract: Target | undefined }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<PolicyForm>();
  const on = Form.useWatch([target, 'on'], form) ?? false;
  const profile: Profile = Form.useWatch([target, 'profile'], form) ?? '7x24';
  return (
    <div style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`policy-target-${target}`}>
      <Row gutter={[8, 4]} align="middle" wrap>
        <Col xs={24} sm={6}>
          <Form.Item name={[target, 'on']} valuePropName="checked" noStyle>
            <Checkbox>
              <b>{pick(lang, TARGET_NAME[target])}</b>
            </Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} sm={18}>
          <Form.Item style={{ marginBottom: 0 }}>
            <Space.Compact>
              <Form.Item
                name={[target, 'n']}
                noStyle
                rules={[
                  { required: on, message: t('请输入时限') },
                  ({ getFieldValue }) => ({
                    validator: (_, n: number | null) => {
                      if (!getFieldValue([target, 'on']) || n === null || n === undefined) return Promise.resolve();
                      const ms = Math.round(n * UNITS[getFieldValue([target, 'unit']) as Unit].ms);
                      return ms >= POLICY_MIN_MS && ms <= POLICY_MAX_MS
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('时限须在 1 分钟到 30 天之间')));
                    },
                  }),
                ]}
              >
                <InputNumber disabled={!on} min={1} precision={0} style={{ width: 90 }} aria-label={t('时限')} />
              </Form.Item>
              <Form.Item name={[target, 'unit']} noStyle>
                <Select
                  disabled={!on}
                  style={{ width: 110 }}
                  options={UNITS_OF[profile].map((u) => ({ value: u, label: pick(lang, UNITS[u]) }))}
                />
              </Form.Item>
              <Form.Item name={[target, 'profile']} noStyle>
                <Select
                  disabled={!on}
                  style={{ width: 92 }}
                  options={(['5x9', '7x24'] as const).map((p) => ({ value: p, label: hoursShort(p) }))}
                  onChange={(p: Profile) => {
                    const unit = form.getFieldValue([target, 'unit']) as Unit;
                    if (!UNITS_OF[p].includes(unit)) form.setFieldValue([target, 'unit'], 'hour');
                  }}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} sm={{ span: 18, offset: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('合同约定')}：
            {contract ? `${durationWords(contract.durationMs, contract.profile, lang)} · ${hoursShort(contract.profile)}` : t('无此目标')}
          </Typography.Text>
        </Col>
      </Row>
    </div>
  );
}

export function PolicyModal({ policy, onClose }: { policy: TSlaPolicyRow | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const contract = policy ? contractOf(policy) : undefined;
  const initial = useMemo(() => {
    if (!policy) return {};
    const out = {} as PolicyForm;
    for (const k of SLA_TARGETS) {
      const own = policy.targets.find((x) => x.target === k);
      const base = own ??
        contract?.targets.find((x) => x.target === k) ?? {
          ...FALLBACK[k],
          profile: k === 'callback' ? HOTLINE_PROFILE[policy.serviceLine] : FALLBACK[k].profile,
        };
      out[k] = toForm(base, !!own);
    }
    return out;
  }, [policy, contract]);
  if (!policy) return null;
  return (
    <FormModal<PolicyForm, TSlaPolicyRow>
      open
      title={t('修改 SLA 策略')}
      onClose={onClose}
      width={620}
      initialValues={initial}
      invalidate={[POLICIES_KEY]}
      successText="SLA 策略已保存"
      submit={(v) =>
        call(deskPolicyApi.updatePolicy, {
          params: { id: policy.id },
          body: {
            targets: SLA_TARGETS.filter((k) => v[k].on).map((k) => ({
              target: k,
              durationMs: Math.round((v[k].n ?? 0) * UNITS[v[k].unit].ms),
              profile: v[k].profile,
            })),
          },
        })
      }
    >
      <Space size={6} wrap style={{ marginBottom: 8 }}>
        <Tag color={LINE_COLOR[policy.serviceLine]}>{lineName(policy.serviceLine, lang)}</Tag>
        <Tag color={SEVERITY[policy.severity].color}>{pick(lang, SEVERITY[policy.severity])}</Tag>
        <Tag>{scopeName(policy, lang)}</Tag>
      </Space>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 8 }}
        title={t('只对此后登记的运维单生效；已登记的运维单保留原有时限和计时。')}
      />
      {SLA_TARGETS.map((k) => (
        <TargetRow key={k} target={k} contract={contract?.targets.find((x) => x.target === k)} />
      ))}
      <Form.Item
        name="_any"
        style={{ marginTop: 8, marginBottom: 0 }}
        dependencies={SLA_TARGETS.map((k) => [k, 'on'])}
        rules={[
          ({ getFieldValue }) => ({
            validator: () =>
              SLA_TARGETS.some((k) => getFieldValue([k, 'on'])) ? Promise.resolve() : Promise.reject(new Error(t('至少保留一项时限目标'))),
          }),
        ]}
        extra={
          <>
            {t('上次修改')}：{fmtTime(policy.updatedAt)}
          </>
        }
      >
        <span />
      </Form.Item>
    </FormModal>
  );
}
