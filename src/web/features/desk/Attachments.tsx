// 附件与现场照片 of a ticket: photos as thumbnails (one preview group), documents with their icon,
// size and uploader; upload (multipart, with the CSRF header and a progress bar), a 拍照 button that
// opens the phone's camera, download and delete. The server sniffs each file's type and caps its
// size; its problem+json `detail` is shown as the error.
import {
  CameraOutlined,
  DeleteOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileTextOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Image, List, Popconfirm, Progress, Skeleton, Space, Typography, Upload } from 'antd';
import { useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { UPLOAD_ACCEPT, type FileKind, type TAttachment } from '../../../common/files.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { uploadForm } from '../../api/upload.ts';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { deskApi } from '../../../common/desk.api.ts';

export const attachmentsKey = (ticketId: string) => ['attachments', ticketId] as const;

/** Images the browser can show (HEIC only Safari does): those get a thumbnail, the rest an icon. */
const SHOWABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export function fmtSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileIcon(mime: string): ReactNode {
  const style = { fontSize: 28 };
  if (mime.startsWith('image/')) return <FileImageOutlined style={{ ...style, color: '#13a8a8' }} />;
  if (mime === 'application/pdf') return <FilePdfOutlined style={{ ...style, color: '#cf1322' }} />;
  if (mime.includes('word')) return <FileWordOutlined style={{ ...style, color: '#1554ad' }} />;
  if (mime.includes('sheet') || mime.includes('excel')) return <FileExcelOutlined style={{ ...style, color: '#389e0d' }} />;
  if (mime.includes('presentation') || mime.includes('powerpoint')) return <FilePptOutlined style={{ ...style, color: '#d46b08' }} />;
  if (mime.startsWith('text/')) return <FileTextOutlined style={{ ...style, color: '#595959' }} />;
  return <FileOutlined style={style} />;
}

/** POSTs one file as multipart/form-data, with upload progress. */
function uploadAttachment(
  ticketId: string,
  file: File,
  kind: FileKind | undefined,
  onProgress: (percent: number) => void,
): Promise<TAttachment> {
  const form = new FormData();
  if (kind) form.append('kind', kind); // fields before the file, as the server reads them in order
  form.append('file', file, file.name);
  return uploadForm(deskApi.uploadAttachment, { params: { id: ticketId } }, form, onProgress);
}

interface InFlight {
  uid: string;
  name: string;
  percent: number;
}

export function TicketAttachments({ ticketId, canUpload }: { ticketId: string; canUpload: boolean }) {
  const { t, lang } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const camera = useRef<HTMLInputElement>(null);
  const [inFlight, setInFlight] = useState<InFlight[]>([]);
  const [lastError, setLastError] = useState<string | null>(null);

  const list = useCall(deskApi.attachments, { params: { id: ticketId } }, { queryKey: attachmentsKey(ticketId) });

  const remove = useMutation({
    mutationFn: (a: TAttachment) => call(deskApi.deleteAttachment, { params: { id: ticketId, fileId: a.id } }),
    onSuccess: async () => {
      fb.ok('已删除');
      await qc.invalidateQueries({ queryKey: attachmentsKey(ticketId) });
    },
    onError: (e) => fb.fail(e),
  });

  async function send(file: File, kind?: FileKind): Promise<void> {
    const uid = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setLastError(null);
    setInFlight((xs) => [...xs, { uid, name: file.name, percent: 0 }]);
    try {
      await uploadAttachment(ticketId, file, kind, (percent) =>
        setInFlight((xs) => xs.map((x) => (x.uid === uid ? { ...x, percent } : x))),
      );
      fb.ok(t('已上传：{name}', { name: file.name }));
      await qc.invalidateQueries({ queryKey: attachmentsKey(ticketId) });
    } catch (e) {
      const msg = `${t('上传失败：{name}', { name: file.name })} — ${problemMessage(e, lang)}`;
      setLastError(msg);
      fb.fail(e);
    } finally {
      setInFlight((xs) => xs.filter((x) => x.uid !== uid));
    }
  }

  const onCamera = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same photo name again must fire change again
    if (file) void send(file, 'photo');
  };

  const items = list.data ?? [];
  const photos = items.filter((a) => SHOWABLE.has(a.mime));
  const others = items.filter((a) => !SHOWABLE.has(a.mime));

  const meta = (a: TAttachment) => (
    <span style={{ fontSize: 12, color: '#6b7280', fontVariantNumeric: 'tabular-nums' }}>
      {fmtSize(a.size)} · {a.createdByName ?? t('未知上传者')} · {fmtTime(a.createdAt)}
    </span>
  );

  const deleteButton = (a: TAttachment, compact = false) =>
    a.deletable ? (
      <Popconfirm
        title={t('删除“{name}”？', { name: a.name })}
        okText={t('删除')}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        cancelText={t('取消')}
        onConfirm={() => remove.mutateAsync(a).catch(() => undefined)}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('删除')}>
          {compact ? null : t('删除')}
        </Button>
      </Popconfirm>
    ) : null;

  const uploading = inFlight.length > 0;
  const extra = canUpload ? (
    <Space wrap size={8}>
      <Upload
        accept={UPLOAD_ACCEPT}
        multiple
        showUploadList={false}
        customRequest={({ file }) => {
          if (file instanceof File) void send(file);
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload">
          {t('上传文件')}
        </Button>
      </Upload>
      <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="attachment-camera">
        {t('拍照')}
      </Button>
      <input ref={camera} type="file" accept="image/*" capture="environment" hidden onChange={onCamera} />
    </Space>
  ) : null;

  return (
    <Card size="small" title={t('附件与照片')} extra={extra} data-testid="ticket-attachments">
      {inFlight.map((u) => (
        <div key={u.uid} style={{ marginBottom: 8 }}>
          <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: '100%' }}>
            {t('正在上传 {name}', { name: u.name })}
          </Typography.Text>
          <Progress percent={u.percent} size="small" status="active" />
        </div>
      ))}
      {lastError && (
        <Alert type="error" showIcon closable={{ onClose: () => setLastError(null) }} title={lastError} style={{ marginBottom: 12 }} />
      )}
      {list.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : list.isError ? (
        <Alert type="error" showIcon title={problemMessage(list.error, lang)} />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={canUpload ? t('暂无附件。可上传图片、PDF、Office 文档和文本文件') : t('暂无附件')}
        />
      ) : (
        <>
          {photos.length > 0 && (
            <Image.PreviewGroup>
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(112px, 1fr))',
                  gap: 12,
                  marginBottom: others.length ? 16 : 0,
                }}
              >
                {photos.map((a) => (
                  <figure key={a.id} style={{ margin: 0, minWidth: 0 }} data-testid="attachment-photo">
                    <Image src={a.url} alt={a.name} width="100%" height={112} style={{ objectFit: 'cover', borderRadius: 6 }} />
                    <figcaption style={{ display: 'flex', alignItems: 'center', gap: 2, marginTop: 4 }}>
                      <Typography.Text ellipsis title={a.name} style={{ fontSize: 12, flex: 1, minWidth: 0 }}>
                        {a.name}
                      </Typography.Text>
                      {deleteButton(a, true)}
                    </figcaption>
                    {meta(a)}
                  </figure>
                ))}
              </div>
            </Image.PreviewGroup>
          )}
          {others.length > 0 && (
            <List
              size="small"
              dataSource={others}
              renderItem={(a) => (
                <List.Item
                  data-testid="attachment-file"
                  actions={[
                    <Button
                      key="dl"
                      type="link"
                      size="small"
                      icon={<DownloadOutlined />}
                      href={a.url}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {t('下载')}
                    </Button>,
                    deleteButton(a),
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    avatar={fileIcon(a.mime)}
                    title={
                      <a href={a.url} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
                        {a.name}
                      </a>
                    }
                    description={meta(a)}
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
