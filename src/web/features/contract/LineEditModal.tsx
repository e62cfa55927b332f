// Edit a service line: period, fee, hours, scope, sites and rooms (PATCH /api/service-lines/:id).
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { PHONE } from '../../../common/patterns.ts';
import type { TServiceLine } from '../../../common/contract.ts';
import { call } from '../../api/client.ts';
import { dayjs } from '../../app/dayjs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { useRooms, useSites } from '../org/queries.ts';
import { HOURS_LABEL } from './lines.ts';
import { contractApi } from '../../../common/contract.api.ts';

interface V {
  name: string;
  period: [dayjs.Dayjs, dayjs.Dayjs];
  fee: number;
  hoursProfile: '5x9' | '7x24';
  hotlineHours: string;
  hotlinePhone: string;
  emergencyPhone: string;
  summary: string;
  scope: string;
  siteIds: string[];
  roomIds: string[];
}

export function LineEditModal({ line, open, onClose }: { line: TServiceLine; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const sites = useSites(open);
  const rooms = useRooms(open);
  const siteName = new Map((sites.data?.items ?? []).map((s) => [s.id, s.name]));
  return (
    <FormModal<V>
      open={open}
      onClose={onClose}
      width={760}
      title={t('编辑服务项目')}
      invalidate={['contract']}
      initialValues={{ ...line, period: [dayjs(line.periodStart), dayjs(line.periodEnd)] }}
      submit={({ period, ...v }) =>
        call(contractApi.updateLine, {
          params: { id: line.id },
          body: {
            ...v,
            periodStart: period[0].format('YYYY-MM-DD'),
            periodEnd: period[1].format('YYYY-MM-DD'),
          },
        })
      }
    >
      {(form) => (
        <>
          <Form.Item name="name" label={t('项目名称')} rules={[{ required: true, whitespace: true, message: t('请输入项目名称') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="period" label={t('服务期')} rules={[{ required: true, message: t('请选择服务期') }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="fee" label={t('年度服务费（元）')} rules={[{ required: true, message: t('请输入服务费') }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="hoursProfile" label={t('服务时间')} rules={[{ required: true, message: t('请选择服务时间') }]}>
                <Select options={Object.entries(HOURS_LABEL).map(([value, l]) => ({ value, label: pick(lang, l) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="siteIds" label={t('服务地点')}>
                <Select
                  mode="multiple"
                  options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  onChange={(ids: string[]) =>
                    form.setFieldValue(
                      'roomIds',
                      ((form.getFieldValue('roomIds') as string[] | undefined) ?? []).filter((r) =>
                        (rooms.data?.items ?? []).some((x) => x.id === r && ids.includes(x.siteId)),
                      ),
                    )
                  }
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item noStyle dependencies={['siteIds']}>
            {() => {
              const ids = (form.getFieldValue('siteIds') as string[] | undefined) ?? [];
              return (
                <Form.Item name="roomIds" label={t('房间')}>
                  <Select
                    mode="multiple"
                    options={(rooms.data?.items ?? [])
                      .filter((r) => ids.includes(r.siteId))
                      .map((r) => ({ value: r.id, label: `${siteName.get(r.siteId) ?? ''} · ${r.name}` }))}
                  />
                </Form.Item>
              );
            }}
          </Form.Item>
          <Form.Item name="hotlineHours" label={t('热线服务时间说明')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="hotlinePhone" label={t('服务热线')} rules={[{ pattern: PHONE.re, message: t(PHONE.message) }]}>
                <Input maxLength={40} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              {/* R-SD-11: every line, the 5×9 one included, has a number answered 7×24. */}
              <Form.Item
                name="emergencyPhone"
                label={t('7×24 应急电话')}
                rules={[{ pattern: PHONE.re, message: t(PHONE.message) }]}
                extra={t('全天候有人接听，5×9 服务项目也须提供')}
              >
                <Input maxLength={40} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="summary" label={t('一句话说明')} extra={t('自助报修时帮助用户选择服务项目')}>
            <Input maxLength={120} showCount />
          </Form.Item>
          <Form.Item name="scope" label={t('服务范围')}>
            <Input.TextArea rows={5} maxLength={8000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
