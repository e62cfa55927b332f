// 培训: the sessions (user training the agency asked for, staff training, security and
// confidentiality education) with their state and assessment, and the staff certificates with an
// expiring-soon filter (R-STF-01). A session opens its page.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  CERT_WARN_DAYS,
  TRAINING_KINDS,
  TRAINING_KIND_NAMES,
  TRAINING_STATES,
  TRAINING_STATE_NAMES,
  type TCertificate,
  type TSession,
  type TrainingKind,
  type TrainingState,
} from '../../../common/training.ts';
import { trainingApi as api } from '../../../common/training.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CertificateForm, RequestForm, SessionForm } from './forms.tsx';
import { KindTag, StateTag, score } from './meta.tsx';

function Sessions() {
  const { t } = useI18n();
  const nav = useNavigate();
  const [kind, setKind] = useState<TrainingKind | undefined>();
  const [state, setState] = useState<TrainingState | undefined>();
  const [page, setPage] = useState(1);
  const list = useCall(api.list, { query: { page, pageSize: 20, ...(kind ? { kind } : {}), ...(state ? { state } : {}) } });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('类别')}
          style={{ width: 150 }}
          value={kind}
          onChange={(v) => (setKind(v), setPage(1))}
          options={TRAINING_KINDS.map((k) => ({ value: k, label: t(TRAINING_KIND_NAMES[k]) }))}
        />
        <Select
          allowClear
          placeholder={t('状态')}
          style={{ width: 130 }}
          value={state}
          onChange={(v) => (setState(v), setPage(1))}
          options={TRAINING_STATES.map((s) => ({ value: s, label: t(TRAINING_STATE_NAMES[s]) }))}
        />
      </Space>
      <Table<TSession>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={(s) => ({ onClick: () => void nav(`/training/${s.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'n', title: t('编号'), responsive: ['md'], render: (_, s) => <span className="yw-mono">{s.number}</span> },
          { key: 't', title: t('培训'), render: (_, s) => s.title },
          { key: 'k', title: t('类别'), responsive: ['md'], render: (_, s) => <KindTag s={s} /> },
          {
            key: 'at',
            title: t('时间'),
            render: (_, s) => (s.startAt ? fmtTime(s.startAt) : s.preferredDate ? `${t('希望')} ${s.preferredDate}` : '—'),
          },
          { key: 'a', title: t('签到/参训'), responsive: ['lg'], render: (_, s) => `${s.ratings.signedIn}/${s.ratings.attendees}` },
          { key: 'c', title: t('通俗易懂'), responsive: ['lg'], render: (_, s) => score(s.ratings.clarity) },
          { key: 'e', title: t('培训效果'), responsive: ['lg'], render: (_, s) => score(s.ratings.effect) },
          { key: 's', title: t('状态'), render: (_, s) => <StateTag s={s} /> },
        ]}
      />
    </>
  );
}

function Certificates() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const [soon, setSoon] = useState(params.get('tab') === 'certs');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useCall(api.certificates, { query: { page, pageSize: 20, ...(soon ? { expiringWithin: CERT_WARN_DAYS } : {}) } });
  return (
    <>
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Switch checked={soon} onChange={(v) => (setSoon(v), setPage(1))} />
          {t('只看已过期或 60 天内到期')}
        </Space>
        {can('training.staff_write') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('登记证书')}
          </Button>
        )}
      </Space>
      <Table<TCertificate>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'p', title: t('人员'), render: (_, c) => c.personName },
          { key: 'k', title: t('证书名称'), render: (_, c) => c.kind },
          { key: 'n', title: t('证书编号'), responsive: ['md'], render: (_, c) => <span className="yw-mono">{c.number}</span> },
          { key: 'i', title: t('发证机构'), responsive: ['lg'], render: (_, c) => c.issuer },
          {
            key: 'v',
            title: t('有效期至'),
            render: (_, c) =>
              c.validUntil === null ? (
                t('长期')
              ) : (
                <Space size={4}>
                  {c.validUntil}
                  {c.daysLeft !== null && c.daysLeft < 0 && <Tag color="red">{t('已过期')}</Tag>}
                  {c.daysLeft !== null && c.daysLeft >= 0 && c.daysLeft <= CERT_WARN_DAYS && (
                    <Tag color="orange">{t('{n} 天后到期', { n: c.daysLeft })}</Tag>
                  )}
                </Space>
              ),
          },
          {
            key: 's',
            title: t('扫描件'),
            responsive: ['md'],
            render: (_, c) =>
              c.scan ? (
                <a href={c.scan.url} target="_blank" rel="noreferrer">
                  {c.scan.name}
                </a>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <CertificateForm open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

export function TrainingPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<'request' | 'session' | null>(null);
  const open = (s: TSession) => void nav(`/training/${s.id}`);
  const items = [{ key: 'sessions', label: t('培训'), children: <Sessions /> }];
  if (can('training.staff')) items.push({ key: 'certs', label: t('人员证书'), children: <Certificates /> });
  return (
    <div>
      <PageHeader
        title={t('培训')}
        subtitle={t('用户培训按甲方需求开展，运维人员定期培训与安全保密教育；每次培训由参训人员评价通俗易懂程度与培训效果')}
        extra={
          <Space wrap>
            {can('training.request') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('request')}>
                {t('申请用户培训')}
              </Button>
            )}
            {can('training.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('session')}>
                {t('安排培训')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Tabs activeKey={params.get('tab') ?? 'sessions'} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} />
      </Card>
      <RequestForm open={form === 'request'} onClose={() => setForm(null)} onDone={open} />
      <SessionForm open={form === 'session'} onClose={() => setForm(null)} onDone={open} />
    </div>
  );
}
