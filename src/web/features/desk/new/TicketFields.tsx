// What the problem is: category, severity (with the agency's definition of the chosen level), title,
// description and the devices concerned. Shared by the operator's form and self-service.
import { Col, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import type { TTicket } from '../../../../common/desk.ts';
import { useAuth } from '../../../app/auth.tsx';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { AssetPicker } from '../AssetPicker.tsx';
import { CATEGORY, SEVERITY, severityHint, useSeverities } from '../meta.ts';

const SEV_DOT: Record<TTicket['severity'], string> = { critical: '#f5222d', high: '#fa8c16', medium: '#1677ff', low: '#bfbfbf' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form whose values hold these fields
export function TicketFields({ form }: { form: FormInstance<any> }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const severity = Form.useWatch('severity', form) as TTicket['severity'] | undefined;
  // The agency's definitions of the levels (the built-in text until they load).
  const severities = useSeverities();
  const examples = severity ? severities.data?.items.find((x) => x.code === severity)?.examples : undefined;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item name="category" label={t('类别')} rules={[{ required: true, message: t('请选择类别') }]}>
            <Select options={(Object.keys(CATEGORY) as TTicket['category'][]).map((k) => ({ value: k, label: pick(lang, CATEGORY[k]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name="severity"
            label={t('级别')}
            rules={[{ required: true, message: t('请选择级别') }]}
            extra={
              severity ? (
                <span data-testid="severity-hint">
                  {severityHint(severity, lang, severities.data)}
                  {examples && (
                    <>
                      <br />
                      {t('例如')}：{examples}
                    </>
                  )}
                </span>
              ) : undefined
            }
          >
            <Radio.Group
              optionType="button"
              options={(Object.keys(SEVERITY) as TTicket['severity'][]).map((k) => ({
                value: k,
                label: (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <span
                      style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: SEV_DOT[k], marginInlineEnd: 6 }}
                    />
                    {pick(lang, SEVERITY[k])}
                  </span>
                ),
                title: severityHint(k, lang, severities.data),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('标题')} rules={[{ required: true, whitespace: true, message: t('请输入标题') }]}>
        <Input maxLength={200} showCount placeholder={t('一句话说明问题，如：3 楼东侧交换机端口全部不通')} />
      </Form.Item>
      <Form.Item name="description" label={t('问题描述')}>
        <Input.TextArea rows={5} maxLength={8000} placeholder={t('现象、影响范围、已做的处理……')} />
      </Form.Item>
      {can('asset.read') && (
        <AssetPicker
          onPick={(line) => {
            const cur = (form.getFieldValue('assetsText') as string | undefined)?.trim() ?? '';
            if (!cur.split('\n').some((l) => l.startsWith(line.split(' ')[0]!)))
              form.setFieldValue('assetsText', cur ? `${cur}\n${line}` : line);
          }}
        />
      )}
      <Form.Item name="assetsText" label={t('涉及设备')} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('设备名称、型号、资产编号或 IP，每行一项')} />
      </Form.Item>
    </>
  );
}
