// 登记运维单: the duty operator logs a call. The caller is found by phone number and fills in their
// name and department; the call time defaults to now and may be set earlier for a call logged later.
// Agency staff reporting for themselves get the self-service form (new/SelfServicePage.tsx).
import { ArrowLeftOutlined, CheckCircleFilled, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import type { TTicket, TTicketCreate } from '../../../common/desk.ts';
import type { TPerson } from '../../../common/org.ts';
import { PHONE } from '../../../common/patterns.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { SelfServicePage } from './new/SelfServicePage.tsx';
import { TicketFields } from './new/TicketFields.tsx';
import { dayjs } from '../../app/dayjs.ts';
import { useFeedback } from '../../components/feedback.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { useDepartments, useSites } from '../org/queries.ts';
import { CHANNEL } from './meta.ts';
import { orgApi } from '../../../common/org.api.ts';
import { deskApi } from '../../../common/desk.api.ts';
import { useCall } from '../../api/query.ts';

type V = Omit<TTicketCreate, 'reportedAt' | 'siteId' | 'roomId'> & {
  reportedAt?: Dayjs | null;
  siteId?: string | null;
  roomId?: string | null;
};

/** The value after it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export function NewTicketPage() {
  const { can } = useAuth();
  return can('desk.create') ? <OperatorForm /> : <SelfServicePage />;
}

function OperatorForm() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<V>();
  const [initial] = useState<Partial<V>>(() => ({
    // No service line is chosen for the operator either: the caller's problem decides it.
    category: 'fault',
    severity: 'medium',
    channel: 'hotline',
    reportedAt: dayjs(),
  }));
  const home = '/desk';

  // Caller lookup by any part of the phone number (GET /api/people?phone=…), debounced.
  const phone = (Form.useWatch('requesterPhone', form) ?? '').replace(/\D/g, '');
  const digits = useDebounced(phone, 350);
  const people = useCall(
    orgApi.people.list,
    { query: { phone: digits, pageSize: 8 } },
    { enabled: can('org.read') && digits.length >= 4, staleTime: 30_000 },
  );
  const depts = useDepartments(can('org.read'));
  const deptName = new Map((depts.data?.items ?? []).map((d) => [d.id, d.name]));
  const matches = digits.length >= 4 ? (people.data?.items ?? []) : [];

  /** The caller's number as stored: the mobile or office phone that holds the typed digits. */
  const numberOf = (p: TPerson) => {
    const d = (x: string) => x.replace(/\D/g, '');
    return [p.mobile, p.phone].find((x) => x && d(x).includes(digits)) ?? (p.mobile || p.phone);
  };
  const deptOf = (p: TPerson) => (p.departmentId ? (deptName.get(p.departmentId) ?? '') : '');
  // Exactly one person with this number: fill in who is calling as soon as they are found.
  const only = matches.length === 1 ? matches[0] : undefined;
  const onlyKey = only && depts.data ? `${only.id}|${deptOf(only)}` : null;
  useEffect(() => {
    if (!only || !onlyKey) return;
    form.setFieldsValue({ requesterName: only.name, requesterDepartment: deptOf(only) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per person found
  }, [onlyKey]);

  const sites = useSites(can('org.read'));
  const siteId = Form.useWatch('siteId', form);
  const rooms = useCall(
    orgApi.rooms.list,
    { query: { siteId: siteId!, pageSize: 200 } },
    { enabled: !!siteId && can('org.read'), staleTime: 60_000 },
  );

  const create = useMutation({
    mutationFn: (v: V) =>
      call(deskApi.createTicket, {
        body: {
          ...v,
          reportedAt: v.reportedAt ? v.reportedAt.toISOString() : undefined,
          siteId: v.siteId ?? null,
          roomId: v.roomId ?? null,
        } satisfies TTicketCreate,
      }),
    onSuccess: async (tk) => {
      fb.ok('运维单已登记');
      await qc.invalidateQueries({ queryKey: ['tickets'] });
      void navigate(`/desk/${tk.id}`, { replace: true });
    },
    onError: (e) => fb.fail(e, form),
  });

  const back = () => void navigate(home);
  const actions = (
    <Space wrap>
      <Button onClick={back}>{t('取消')}</Button>
      <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
        {t('登记')}
      </Button>
    </Space>
  );

  return (
    <div style={{ maxWidth: 1180 }}>
      <PageHeader
        title={t('登记运维单')}
        subtitle={t('来电登记后即开始 SLA 计时：回电、到场、解决、报告甲方')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('返回列表')}
          </Button>
        }
      />
      <Form<V> form={form} layout="vertical" initialValues={initial} onFinish={(v) => create.mutate(v)} requiredMark="optional">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={t('报修内容')} style={{ height: '100%' }}>
              <Form.Item name="serviceLine" label={t('服务项目')} rules={[{ required: true, message: t('请选择服务项目') }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))}
                />
              </Form.Item>
              <TicketFields form={form} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('来电人与地点')} style={{ height: '100%' }}>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item name="channel" label={t('来源')}>
                    <Select
                      options={(Object.keys(CHANNEL) as TTicket['channel'][]).map((k) => ({ value: k, label: pick(lang, CHANNEL[k]) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="reportedAt"
                    label={t('来电时间')}
                    rules={[{ required: true, message: t('请选择来电时间') }]}
                    extra={t('补登时可改为更早的时间')}
                  >
                    <DatePicker
                      showTime={{ format: 'HH:mm' }}
                      format="YYYY-MM-DD HH:mm"
                      style={{ width: '100%' }}
                      allowClear={false}
                      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="requesterPhone"
                label={t('来电号码')}
                rules={[{ pattern: PHONE.re, message: t(PHONE.message) }]}
                extra={
                  digits.length >= 4 && !people.isFetching && can('org.read') ? (
                    matches.length ? (
                      matches.length > 1 ? (
                        t('找到 {n} 人，请从下拉列表中选择', { n: matches.length })
                      ) : (
                        <Typography.Text type="success" style={{ fontSize: 'inherit' }}>
                          <CheckCircleFilled /> {t('已按号码找到来电人：{name}', { name: matches[0]!.name })}
                        </Typography.Text>
                      )
                    ) : (
                      t('未找到此号码，请手工填写来电人')
                    )
                  ) : undefined
                }
              >
                <AutoComplete
                  options={matches.map((p) => ({
                    key: p.id,
                    value: numberOf(p),
                    label: (
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
                        <span>
                          <UserOutlined style={{ color: '#9ca3af' }} /> {p.name}
                          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                            {p.departmentId ? deptName.get(p.departmentId) : p.title}
                          </Typography.Text>
                        </span>
                        <span className="yw-mono" style={{ fontSize: 12, color: '#6b7280' }}>
                          {numberOf(p)}
                        </span>
                      </div>
                    ),
                  }))}
                  onSelect={(_: string, o: { key?: string }) => {
                    const p = matches.find((x) => x.id === o.key);
                    if (p) form.setFieldsValue({ requesterName: p.name, requesterDepartment: deptOf(p) });
                  }}
                >
                  <Input
                    prefix={<PhoneOutlined style={{ color: '#9ca3af' }} />}
                    maxLength={40}
                    placeholder={t('输入号码查找来电人')}
                    inputMode="tel"
                  />
                </AutoComplete>
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} sm={10}>
                  <Form.Item name="requesterName" label={t('来电人')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item name="requesterDepartment" label={t('部门')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item name="siteId" label={t('地点')}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={sites.isPending && can('org.read')}
                      options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                      onChange={() => form.setFieldValue('roomId', null)}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="roomId" label={t('机房/房间')} style={{ marginBottom: 0 }}>
                    <Select
                      allowClear
                      disabled={!siteId}
                      placeholder={siteId ? undefined : t('先选择地点')}
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={rooms.isFetching}
                      options={(rooms.data?.items ?? []).map((r) => ({
                        value: r.id,
                        label: [r.name, r.building, r.floor && `${r.floor}${lang === 'en-US' ? '' : '层'}`].filter(Boolean).join(' · '),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
        </Row>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>{actions}</div>
      </Form>
    </div>
  );
}
