// One sheet, made for a phone (390×844): scan an asset label (or type its code) to open that
// device's items; the device list shows what is done and what is abnormal; sign and submit once at
// the end (with a reason when late). The label's URL, /inspections/sheets/:id?asset=…, opens a device.
import { ArrowLeftOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Input, List, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { TEntry } from '../../../common/inspections.ts';
import { inspectionsApi as api } from '../../../common/inspections.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { EntryCard } from './EntryCard.tsx';
import { SheetStateTag } from './meta.tsx';
import { Scanner } from './Scanner.tsx';

interface Device {
  number: string;
  name: string;
  items: TEntry[];
}

function devicesOf(items: TEntry[]): Device[] {
  const out = new Map<string, Device>();
  for (const e of items) {
    const d = out.get(e.assetNumber) ?? { number: e.assetNumber, name: e.assetName, items: [] };
    d.items.push(e);
    out.set(e.assetNumber, d);
  }
  return [...out.values()];
}

export function SheetPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [lateReason, setLateReason] = useState('');
  const [busy, setBusy] = useState(false);
  const q = useCall(api.sheet, { params: { id } });
  const s = q.data;
  if (!s) return <Card loading />;
  const devices = devicesOf(s.items);
  const current = devices.find((d) => d.number === (params.get('asset') ?? (devices.length === 1 ? devices[0]!.number : '')));
  const editable = s.state === 'open' && can('inspections.fill');
  const refresh = () => qc.invalidateQueries({ queryKey: ['inspections'] });
  const open = (number: string) => {
    if (!devices.some((d) => d.number === number)) return void message.warning(t('资产 {n} 不在本巡检单中', { n: number }));
    setParams({ asset: number });
  };
  const submit = async () => {
    setBusy(true);
    try {
      await call(api.submit, { params: { id }, body: { lateReason } });
      fb.ok('已签字提交');
      await refresh();
    } catch (e) {
      fb.fail(e);
    } finally {
      setBusy(false);
    }
  };
  const filled = (d: Device) => d.items.filter((i) => i.value !== null || i.output !== '').length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {s.templateName}
            </Typography.Title>
            <SheetStateTag s={s} />
          </Space>
          <Typography.Text type="secondary">
            <span className="yw-mono">{s.number}</span> ·{' '}
            {s.periodStart === s.periodEnd ? s.periodStart : `${s.periodStart} ~ ${s.periodEnd}`} · {t('截止')} {fmtTime(s.dueAt)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('执行人')}：{s.assigneeName}
            {s.prefilledAt ? ` · ${t('监控数据读取于')} ${fmtTime(s.prefilledAt)}` : ''}
          </Typography.Text>
        </Space>
      </Card>
      {editable && (
        <Card size="small" title={t('扫描资产标签')}>
          <Scanner onNumber={open} />
        </Card>
      )}
      {current ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => setParams({})}>
              {t('设备列表')}
            </Button>
            <Typography.Text strong data-testid="current-asset">
              {current.name}
            </Typography.Text>
            <Typography.Text type="secondary" className="yw-mono">
              {current.number}
            </Typography.Text>
          </Space>
          {current.items.map((e) => (
            <EntryCard key={`${e.id}:${e.entered ?? ''}:${e.output.length}`} sheetId={s.id} e={e} editable={editable} onSaved={refresh} />
          ))}
        </Space>
      ) : (
        <Card size="small" title={t('设备（{n} 台）', { n: devices.length })}>
          <List
            dataSource={devices}
            renderItem={(d) => (
              <List.Item onClick={() => open(d.number)} style={{ cursor: 'pointer' }}>
                <List.Item.Meta title={d.name} description={<span className="yw-mono">{d.number}</span>} />
                <Space size={4}>
                  {d.items.some((i) => i.anomaly) && <Tag color="red" icon={<WarningOutlined />} />}
                  <Tag color={filled(d) === d.items.length ? 'green' : 'default'}>
                    {filled(d)}/{d.items.length}
                  </Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {s.state === 'submitted' ? (
        <Card size="small">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('签字')}>{s.signedByName}</Descriptions.Item>
            <Descriptions.Item label={t('提交时间')}>{fmtTime(s.submittedAt)}</Descriptions.Item>
            {s.lateReason && <Descriptions.Item label={t('逾期原因')}>{s.lateReason}</Descriptions.Item>}
          </Descriptions>
        </Card>
      ) : (
        editable && (
          <Card size="small" title={t('签字提交')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {s.overdue && (
                <Input.TextArea
                  aria-label={t('逾期原因')}
                  placeholder={t('已过截止时间，请填写逾期原因')}
                  value={lateReason}
                  onChange={(e) => setLateReason(e.target.value)}
                />
              )}
              <Typography.Text type="secondary">{t('签字人：{name}，提交后不能再修改', { name: me?.displayName ?? '' })}</Typography.Text>
              <Button type="primary" block loading={busy} onClick={() => void submit()}>
                {t('签字提交')}
              </Button>
            </Space>
          </Card>
        )
      )}
    </Space>
  );
}
