// 保密资料清除 (R-CONF-03): while the contract runs, why no request can be made yet (its end date);
// after it, the agency's written request, each confidential item destroyed or returned with a note
// and an evidence file, the certificate (Word, PDF) once all are done, and the agency's confirmation.
import { CheckOutlined, FileWordOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Space, Table, Tag, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PURGE_OUTCOME_ZH, PURGE_STATE_ZH, type TPurge, type TPurgeItem } from '../../../common/handover.ts';
import { handoverApi as api } from '../../../common/handover.api.ts';
import { call } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { useCall } from '../../api/query.ts';
import { uploadForm } from '../../api/upload.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fileField } from './AgreementForm.tsx';

interface RequestValues {
  requestedOn: Dayjs;
  requestedByName: string;
  letter?: string;
}
interface DoneValues {
  outcome: 'destroyed' | 'returned';
  note: string;
  file: { originFileObj?: File }[];
}

function ItemDone({ purge, item, onClose }: { purge: TPurge; item: TPurgeItem | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<DoneValues, TPurge>
      open={!!item}
      onClose={onClose}
      title={t('登记处理结果')}
      successText="已登记"
      invalidate={['handover']}
      initialValues={{ outcome: 'destroyed' }}
      submit={(v) => {
        const form = new FormData();
        form.append('outcome', v.outcome);
        form.append('note', v.note);
        const f = v.file[0]?.originFileObj;
        if (f) form.append('file', f, f.name);
        return uploadForm(api.itemDone, { params: { id: purge.id, itemId: item!.id } }, form, () => undefined);
      }}
    >
      <p>{item?.label}</p>
      <Form.Item name="outcome" label={t('处理方式')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'destroyed', label: t('销毁') },
            { value: 'returned', label: t('归还甲方') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('处理说明')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="file" label={t('证据文件')} valuePropName="fileList" getValueFromEvent={fileField} rules={[{ required: true }]}>
        <Upload beforeUpload={() => false} maxCount={1}>
          <Button icon={<UploadOutlined />}>{t('选择文件')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

function PurgeCard({ p }: { p: TPurge }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [doing, setDoing] = useState<TPurgeItem | null>(null);
  const confirm = async () => {
    try {
      await call(api.confirm, { params: { id: p.id } });
      fb.ok('已确认清除证明');
      await qc.invalidateQueries({ queryKey: ['handover'] });
    } catch (e) {
      fb.fail(e);
    }
  };
  const certificate = p.state !== 'open' && (
    <Space wrap>
      <Button
        icon={<FileWordOutlined />}
        onClick={() => void downloadFile(api.certificateDocx, { params: { id: p.id } }, 'certificate.docx').catch(fb.fail)}
      >
        {t('清除证明（Word）')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        onClick={() => void downloadFile(api.certificatePdf, { params: { id: p.id } }, 'certificate.pdf').catch(fb.fail)}
      >
        {t('清除证明（PDF）')}
      </Button>
      {p.state === 'done' && can('handover.confirm') && (
        <Button type="primary" icon={<CheckOutlined />} onClick={() => void confirm()}>
          {t('确认清除证明')}
        </Button>
      )}
    </Space>
  );
  return (
    <Card
      title={`${t('清除申请')} QC-${String(p.seq).padStart(3, '0')}`}
      extra={<Tag color={p.state === 'open' ? 'processing' : 'success'}>{t(PURGE_STATE_ZH[p.state])}</Tag>}
      style={{ marginTop: 12 }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('合同')}>{`${p.contractNumber}（${t('至')} ${p.contractEnd}）`}</Descriptions.Item>
        <Descriptions.Item label={t('书面要求')}>{`${p.requestedOn} ${p.requestedByName}`}</Descriptions.Item>
        <Descriptions.Item label={t('办理期限')}>{p.dueOn}</Descriptions.Item>
        {p.confirmedAt && (
          <Descriptions.Item label={t('甲方确认时间')}>{`${p.confirmedByName ?? ''} ${fmtTime(p.confirmedAt)}`}</Descriptions.Item>
        )}
      </Descriptions>
      <Table<TPurgeItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.items}
        columns={[
          { key: 'l', title: t('保密资料'), width: '34%', render: (_, i) => i.label },
          { key: 'c', title: t('数量'), render: (_, i) => i.count ?? '—' },
          {
            key: 'o',
            title: t('处理结果'),
            render: (_, i) =>
              i.outcome ? (
                <Tag color="success">{t(PURGE_OUTCOME_ZH[i.outcome])}</Tag>
              ) : i.overdue ? (
                <Tag color="error">{t('已逾期')}</Tag>
              ) : (
                <Tag>{t('待销毁或归还')}</Tag>
              ),
          },
          { key: 'n', title: t('处理说明'), render: (_, i) => i.note || '—' },
          {
            key: 'e',
            title: t('证据'),
            render: (_, i) =>
              i.evidenceFileId ? (
                <a
                  onClick={() =>
                    void downloadFile(api.evidence, { params: { id: p.id, itemId: i.id } }, i.evidenceName ?? 'evidence').catch(fb.fail)
                  }
                >
                  {i.evidenceName}
                </a>
              ) : (
                '—'
              ),
          },
          {
            key: 'by',
            title: t('经办'),
            responsive: ['md'],
            render: (_, i) => (i.doneAt ? `${i.doneByName ?? ''} ${fmtTime(i.doneAt)}` : ''),
          },
          {
            key: 'a',
            title: '',
            render: (_, i) =>
              !i.outcome && p.state === 'open' && can('handover.purge') ? (
                <Button size="small" onClick={() => setDoing(i)}>
                  {t('登记处理')}
                </Button>
              ) : null,
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>{certificate}</div>
      <ItemDone purge={p} item={doing} onClose={() => setDoing(null)} />
    </Card>
  );
}

export function PurgeTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [asking, setAsking] = useState(false);
  const status = useCall(api.purgeStatus, {});
  const list = useCall(api.purges, { query: { page: 1, pageSize: 20 } });
  // One written request at a time: the button shows until one is recorded.
  const open = (list.data?.items ?? []).some((p) => p.state !== 'confirmed');
  const s = status.data;
  return (
    <div>
      {s && !s.ended && <Alert type="info" showIcon message={t('尚不能提出清除申请')} description={s.reason} data-testid="purge-reason" />}
      {s?.ended && (
        <Alert
          type="warning"
          showIcon
          message={t('合同已于 {end} 结束', { end: s.contract?.end ?? '' })}
          description={t('甲方书面要求后，乙方须在 5 个工作日内销毁或归还全部保密资料，并出具清除证明。')}
          action={
            !open && (can('handover.purge') || can('handover.confirm')) ? (
              <Button type="primary" onClick={() => setAsking(true)}>
                {t('登记书面清除要求')}
              </Button>
            ) : undefined
          }
        />
      )}
      {(list.data?.items ?? []).map((p) => (
        <PurgeCard key={p.id} p={p} />
      ))}
      <FormModal<RequestValues, TPurge>
        open={asking}
        onClose={() => setAsking(false)}
        title={t('登记书面清除要求')}
        successText="清除申请已登记，请逐项销毁或归还"
        invalidate={['handover']}
        initialValues={{ requestedOn: dayjs() }}
        submit={(v) =>
          call(api.purgeCreate, {
            body: { requestedOn: v.requestedOn.format('YYYY-MM-DD'), requestedByName: v.requestedByName, letter: v.letter ?? '' },
          })
        }
      >
        <Form.Item name="requestedOn" label={t('书面要求日期')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="requestedByName" label={t('要求提出人')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="letter" label={t('书面要求内容')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
