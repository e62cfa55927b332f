// One item of a sheet on the phone: the prefilled value and where it came from, the reading or
// 正常/异常, a note, a photo (camera) or command output as the item asks, the anomaly and its ticket.
import { CameraOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EVIDENCE_NAMES, type TEntry } from '../../../common/inspections.ts';
import { inspectionsApi as api } from '../../../common/inspections.api.ts';
import { call, urlOf } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';

export function EntryCard({
  sheetId,
  e,
  editable,
  onSaved,
}: {
  sheetId: string;
  e: TEntry;
  editable: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const fb = useFeedback();
  const [value, setValue] = useState(e.entered ?? '');
  const [note, setNote] = useState(e.note);
  const [output, setOutput] = useState(e.output);
  const [busy, setBusy] = useState(false);
  const params = { id: sheetId, entryId: e.id };
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await fn();
      if (done) fb.ok(done);
      await onSaved();
    } catch (err) {
      fb.fail(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (body: { value?: string | null; note?: string; output?: string }) => run(() => call(api.fill, { params, body }));
  const range = e.kind === 'range' ? `${e.min ?? ''}～${e.max ?? ''} ${e.unit}` : null;
  return (
    <Card size="small" data-testid={`item-${e.key}`} style={{ borderColor: e.anomaly ? '#ff4d4f' : undefined }}>
      <Space direction="vertical" style={{ width: '100%' }} size={6}>
        <Space wrap size={4}>
          <Typography.Text strong>{e.label}</Typography.Text>
          {range && <Typography.Text type="secondary">{t('正常范围 {r}', { r: range })}</Typography.Text>}
          {e.evidence !== 'none' && <Tag>{t(EVIDENCE_NAMES[e.evidence])}</Tag>}
          {e.anomaly && (
            <Tag color="red" icon={<WarningOutlined />}>
              {t('异常')}
            </Tag>
          )}
        </Space>
        {e.prefill && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('预填')}：{e.prefill.value ?? t('无数据')}
            {e.prefill.value !== null ? ` ${e.unit}` : ''} · {e.prefill.note}
          </Typography.Text>
        )}
        {e.kind === 'check' && (
          <Radio.Group
            disabled={!editable || busy}
            value={e.value}
            optionType="button"
            buttonStyle="solid"
            onChange={(ev) => void save({ value: ev.target.value as string })}
            options={[
              { value: '正常', label: t('正常') },
              { value: '异常', label: t('异常') },
            ]}
          />
        )}
        {e.kind === 'range' && (
          <Input
            inputMode="decimal"
            aria-label={e.label}
            disabled={!editable || busy}
            placeholder={e.prefill?.value ?? t('读数')}
            addonAfter={e.unit || undefined}
            value={value}
            onChange={(ev) => setValue(ev.target.value)}
            onBlur={() => value !== (e.entered ?? '') && void save({ value: value.trim() || null })}
            onPressEnter={() => void save({ value: value.trim() || null })}
          />
        )}
        {(e.evidence === 'command' || e.kind === 'text') && (
          <Input.TextArea
            aria-label={t('命令输出')}
            disabled={!editable || busy}
            rows={3}
            placeholder={t('粘贴命令输出')}
            value={output}
            onChange={(ev) => setOutput(ev.target.value)}
            onBlur={() => output !== e.output && void save({ output })}
            style={{ fontFamily: 'monospace' }}
          />
        )}
        <Input
          aria-label={t('说明')}
          disabled={!editable || busy}
          placeholder={t('说明（可选）')}
          value={note}
          onChange={(ev) => setNote(ev.target.value)}
          onBlur={() => note !== e.note && void save({ note })}
        />
        <Space wrap>
          {(e.evidence === 'photo' || e.photoId) && (
            <>
              {e.photoId && (
                <a href={urlOf(api.photoFile, { params })} target="_blank" rel="noreferrer">
                  <img src={urlOf(api.photoFile, { params })} alt={e.label} style={{ height: 48, borderRadius: 4 }} />
                </a>
              )}
              {editable && (
                <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer' }}>
                  <CameraOutlined /> {e.photoId ? t('重拍') : t('拍照')}
                  <input
                    type="file"
                    accept="image/*"
                    capture="environment"
                    aria-label={t('拍照')}
                    style={{ display: 'none' }}
                    onChange={(ev) => {
                      const f = ev.target.files?.[0];
                      if (f) void run(() => uploadFile(api.photo, { params }, f, () => undefined), '照片已上传');
                    }}
                  />
                </label>
              )}
            </>
          )}
          {editable && e.evidence === 'command' && (
            <Button size="small" loading={busy} onClick={() => void run(() => call(api.health, { params }), '已通过 SSH 采集')}>
              {t('SSH 采集检查命令')}
            </Button>
          )}
          {e.ticketNumber ? (
            <Link to={`/desk/${e.ticketId}`}>
              <Tag color="orange">{t('运维单 {n}', { n: e.ticketNumber })}</Tag>
            </Link>
          ) : (
            e.anomaly && (
              <Button danger size="small" loading={busy} onClick={() => void run(() => call(api.ticket, { params }), '已转运维单')}>
                {t('异常转运维单')}
              </Button>
            )
          )}
          {e.filledByName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.filledByName}
            </Typography.Text>
          )}
        </Space>
      </Space>
    </Card>
  );
}
