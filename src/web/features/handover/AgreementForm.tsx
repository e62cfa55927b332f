// 登记保密协议: the agreement's name, the parties, the date it was signed and the signed file.
import { UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TAgreement } from '../../../common/handover.ts';
import { handoverApi as api } from '../../../common/handover.api.ts';
import { uploadForm } from '../../api/upload.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Values {
  title: string;
  partyA: string;
  partyB: string;
  signedOn: Dayjs;
  file: { originFileObj?: File }[];
}

/** The `file` field of a form: the chosen file kept, never uploaded by the Upload itself. */
export const fileField = (e: { fileList?: unknown[] } | unknown[]) => (Array.isArray(e) ? e : (e?.fileList ?? []));

export function AgreementForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Values, TAgreement>
      open={open}
      onClose={onClose}
      title={t('登记保密协议')}
      successText="保密协议已登记"
      invalidate={['handover']}
      initialValues={{ title: '安全保密协议' }}
      submit={(v) => {
        const form = new FormData();
        form.append('title', v.title);
        form.append('partyA', v.partyA);
        form.append('partyB', v.partyB);
        form.append('signedOn', v.signedOn.format('YYYY-MM-DD'));
        const f = v.file[0]?.originFileObj;
        if (f) form.append('file', f, f.name);
        return uploadForm(api.agreementCreate, {}, form, () => undefined);
      }}
    >
      <Form.Item name="title" label={t('协议名称')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="partyA" label={t('甲方')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="partyB" label={t('乙方')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="signedOn" label={t('签订日期')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="file" label={t('签字文件')} valuePropName="fileList" getValueFromEvent={fileField} rules={[{ required: true }]}>
        <Upload beforeUpload={() => false} maxCount={1}>
          <Button icon={<UploadOutlined />}>{t('选择文件')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
