// 告警处置 (R-SEC-03/09): one security alert with the responses recorded on it — what was done on which
// device, by whom and when, the change that approves it and its verification.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { RESPONSE_KIND_NAMES, type TResponse } from '../../../common/secops.ts';
import { secopsApi as api } from '../../../common/secops.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ALERT_SEVERITY, ApprovalTag, VerifyTag } from './labels.tsx';
import { ResponseForm, VerifyForm } from './ResponseForms.tsx';

export function AlertPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { alertId = '' } = useParams();
  const q = useCall(api.alert, { params: { alertId } });
  const [adding, setAdding] = useState(false);
  const [verifying, setVerifying] = useState<TResponse | null>(null);
  const d = q.data;
  const write = can('secops.write');
  return (
    <div>
      <PageHeader
        title={t('告警处置')}
        subtitle={<Link to="/events/alerts">{t('返回安全告警')}</Link>}
        extra={
          write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!d}>
              {t('登记处置')}
            </Button>
          )
        }
      />
      <Card loading={q.isLoading} style={{ marginBottom: 16 }}>
        {d && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('命中规则')}>{d.alert.title}</Descriptions.Item>
            <Descriptions.Item label={t('严重级别')}>{t(ALERT_SEVERITY[d.alert.severity] ?? d.alert.severity)}</Descriptions.Item>
            <Descriptions.Item label={t('分组键')}>
              <span className="yw-mono">{d.alert.key}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('最后命中')}>{fmtTime(d.alert.lastAt)}</Descriptions.Item>
            <Descriptions.Item label={t('运维单')}>
              {d.ticketId ? <Link to={`/desk/${d.ticketId}`}>{d.ticketNumber}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('最后一条')}>{d.alert.sample}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={t('处置记录')} size="small">
        <Table<TResponse>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={q.isFetching}
          dataSource={d?.items ?? []}
          locale={{ emptyText: t('尚未登记处置') }}
          columns={[
            { title: t('编号'), dataIndex: 'number' },
            { title: t('处置类型'), dataIndex: 'kind', render: (v: TResponse['kind']) => t(RESPONSE_KIND_NAMES[v]) },
            {
              title: t('设备'),
              dataIndex: 'assetName',
              responsive: ['md'],
              render: (v: string, r) => <Link to={`/secops/devices/${r.assetId}`}>{v}</Link>,
            },
            { title: t('处置内容'), dataIndex: 'detail', width: 280 },
            { title: t('处置人'), dataIndex: 'doneByName', responsive: ['lg'] },
            { title: t('处置时间'), dataIndex: 'doneAt', responsive: ['md'], render: (v: string) => fmtTime(v) },
            {
              title: t('变更审批'),
              dataIndex: 'changeNumber',
              render: (v: string | null, r) => (
                <span>
                  {v && <Link to={`/changes/${r.changeId}`}>{v} </Link>}
                  <ApprovalTag r={r} />
                </span>
              ),
            },
            {
              title: t('验证'),
              dataIndex: 'verifyResult',
              render: (_: unknown, r) => (
                <span>
                  <VerifyTag r={r} />
                  {r.verifiedByName && `${r.verifiedByName} ${fmtTime(r.verifiedAt)}`}
                  {write && r.verifyResult !== 'effective' && (
                    <Button size="small" type="link" onClick={() => setVerifying(r)}>
                      {t('登记验证')}
                    </Button>
                  )}
                </span>
              ),
            },
          ]}
        />
      </Card>
      {d && <ResponseForm alertId={alertId} critical={d.alert.severity === 'critical'} open={adding} onClose={() => setAdding(false)} />}
      <VerifyForm r={verifying} onClose={() => setVerifying(null)} />
    </div>
  );
}
