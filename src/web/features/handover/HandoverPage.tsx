// 数据移交与保密: three tabs — the complete export (start, progress, download), the confidential purge
// (PurgeTab.tsx) and the security and confidentiality agreement on record.
import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { TAgreement, TExport } from '../../../common/handover.ts';
import { handoverApi as api } from '../../../common/handover.api.ts';
import { call } from '../../api/client.ts';
import { downloadFile } from '../../api/download.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AgreementForm } from './AgreementForm.tsx';
import { PurgeTab } from './PurgeTab.tsx';

const STATE = {
  running: ['processing', '导出中'],
  done: ['success', '已完成'],
  failed: ['error', '失败'],
  destroyed: ['default', '已销毁'],
} as const;
const mb = (n: number | null) => (n === null ? '—' : `${(n / 1048576).toFixed(1)} MB`);

function ExportTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [starting, setStarting] = useState(false);
  const list = useCall(
    api.exports,
    { query: { page, pageSize: 10 } },
    { refetchInterval: (q) => (q.state.data?.items.some((e) => e.state === 'running') ? 1000 : false) },
  );
  const start = async () => {
    setStarting(true);
    try {
      await call(api.exportStart, {});
      fb.ok('完整导出已开始，可在下表查看进度');
      await qc.invalidateQueries({ queryKey: ['handover'] });
    } catch (e) {
      fb.fail(e);
    } finally {
      setStarting(false);
    }
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">
        {t(
          '依据合同第八条第2款，运维服务中产生的全部信息资源归甲方所有。完整导出包含每张表的 CSV（Excel 可直接打开）与 JSON Lines、系统中存储的全部文件、中英文结构说明和带校验值的清单。',
        )}
      </Typography.Paragraph>
      {can('handover.export') && (
        <Button type="primary" icon={<PlayCircleOutlined />} loading={starting} onClick={() => void start()} style={{ marginBottom: 12 }}>
          {t('开始完整导出')}
        </Button>
      )}
      <Table<TExport>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'n', title: t('编号'), render: (_, e) => <span className="yw-mono">{`EX-${String(e.seq).padStart(3, '0')}`}</span> },
          { key: 'at', title: t('开始时间'), render: (_, e) => fmtTime(e.startedAt) },
          { key: 'by', title: t('发起人'), render: (_, e) => e.startedByName },
          {
            key: 'p',
            title: t('进度'),
            render: (_, e) => (
              <Space direction="vertical" size={0} style={{ minWidth: 220 }} data-testid="export-progress">
                <Progress
                  size="small"
                  percent={e.tablesTotal ? Math.round((e.tablesDone / e.tablesTotal) * 100) : 0}
                  status={e.state === 'failed' ? 'exception' : undefined}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('{done}/{total} 张表，{rows} 行，{files} 个文件', {
                    done: e.tablesDone,
                    total: e.tablesTotal,
                    rows: e.rows,
                    files: e.files,
                  })}
                  {e.current ? ` · ${e.current}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 's', title: t('状态'), render: (_, e) => <Tag color={STATE[e.state][0]}>{t(STATE[e.state][1])}</Tag> },
          {
            key: 'size',
            title: t('大小'),
            render: (_, e) => (e.state === 'running' ? t('已写入 {size}', { size: mb(e.written) }) : mb(e.size)),
          },
          {
            key: 'sha',
            title: 'SHA-256',
            responsive: ['xl'],
            render: (_, e) => <span className="yw-mono">{e.sha256?.slice(0, 16) ?? '—'}</span>,
          },
          {
            key: 'dl',
            title: '',
            render: (_, e) =>
              e.state === 'done' ? (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void downloadFile(api.exportDownload, { params: { id: e.id } }, 'export.zip').catch(fb.fail)}
                >
                  {t('下载')}
                </Button>
              ) : (
                e.error
              ),
          },
        ]}
      />
    </Card>
  );
}

function AgreementTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const [adding, setAdding] = useState(false);
  const [page, setPage] = useState(1);
  const list = useCall(api.agreements, { query: { page, pageSize: 10 } });
  return (
    <Card>
      {can('handover.purge') && (
        <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {t('登记保密协议')}
        </Button>
      )}
      <Table<TAgreement>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 't', title: t('协议名称'), render: (_, a) => a.title },
          { key: 'a', title: t('甲方'), render: (_, a) => a.partyA },
          { key: 'b', title: t('乙方'), render: (_, a) => a.partyB },
          { key: 'd', title: t('签订日期'), render: (_, a) => a.signedOn },
          {
            key: 'f',
            title: t('签字文件'),
            render: (_, a) => (
              <a onClick={() => void downloadFile(api.agreementFile, { params: { id: a.id } }, a.fileName).catch(fb.fail)}>{a.fileName}</a>
            ),
          },
          { key: 'by', title: t('记录人'), responsive: ['md'], render: (_, a) => `${a.createdByName} ${fmtTime(a.createdAt)}` },
        ]}
      />
      <AgreementForm open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

export function HandoverPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const nav = useNavigate();
  const { tab = can('handover.export') || can('handover.confirm') ? 'export' : 'purge' } = useParams();
  const items = [
    ...(can('handover.export') || can('handover.confirm') ? [{ key: 'export', label: t('完整导出'), children: <ExportTab /> }] : []),
    ...(can('handover.read') ? [{ key: 'purge', label: t('保密资料清除'), children: <PurgeTab /> }] : []),
    ...(can('handover.read') ? [{ key: 'agreement', label: t('安全保密协议'), children: <AgreementTab /> }] : []),
  ];
  return (
    <div>
      <PageHeader title={t('数据移交与保密')} subtitle={t('数据归甲方所有；合作结束后保密资料在 5 个工作日内销毁或归还')} />
      <Tabs activeKey={tab} onChange={(k) => void nav(`/handover/${k}`)} items={items} />
    </div>
  );
}
