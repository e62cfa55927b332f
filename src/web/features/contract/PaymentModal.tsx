// Record or edit a payment with its invoice and the reports it rests on (R-CON-11), picked from the
// stored reports; the free text of a payment recorded before that is shown read-only.
import { Col, DatePicker, Form, Input, Row, Switch, Typography } from 'antd';
import { moneyApi } from '../../../common/money.api.ts';
import type { TPayment } from '../../../common/money.ts';
import { call } from '../../api/client.ts';
import { dayjs } from '../../app/dayjs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { basisKey, basisPair, ReportBasisSelect } from './ReportBasisSelect.tsx';

interface V {
  title: string;
  dueDate: dayjs.Dayjs;
  amount: string;
  paidOn: dayjs.Dayjs | null;
  invoiceNumber: string;
  reports: string[];
  fiscalDelay: boolean;
  note: string;
}

const day = (v: dayjs.Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

export function PaymentModal({
  contractId,
  payment,
  open,
  onClose,
}: {
  contractId: string;
  payment: TPayment | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const body = (v: V) => ({ ...v, dueDate: day(v.dueDate) ?? '', paidOn: day(v.paidOn), reports: (v.reports ?? []).map(basisPair) });
  return (
    <FormModal<V>
      key={payment?.id ?? 'new'}
      open={open}
      onClose={onClose}
      width={720}
      title={payment ? t('修改付款记录') : t('登记付款')}
      invalidate={['contract']}
      initialValues={
        payment
          ? {
              ...payment,
              dueDate: dayjs(payment.dueDate),
              paidOn: payment.paidOn ? dayjs(payment.paidOn) : null,
              reports: payment.reports.map(basisKey),
            }
          : { fiscalDelay: false, invoiceNumber: '', reports: [], note: '' }
      }
      submit={(v) =>
        payment
          ? call(moneyApi.updatePayment, { params: { id: payment.id }, body: body(v) })
          : call(moneyApi.createPayment, { params: { id: contractId }, body: body(v) })
      }
    >
      <Form.Item name="title" label={t('款项')} rules={[{ required: true, whitespace: true, message: t('必填') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="amount" label={t('金额（元）')} rules={[{ required: true, message: t('必填') }]}>
            <Input inputMode="decimal" placeholder="0.00" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="dueDate" label={t('应付日期')} rules={[{ required: true, message: t('必填') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="paidOn" label={t('实际支付日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="invoiceNumber" label={t('发票号')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fiscalDelay" label={t('因财政资金未到位而迟延')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reports" label={t('付款依据的运维报告')}>
        <ReportBasisSelect />
      </Form.Item>
      {payment?.reportBasis && (
        // Recorded before payments cited stored reports: kept as written, read-only.
        <Form.Item label={t('原登记的依据（文字）')}>
          <Typography.Text type="secondary">{payment.reportBasis}</Typography.Text>
        </Form.Item>
      )}
      <Form.Item name="note" label={t('备注')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
