// Excel import of assets (issue 4 point 9): template download, upload with a progress bar, then
// either the count created or the table of every error by row and column (nothing written).
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TImportError } from '../../../common/assets.ts';
import type { TProblem } from '../../../common/api.ts';
import { ApiError, csrfToken } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';

function uploadXlsx(file: File, onProgress: (p: number) => void): Promise<{ created: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/assets/import');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    // Upload is 90 % of the bar; the server's check-and-write the rest.
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(90, Math.round((e.loaded / e.total) * 90)));
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: a proxy's page */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(data as { created: number });
      } else reject(new ApiError(xhr.status, (data as Partial<TProblem>) ?? { detail: `HTTP ${xhr.status}` }));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', detail: '无法连接服务器，请检查网络后重试' }));
    const fd = new FormData();
    fd.append('file', file);
    xhr.send(fd);
  });
}

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ message: string; errors: TImportError[] } | null>(null);
  const reset = () => {
    setPercent(null);
    setCreated(null);
    setFailure(null);
  };
  const run = async (file: File) => {
    reset();
    setPercent(0);
    try {
      setCreated((await uploadXlsx(file, setPercent)).created);
      await qc.invalidateQueries({ queryKey: ['assets'] });
    } catch (e) {
      setPercent(null);
      const errors = e instanceof ApiError ? ((e.problem.errors ?? []) as unknown as TImportError[]) : [];
      setFailure({ message: problemMessage(e, lang), errors: errors.filter((x) => typeof x.row === 'number') });
    }
  };
  return (
    <Modal
      open={open}
      title={t('导入资产')}
      width={720}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('先校验全部行：有任何错误则逐行逐列列出且不写入任何数据；无误则一次全部写入，资产编号按规则自动生成。')}
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href="/api/assets/import-template" download>
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
          <Button type="primary" icon={<UploadOutlined />} loading={percent !== null && percent < 100 && created === null}>
            {t('选择 Excel 文件')}
          </Button>
        </Upload>
      </div>
      {percent !== null && <Progress percent={percent} status={created !== null ? 'success' : 'active'} />}
      {created !== null && <Alert type="success" showIcon title={t('已导入 {n} 项资产', { n: created })} />}
      {failure && (
        <>
          <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 12 }} />
          {failure.errors.length > 0 && (
            <Table<TImportError>
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
