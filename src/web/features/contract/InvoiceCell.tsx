// A payment's invoice file (PDF or image): its link, and for writers a button to upload or replace it.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { moneyRecordsApi as api } from '../../../common/money-records.api.ts';
import type { TPayment } from '../../../common/money.ts';
import { downloadFile } from '../../api/download.ts';
import { uploadFile } from '../../api/upload.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useRun } from '../../components/useRun.ts';
import { useI18n } from '../../i18n/index.tsx';

export function InvoiceCell({ p, canWrite }: { p: TPayment; canWrite: boolean }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const input = useRef<HTMLInputElement>(null);
  const { busy, run } = useRun('contract', () => undefined);
  return (
    <Space size={4}>
      {p.invoiceFileName ? (
        <a onClick={() => void downloadFile(api.invoice, { params: { id: p.id } }, p.invoiceFileName ?? '').catch(fb.fail)}>
          {p.invoiceFileName}
        </a>
      ) : (
        '—'
      )}
      {canWrite && (
        <>
          <input
            ref={input}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,.webp"
            hidden
            data-testid={`invoice-file-${p.id}`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void run(() => uploadFile(api.uploadInvoice, { params: { id: p.id } }, f, () => undefined), '已上传');
            }}
          />
          <Button
            size="small"
            type="text"
            icon={<UploadOutlined />}
            loading={busy}
            aria-label={t('上传发票')}
            onClick={() => input.current?.click()}
          />
        </>
      )}
    </Space>
  );
}
