// The forms of the plans page (R-SEC-05/06): a hardening plan grouping findings still owing work, and
// a pentest report with its findings (they join the same flow as scanned ones).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { SEVERITIES, SEVERITY_ZH, type TSeverity } from '../../../common/vulns.ts';
import { vulnsApi as api } from '../../../common/vulns.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import type { dayjs } from '../../app/dayjs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';

const day = (d: dayjs.Dayjs | undefined) => d?.format('YYYY-MM-DD');

export function HardeningForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  // The most pressing 200 findings still owing work: a plan groups a batch, not the whole register.
  const q = useCall(api.findings, { query: { sort: 'severity', pageSize: 200 } }, { enabled: open });
  const options = (q.data?.items ?? [])
    .filter((f) => (f.state === 'open' || f.state === 'fixing') && !f.hardeningPlanId)
    .map((f) => ({ value: f.id, label: `[${t(SEVERITY_ZH[f.severity])}] ${f.title} · ${f.address}${f.port ? `:${f.port}` : ''}` }));
  return (
    <FormModal<{ name: string; dueDate?: dayjs.Dayjs; findingIds: string[] }>
      open={open}
      title={t('新建加固计划')}
      onClose={onClose}
      invalidate={['vulns']}
      width={640}
      submit={(v) => call(api.createHardening, { body: { name: v.name, dueDate: day(v.dueDate), findingIds: v.findingIds } })}
    >
      <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('完成期限')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="findingIds" label={t('包含的漏洞')} rules={[{ required: true, message: t('请选择漏洞') }]}>
        <Select mode="multiple" loading={q.isFetching} options={options} optionFilterProp="label" placeholder={t('按名称或地址搜索')} />
      </Form.Item>
    </FormModal>
  );
}

interface PentestValues {
  title: string;
  tester: string;
  testedOn: dayjs.Dayjs;
  summary?: string;
  findings: { address: string; port?: number; title: string; severity: TSeverity }[];
}

export function PentestForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<PentestValues>
      open={open}
      title={t('登记渗透测试报告')}
      onClose={onClose}
      invalidate={['vulns']}
      width={720}
      initialValues={{ findings: [{ address: '', title: '', severity: 'high' }] }}
      submit={(v) => call(api.createPentest, { body: { ...v, testedOn: day(v.testedOn)! } })}
    >
      <Form.Item name="title" label={t('报告')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="tester" label={t('测试方')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="testedOn" label={t('测试日期')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="summary" label={t('摘要')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <div style={{ marginBottom: 8 }}>{t('发现')}</div>
      <Form.List name="findings">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start" style={{ width: '100%' }}>
                <Form.Item name={[f.name, 'address']} rules={[{ required: true, whitespace: true, message: t('请填写地址') }]}>
                  <Input placeholder={t('地址')} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'port']}>
                  <InputNumber placeholder={t('端口')} min={1} max={65535} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('请填写漏洞名称') }]}>
                  <Input placeholder={t('漏洞')} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'severity']}>
                  <Select style={{ width: 90 }} options={SEVERITIES.map((s) => ({ value: s, label: t(SEVERITY_ZH[s]) }))} />
                </Form.Item>
                {fields.length > 1 && (
                  <MinusCircleOutlined style={{ marginTop: 9 }} onClick={() => remove(f.name)} aria-label={t('删除')} />
                )}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ severity: 'medium' })}>
              {t('添加发现')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
