// The audit log's filters: time range, actor, action prefix, object type, outcome.
import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Query } from '../../api/client.ts';
import { dayjs } from '../../app/dayjs.ts';
import { pick, useI18n } from '../../i18n/index.tsx';
import { ACTION_PREFIXES, OBJECT_TYPES } from './labels.ts';

interface V {
  range?: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
  actor?: string;
  action?: string;
  objectType?: string;
  success?: string;
}

export function AuditFilters({ onChange }: { onChange: (q: Query) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<V>();
  const apply = (v: V) =>
    onChange({
      from: v.range?.[0] ? v.range[0].format() : undefined, // ISO 8601 with the +08:00 offset
      to: v.range?.[1] ? v.range[1].format() : undefined,
      actor: v.actor?.trim() || undefined,
      action: v.action?.trim() || undefined,
      objectType: v.objectType,
      success: v.success,
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="range" label={t('时间')}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          style={{ maxWidth: 360 }}
        />
      </Form.Item>
      <Form.Item name="actor" label={t('操作人')}>
        <Input allowClear placeholder={t('用户名或姓名')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action" label={t('操作')}>
        <AutoComplete
          allowClear
          placeholder={t('前缀，如 auth.')}
          style={{ width: 180 }}
          options={ACTION_PREFIXES.map((a) => ({ value: a.value, label: `${a.value} · ${pick(lang, a)}` }))}
        />
      </Form.Item>
      <Form.Item name="objectType" label={t('对象类型')}>
        <Select
          allowClear
          style={{ width: 140 }}
          options={Object.entries(OBJECT_TYPES).map(([value, l]) => ({ value, label: pick(lang, l) }))}
        />
      </Form.Item>
      <Form.Item name="success" label={t('结果')}>
        <Select
          allowClear
          style={{ width: 100 }}
          options={[
            { value: 'true', label: t('成功') },
            { value: 'false', label: t('失败') },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('查询')}
        </Button>
        <Button
          style={{ marginInlineStart: 8 }}
          onClick={() => {
            form.resetFields();
            apply({});
          }}
        >
          {t('重置')}
        </Button>
      </Form.Item>
    </Form>
  );
}
