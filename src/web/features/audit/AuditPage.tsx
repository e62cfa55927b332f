// 审计日志: every sign-in and every write, hash-chained; read, filtered and exported by the audit admin.
import { Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TAuditRecord } from '../../../common/audit.ts';
import type { Query } from '../../api/client.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { OBJECT_TYPES } from './labels.ts';
import { VerifyButton, VerifyResult, useVerify } from './VerifyButton.tsx';
import { auditApi } from '../../../common/audit.api.ts';

function Detail({ r }: { r: TAuditRecord }) {
  const { t } = useI18n();
  const d = r.detail ?? {};
  const { before, after, ...rest } = d as { before?: unknown; after?: unknown } & Record<string, unknown>;
  const block = (title: string, v: unknown) => (
    <div style={{ flex: '1 1 320px', minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <pre className="yw-json">{JSON.stringify(v, null, 2)}</pre>
    </div>
  );
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      {before !== undefined && block(t('修改前'), before)}
      {after !== undefined && block(t('修改后'), after)}
      {Object.keys(rest).length > 0 && block(t('详情'), rest)}
      {!r.detail && <Typography.Text type="secondary">{t('无详情')}</Typography.Text>}
      <div style={{ flexBasis: '100%', fontSize: 12, color: '#8a94a6' }}>
        {t('请求编号')} <span className="yw-mono">{r.requestId ?? '—'}</span>
        {r.objectId && (
          <>
            {' · '}
            {t('对象编号')} <span className="yw-mono">{r.objectId}</span>
          </>
        )}
      </div>
    </div>
  );
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useState<Query>({});
  const verify = useVerify();
  const columns: DTColumn<TAuditRecord>[] = [
    { title: t('序号'), dataIndex: 'seq', width: 80 },
    { title: t('时间'), dataIndex: 'at', render: fmtTime, width: 150 },
    { title: t('操作人'), dataIndex: 'actorName' },
    { title: t('来源 IP'), dataIndex: 'ip', render: (v: string | null) => <span className="yw-mono">{v ?? '—'}</span> },
    { title: t('操作'), dataIndex: 'action', render: (v: string) => <span className="yw-mono">{v}</span> },
    {
      title: t('对象类型'),
      dataIndex: 'objectType',
      render: (v: string | null) => (v ? (OBJECT_TYPES[v] ? pick(lang, OBJECT_TYPES[v]) : v) : '—'),
    },
    {
      title: t('结果'),
      dataIndex: 'success',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">{t('成功')}</Tag> : <Tag color="red">{t('失败')}</Tag>),
    },
  ];
  return (
    <div>
      <PageHeader
        title={t('审计日志')}
        subtitle={t('登录、退出、失败尝试与每一次写操作：谁、何时、从何处、做了什么、修改前后；记录以哈希链防篡改，保存不少于 180 天')}
        extra={<VerifyButton verify={verify} />}
      />
      <VerifyResult result={verify.data} onClose={() => verify.reset()} />
      <Card>
        <AuditFilters onChange={setParams} />
        <DataTable
          queryKey="audit"
          source={auditApi.list}
          rowKey="seq"
          columns={columns}
          params={params}
          exportSource={auditApi.export}
          expandable={{ expandedRowRender: (r) => <Detail r={r} /> }}
        />
      </Card>
    </div>
  );
}
