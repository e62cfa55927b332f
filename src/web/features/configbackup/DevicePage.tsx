// One device: its connection and host key (a changed key accepted here), back up now, the versions
// with the diff of any two, and the runs with the transcript of each failure (credentials masked).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { VENDOR_NAMES, type TRun } from '../../../common/configbackup.ts';
import { configBackupApi as api } from '../../../common/configbackup.api.ts';
import { call } from '../../api/client.ts';
import { callKey, useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DiffView } from './DiffView.tsx';
import { FAILURE_TEXT, StateTag, TelnetWarning } from './labels.tsx';

function Runs({ id }: { id: string }) {
  const { t } = useI18n();
  const runs = useCall(api.runs, { params: { id }, query: { pageSize: 20 } });
  return (
    <Card title={t('备份记录')} size="small">
      <Table<TRun>
        rowKey="id"
        size="small"
        loading={runs.isLoading}
        dataSource={runs.data?.items ?? []}
        pagination={false}
        expandable={{
          rowExpandable: (r) => !!r.transcript,
          expandedRowRender: (r) => (
            <pre className="yw-mono" style={{ margin: 0, fontSize: 12, maxHeight: 360, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
              {r.transcript}
            </pre>
          ),
        }}
        columns={[
          { title: t('开始时间'), dataIndex: 'startedAt', render: (v: string) => fmtTime(v) },
          { title: t('状态'), dataIndex: 'state', render: (_: unknown, r) => <StateTag state={r.state} failure={r.failure} /> },
          { title: t('结果'), dataIndex: 'message', render: (v: string, r) => (r.failure ? `${t(FAILURE_TEXT[r.failure])}：${v}` : v) },
        ]}
      />
    </Card>
  );
}

function Versions({ id }: { id: string }) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const versions = useCall(api.versions, { params: { id }, query: { pageSize: 100 } });
  const items = versions.data?.items ?? [];
  const [picked, setPicked] = useState<{ a?: string; b?: string }>({});
  const b = picked.b ?? search.get('version') ?? items[0]?.id;
  const a = picked.a ?? items[items.findIndex((v) => v.id === b) + 1]?.id ?? items[0]?.id;
  const diff = useQuery({
    queryKey: callKey(api.diff, { params: { id, a: a ?? '', b: b ?? '' } }),
    queryFn: () => call(api.diff, { params: { id, a: a!, b: b! } }),
    enabled: !!a && !!b,
  });
  const options = items.map((v, i) => ({
    value: v.id,
    label: `#${items.length - i} · ${fmtTime(v.takenAt)} · ${t('{n} 行', { n: v.lines })}`,
  }));
  return (
    <Card title={t('配置版本与差异')} size="small" extra={t('共 {n} 个版本', { n: versions.data?.total ?? 0 })}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('尚无配置版本')}</Typography.Text>
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>{t('从')}</span>
            <Select style={{ width: 300 }} value={a} options={options} onChange={(v: string) => setPicked((p) => ({ ...p, a: v, b }))} />
            <span>{t('到')}</span>
            <Select style={{ width: 300 }} value={b} options={options} onChange={(v: string) => setPicked((p) => ({ ...p, b: v, a }))} />
          </Space>
          {diff.data !== undefined && <DiffView text={diff.data} />}
        </>
      )}
    </Card>
  );
}

export function DevicePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const device = useCall(api.get, { params: { id } }, { refetchInterval: (q) => (q.state.data?.lastState === 'running' ? 2000 : false) });
  const d = device.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['config-backup'] });
  const run = async () => {
    try {
      await call(api.run, { params: { id } });
      fb.ok(t('已开始备份'));
      await refresh();
    } catch (e) {
      fb.fail(e);
    }
  };
  const accept = async (fingerprint: string) => {
    try {
      await call(api.acceptHostKey, { params: { id }, body: { fingerprint } });
      fb.ok(t('已信任新的主机密钥'));
      await refresh();
    } catch (e) {
      fb.fail(e);
    }
  };
  if (!d) return <Card loading={device.isLoading} />;
  return (
    <div>
      <PageHeader
        title={d.name}
        subtitle={`${VENDOR_NAMES[d.vendor]} · ${d.address}:${d.port}`}
        extra={
          can('configbackup.write') && (
            <Button type="primary" loading={d.lastState === 'running'} onClick={() => void run()}>
              {t('立即备份')}
            </Button>
          )
        }
      />
      {d.protocol === 'telnet' && <TelnetWarning />}
      {d.pendingHostKey && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('设备的主机密钥已变化，备份已暂停')}
          description={
            <Space direction="vertical">
              <span>{t('已信任：{a}；设备现在提供：{b}。请与设备管理员核实后再确认。', { a: d.hostKey ?? '—', b: d.pendingHostKey })}</span>
              {can('configbackup.hostkey') && (
                <Button danger onClick={() => void accept(d.pendingHostKey!)}>
                  {t('确认并信任新密钥')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('状态')}>
            <StateTag state={d.lastState} failure={d.lastFailure} />
          </Descriptions.Item>
          <Descriptions.Item label={t('最近备份')}>{fmtTime(d.lastRunAt)}</Descriptions.Item>
          <Descriptions.Item label={t('最近成功备份')}>{fmtTime(d.lastSuccessAt)}</Descriptions.Item>
          <Descriptions.Item label={t('用户名')}>{d.username}</Descriptions.Item>
          <Descriptions.Item label={t('凭据')}>
            {[d.hasPassword && t('密码'), d.hasPrivateKey && t('私钥'), d.hasEnablePassword && t('enable 密码')]
              .filter(Boolean)
              .join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('主机密钥')}>
            <span className="yw-mono">{d.protocol === 'telnet' ? t('Telnet 没有主机密钥') : (d.hostKey ?? t('首次连接时记录'))}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Versions id={id} />
        <Runs id={id} />
      </Space>
    </div>
  );
}
