// The roster editor (issue 14 point 4): a line, a period and its layers — who, how they rotate, when
// the shift hands off and when the layer holds (working hours, outside them, the special holidays,
// always). Saving a published roster makes a new draft; it takes effect once published again.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { DUTY_LAYERS, DUTY_RESTRICTIONS, DUTY_ROTATIONS, type TLayerSpec, type TRosterDetail } from '../../../common/duty.ts';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { dayjs } from '../../app/dayjs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useLineLabel } from '../../components/LineTags.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LAYER_NAMES } from './meta.tsx';

const ROTATION_NAMES: Record<(typeof DUTY_ROTATIONS)[number], string> = { all: '全员同时', daily: '每日轮换', weekly: '每周轮换' };
const RESTRICTION_NAMES: Record<(typeof DUTY_RESTRICTIONS)[number], string> = {
  'working-hours': '工作日工作时间（5×9）',
  'outside-working-hours': '非工作时间与节假日',
  'special-holidays': '元旦、春节、五一、十一',
  always: '全天候',
};
/** What a new layer of each kind usually is. */
const LAYER_DEFAULTS: Record<(typeof DUTY_LAYERS)[number], Pick<TLayerSpec, 'rotation' | 'restriction'>> = {
  resident: { rotation: 'all', restriction: 'working-hours' },
  mobile: { rotation: 'daily', restriction: 'working-hours' },
  'on-call': { rotation: 'weekly', restriction: 'outside-working-hours' },
  'holiday-special': { rotation: 'daily', restriction: 'special-holidays' },
};

interface Values {
  line: string;
  name: string;
  period: [Dayjs, Dayjs];
  layers: TLayerSpec[];
}

export function RosterEditor({ roster, onClose }: { roster: TRosterDetail | null; onClose: () => void }) {
  const { t } = useI18n();
  const label = useLineLabel();
  const initial: Partial<Values> = roster
    ? { line: roster.line, name: roster.name, period: [dayjs(roster.periodStart), dayjs(roster.periodEnd)], layers: roster.layers }
    : { layers: [{ layer: 'resident', members: [], handoff: '09:00', ...LAYER_DEFAULTS.resident }] };
  const submit = (v: Values) => {
    const body = {
      line: v.line as 'NET',
      name: v.name,
      periodStart: v.period[0].format('YYYY-MM-DD'),
      periodEnd: v.period[1].format('YYYY-MM-DD'),
      layers: v.layers,
    };
    return roster ? call(api.updateRoster, { params: { id: roster.id }, body }) : call(api.createRoster, { body });
  };
  return (
    <FormModal<Values, TRosterDetail>
      open
      width={760}
      title={roster ? t('编辑排班表') : t('新建排班表')}
      initialValues={initial}
      submit={submit}
      invalidate={['duty']}
      successText={t('已保存为草稿，发布后生效')}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Space wrap align="start">
            <Form.Item name="line" label={t('服务项目')} rules={[{ required: true, message: t('请选择服务项目') }]}>
              <Select style={{ width: 160 }} disabled={!!roster} options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('名称')} rules={[{ required: true, message: t('请输入名称') }]}>
              <Input style={{ width: 220 }} maxLength={100} placeholder={t('如：网络 2026 年排班')} />
            </Form.Item>
            <Form.Item name="period" label={t('期间')} rules={[{ required: true, message: t('请选择期间') }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </Space>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.line !== b.line}>
            {() => <Layers line={form.getFieldValue('line') as string | undefined} />}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function Layers({ line }: { line: string | undefined }) {
  const { t } = useI18n();
  const people = useCall(api.candidates, { query: line ? { line: line as 'NET' } : {} });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.displayName}（${p.username}）` }));
  return (
    <Form.List name="layers">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={t('班次层 {n}', { n: f.name + 1 })}
              extra={fields.length > 1 && <MinusCircleOutlined aria-label={t('删除')} onClick={() => remove(f.name)} />}
            >
              <Space wrap align="start">
                <Form.Item name={[f.name, 'layer']} label={t('类型')} rules={[{ required: true }]}>
                  <Select style={{ width: 140 }} options={DUTY_LAYERS.map((l) => ({ value: l, label: t(LAYER_NAMES[l]) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'rotation']} label={t('轮换')} rules={[{ required: true }]}>
                  <Select style={{ width: 120 }} options={DUTY_ROTATIONS.map((r) => ({ value: r, label: t(ROTATION_NAMES[r]) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'restriction']} label={t('时段')} rules={[{ required: true }]}>
                  <Select style={{ width: 200 }} options={DUTY_RESTRICTIONS.map((r) => ({ value: r, label: t(RESTRICTION_NAMES[r]) }))} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'handoff']}
                  label={t('交接时间')}
                  rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('时间应为 HH:MM') }]}
                >
                  <Input style={{ width: 90 }} placeholder="09:00" />
                </Form.Item>
              </Space>
              <Form.Item
                name={[f.name, 'members']}
                label={t('人员（按轮换顺序）')}
                rules={[{ required: true, message: t('每个班次层至少一人') }]}
              >
                <Select mode="multiple" loading={!people.data} options={options} optionFilterProp="label" />
              </Form.Item>
            </Card>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ layer: 'on-call', members: [], handoff: '09:00', ...LAYER_DEFAULTS['on-call'] })}
          >
            {t('添加班次层')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
