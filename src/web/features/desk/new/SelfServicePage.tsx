// 我要报修: agency staff report a problem themselves (desk.self). The form starts from what is on file
// (phone, department, the site of their latest report); they choose the service line themselves,
// seeing what each covers, its hotline hours and its 7×24 emergency phone (R-SD-01, R-SD-11).
import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { TTicketCreate } from '../../../../common/desk.ts';
import type { TSelfLine } from '../../../../common/desk-self.ts';
import { deskSelfApi } from '../../../../common/desk-self.api.ts';
import { deskApi } from '../../../../common/desk.api.ts';
import { PHONE } from '../../../../common/patterns.ts';
import { SERVICE_LINE_CODES, SERVICE_LINE_NAMES } from '../../../../common/service-lines.ts';
import { call } from '../../../api/client.ts';
import { useCall } from '../../../api/query.ts';
import { useFeedback } from '../../../components/feedback.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { LinePicker } from './LinePicker.tsx';
import { TicketFields } from './TicketFields.tsx';

type V = Omit<TTicketCreate, 'reportedAt' | 'roomId' | 'channel' | 'requesterName'>;

// Without a contract on file the lines are still offered, by their names alone.
const FALLBACK: TSelfLine[] = SERVICE_LINE_CODES.map((code) => ({
  code,
  name: SERVICE_LINE_NAMES[code].zh,
  summary: '',
  hoursProfile: code === 'SM' ? '5x9' : '7x24',
  hotlineHours: '',
  hotlinePhone: '',
  emergencyPhone: '',
}));

export function SelfServicePage() {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<V>();
  const info = useCall(deskSelfApi.info, {}, { staleTime: 60_000 });
  const me = info.data?.requester;

  // What is on file goes into the form once it has loaded (the requester may change it).
  useEffect(() => {
    if (!me) return;
    form.setFieldsValue({ requesterPhone: me.phone, requesterDepartment: me.department, siteId: me.siteId });
  }, [me, form]);

  const create = useMutation({
    mutationFn: (v: V) => call(deskApi.createTicket, { body: { ...v, siteId: v.siteId ?? null, channel: 'web' } satisfies TTicketCreate }),
    onSuccess: async (tk) => {
      fb.ok('报修已提交');
      await qc.invalidateQueries({ queryKey: ['tickets'] });
      void navigate(`/desk/${tk.id}`, { replace: true });
    },
    onError: (e) => fb.fail(e, form),
  });
  const back = () => void navigate('/desk/mine');
  const lines = info.data?.lines.length ? info.data.lines : FALLBACK;

  return (
    <div style={{ maxWidth: 1180 }}>
      <PageHeader
        title={t('我要报修')}
        subtitle={t('提交后运维服务热线将在 5 分钟内回电联系您')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('返回')}
          </Button>
        }
      />
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={{ category: 'fault', severity: 'medium' }}
        onFinish={(v) => create.mutate(v)}
        requiredMark="optional"
      >
        <Card title={t('选择服务项目')} style={{ marginBottom: 16 }}>
          {info.isPending ? (
            <Skeleton active />
          ) : (
            <Form.Item name="serviceLine" rules={[{ required: true, message: t('请选择服务项目') }]} style={{ marginBottom: 0 }}>
              <LinePicker lines={lines} />
            </Form.Item>
          )}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={t('报修内容')} style={{ height: '100%' }}>
              <TicketFields form={form} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('联系方式')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">
                {t('报修人')}：{me?.name}
              </Typography.Paragraph>
              {me && !me.phoneOnFile && (
                <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('您的账号未登记电话，请填写便于工程师回电的号码')} />
              )}
              <Form.Item
                name="requesterPhone"
                label={t('联系电话')}
                rules={[
                  // The server refuses a report without a number to call back when none is on file.
                  { required: !!me && !me.phoneOnFile, whitespace: true, message: t('请填写联系电话') },
                  { pattern: PHONE.re, message: t(PHONE.message) },
                ]}
              >
                <Input
                  prefix={<PhoneOutlined style={{ color: '#9ca3af' }} />}
                  maxLength={40}
                  placeholder={t('便于工程师联系您的电话')}
                  inputMode="tel"
                />
              </Form.Item>
              <Form.Item name="requesterDepartment" label={t('部门')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="siteId"
                label={t('地点')}
                style={{ marginBottom: 0 }}
                extra={me?.siteId ? t('已按您上次报修的地点填写') : undefined}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(info.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
          <Space wrap>
            <Button onClick={back}>{t('取消')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
              {t('提交报修')}
            </Button>
          </Space>
        </div>
      </Form>
    </div>
  );
}
