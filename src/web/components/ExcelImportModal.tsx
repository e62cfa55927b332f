// An Excel import (assets, spare parts): template download, upload with a progress bar, then either
// what was written or the table of every error by row and column (nothing written).
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import type { TImportError } from '../../common/assets.ts';
import type { Endpoint } from '../../common/endpoint.ts';
import { ApiError, urlOf, type Output } from '../api/client.ts';
import { uploadFile, type UploadRoute } from '../api/upload.ts';
import { useI18n } from '../i18n/index.tsx';
import { problemMessage } from '../i18n/problems.ts';

/** An error of the file, by Excel row and column header. */
type RowError = TImportError;
// The import routes take no path parameters: the file is all they need.
const send = uploadFile as (e: UploadRoute, input: object, file: File, onProgress: (n: number) => void, share: number) => Promise<never>;

export interface ExcelImportProps<E extends UploadRoute> {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What the import does with the rows, shown above the buttons. */
  hint: string;
  /** The template's route (a file) and the import's (an upload without path parameters). */
  template: Endpoint & { raw: true; params?: undefined };
  upload: E & { params?: undefined };
  /** The list to read again after a successful import. */
  queryKey: readonly unknown[];
  /** The success message for the server's answer. */
  done: (result: Output<E>) => ReactNode;
}

export function ExcelImportModal<E extends UploadRoute>({
  open,
  onClose,
  title,
  hint,
  template,
  upload,
  queryKey,
  done,
}: ExcelImportProps<E>) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<Output<E> | null>(null);
  const [failure, setFailure] = useState<{ message: string; errors: RowError[] } | null>(null);
  const reset = () => {
    setPercent(null);
    setResult(null);
    setFailure(null);
  };
  const run = async (file: File) => {
    reset();
    setPercent(0);
    try {
      // Upload is 90 % of the bar; the server's check-and-write the rest.
      setResult(await send(upload, {}, file, setPercent, 90));
      await qc.invalidateQueries({ queryKey });
    } catch (e) {
      setPercent(null);
      const errors = e instanceof ApiError ? ((e.problem.errors ?? []) as unknown as RowError[]) : [];
      setFailure({ message: problemMessage(e, lang), errors: errors.filter((x) => typeof x.row === 'number') });
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      width={720}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={urlOf(template)} download>
          {t('下载导入模板')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void run(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={percent !== null && percent < 100 && result === null}>
            {t('选择 Excel 文件')}
          </Button>
        </Upload>
      </div>
      {percent !== null && <Progress percent={percent} status={result !== null ? 'success' : 'active'} />}
      {result !== null && <Alert type="success" showIcon title={done(result)} />}
      {failure && (
        <>
          <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 12 }} />
          {failure.errors.length > 0 && (
            <Table<RowError>
              size="small"
              rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
              dataSource={failure.errors}
              pagination={failure.errors.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('行'), dataIndex: 'row', width: 70 },
                { title: t('列'), dataIndex: 'column', width: 120 },
                { title: t('问题'), dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
