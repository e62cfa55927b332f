// Edit the contract's own terms (PATCH /api/contracts/:id).
import { Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import type { TContract } from '../../../common/contract.ts';
import { call } from '../../api/client.ts';
import { dayjs } from '../../app/dayjs.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { contractApi } from '../../../common/contract.api.ts';

interface V {
  title: string;
  signedAt: dayjs.Dayjs | null;
  signedPlace: string;
  procurementNumber: string;
  totalFee: number;
  bondPercent: number;
  bondDueWorkingDays: number;
  bondValidUntil: dayjs.Dayjs | null;
  notes: string;
}

const d = (s: string | null) => (s ? dayjs(s) : null);
const s = (v: dayjs.Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

export function ContractEditModal({ contract, open, onClose }: { contract: TContract; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<V>
      open={open}
      onClose={onClose}
      width={760}
      title={t('编辑合同')}
      invalidate={['contract']}
      initialValues={{ ...contract, signedAt: d(contract.signedAt), bondValidUntil: d(contract.bondValidUntil) }}
      submit={(v) =>
        call(contractApi.update, {
          params: { id: contract.id },
          body: { ...v, signedAt: s(v.signedAt), bondValidUntil: s(v.bondValidUntil) },
        })
      }
    >
      <Form.Item name="title" label={t('合同名称')} rules={[{ required: true, whitespace: true, message: t('请输入合同名称') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="signedAt" label={t('签订日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="signedPlace" label={t('签订地点')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="procurementNumber" label={t('采购编号')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="totalFee" label={t('合同总价（元）')} rules={[{ required: true, message: t('请输入合同总价') }]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="bondPercent" label={t('履约保证金比例（%）')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="bondDueWorkingDays" label={t('保证金缴纳期限（工作日）')}>
            <InputNumber min={0} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="bondValidUntil" label={t('保证金有效期至')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('备注')}>
        <Input.TextArea rows={3} maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}
