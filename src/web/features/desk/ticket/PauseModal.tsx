// Pausing a ticket's SLA clocks needs a reason, which the audit log keeps.
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import { PAUSE_REASONS } from '../meta.ts';

type PauseValues = { choice: string; note?: string };

export function PauseModal({
  open,
  onClose,
  onPause,
  busy,
}: {
  open: boolean;
  onClose: () => void;
  onPause: (reason: string) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<PauseValues>();
  const choice = Form.useWatch('choice', form);
  return (
    <Modal
      open={open}
      title={t('暂停计时')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('暂停计时')}
      confirmLoading={busy}
      destroyOnHidden
      width={480}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('暂停期间 SLA 不计时；原因记入审计日志，恢复后继续计时。')}
      </Typography.Paragraph>
      <Form<PauseValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => {
          const note = v.note?.trim() ?? '';
          onPause(v.choice === 'other' ? note : note ? `${v.choice}：${note}` : v.choice);
        }}
      >
        <Form.Item name="choice" label={t('原因')} rules={[{ required: true, message: t('请选择暂停原因') }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {PAUSE_REASONS.map((r) => (
              <Radio key={r} value={r}>
                {t(r)}
                {r === '不可抗力' && <Typography.Text type="secondary"> {t('（顺延受影响的期限）')}</Typography.Text>}
              </Radio>
            ))}
            <Radio value="other">{t('其他')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={choice === 'other' ? t('说明') : t('补充说明')}
          rules={choice === 'other' ? [{ required: true, whitespace: true, message: t('请说明暂停原因') }] : []}
        >
          <Input.TextArea rows={2} maxLength={400} placeholder={t('如：等待厂商寄送电源模块，预计明日到货')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
