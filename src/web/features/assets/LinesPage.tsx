// 线路 (R-AST-03): physical links and carrier circuits from port to port, each with a unique label and
// a network domain; filters, Excel export, and create / edit / delete for asset.write.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  LINE_KIND_ZH,
  LINE_KINDS,
  NETWORK_DOMAIN_ZH,
  NETWORK_DOMAINS,
  type TLine,
  type TLineInput,
} from '../../../common/asset-movements.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { DeleteButton } from '../../components/DeleteButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AssetSelect } from './Relations.tsx';
import { topologyApi } from '../../../common/asset-movements.api.ts';

const KIND_COLOR: Record<TLine['kind'], string> = { fiber: 'blue', copper: 'orange', carrier: 'purple' };

function End({ id, number, name, port }: { id: string | null; number: string | null; name: string | null; port: string }) {
  if (!id) return <span>{port || '—'}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Link to={`/assets/${id}`} title={name ?? ''}>
        {number}
      </Link>
      {port ? <span style={{ color: '#8c8c8c' }}> · {port}</span> : null}
    </span>
  );
}

export function LinesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [kind, setKind] = useState<string | undefined>();
  const [domain, setDomain] = useState<string | undefined>();
  const [edit, setEdit] = useState<TLine | 'new' | null>(null);
  const domainName = (d: string | null) => (d ? t(NETWORK_DOMAIN_ZH[d as keyof typeof NETWORK_DOMAIN_ZH] ?? d) : '—');
  const columns: DTColumn<TLine>[] = [
    { title: t('线路标签'), dataIndex: 'label', render: (v: string) => <strong style={{ whiteSpace: 'nowrap' }}>{v}</strong> },
    {
      title: t('类型'),
      dataIndex: 'kind',
      render: (k: TLine['kind']) => <Tag color={KIND_COLOR[k]}>{t(LINE_KIND_ZH[k])}</Tag>,
    },
    { title: t('网络域'), dataIndex: 'networkDomain', render: domainName },
    {
      title: t('A 端'),
      key: 'from',
      render: (_: unknown, r) => <End id={r.fromAssetId} number={r.fromAssetNumber} name={r.fromAssetName} port={r.fromPort} />,
    },
    {
      title: t('Z 端'),
      key: 'to',
      render: (_: unknown, r) => <End id={r.toAssetId} number={r.toAssetNumber} name={r.toAssetName} port={r.toPort} />,
    },
    {
      title: t('运营商 / 电路'),
      key: 'carrier',
      render: (_: unknown, r) => [r.carrier, r.circuitId].filter(Boolean).join(' ') || '—',
    },
    { title: t('带宽'), dataIndex: 'bandwidth', render: (v: string) => v || '—' },
    ...(can('asset.write')
      ? [
          {
            title: t('操作'),
            key: 'act',
            render: (_: unknown, r: TLine) => (
              <Space size={0}>
                <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEdit(r)} aria-label={t('修改')} />
                <DeleteButton
                  route={topologyApi.deleteLine}
                  params={{ id: r.id }}
                  invalidate={['asset-lines']}
                  confirm={t('删除线路 {label}？', { label: r.label })}
                  icon
                />
              </Space>
            ),
          } as DTColumn<TLine>,
        ]
      : []),
  ];
  const current = edit && edit !== 'new' ? edit : null;
  return (
    <div>
      <PageHeader title={t('线路')} subtitle={t('光纤、网线和运营商专线：端口到端口、标签、网络域，标签全局唯一。')} />
      <DataTable
        queryKey="asset-lines"
        source={topologyApi.lines}
        rowKey="id"
        columns={columns}
        params={{ kind, networkDomain: domain }}
        searchPlaceholder={t('标签、电路编号、设备编号')}
        exportSource={topologyApi.exportLines}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('类型')}
              style={{ width: 140 }}
              value={kind}
              onChange={setKind}
              options={LINE_KINDS.map((k) => ({ value: k, label: t(LINE_KIND_ZH[k]) }))}
            />
            <Select
              allowClear
              placeholder={t('网络域')}
              style={{ width: 140 }}
              value={domain}
              onChange={setDomain}
              options={NETWORK_DOMAINS.map((k) => ({ value: k, label: t(NETWORK_DOMAIN_ZH[k]) }))}
            />
          </>
        }
        actions={
          can('asset.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit('new')}>
              {t('登记线路')}
            </Button>
          )
        }
      />
      {edit && (
        <FormModal<TLineInput, TLine>
          open
          title={current ? t('修改线路 {label}', { label: current.label }) : t('登记线路')}
          onClose={() => setEdit(null)}
          invalidate={['asset-lines']}
          width={600}
          initialValues={
            (current as Partial<TLineInput> | null) ?? {
              kind: 'fiber',
              networkDomain: null,
              fromPort: '',
              toPort: '',
              carrier: '',
              circuitId: '',
              bandwidth: '',
              notes: '',
            }
          }
          submit={(v) =>
            current ? call(topologyApi.updateLine, { params: { id: current.id }, body: v }) : call(topologyApi.createLine, { body: v })
          }
        >
          <Space.Compact block>
            <Form.Item name="label" label={t('线路标签')} rules={[{ required: true, message: t('请输入标签') }]} style={{ width: '50%' }}>
              <Input maxLength={80} placeholder="XB-F-001" />
            </Form.Item>
            <Form.Item name="kind" label={t('类型')} rules={[{ required: true }]} style={{ width: '50%' }}>
              <Select options={LINE_KINDS.map((k) => ({ value: k, label: t(LINE_KIND_ZH[k]) }))} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="networkDomain" label={t('网络域')}>
            <Select allowClear options={NETWORK_DOMAINS.map((k) => ({ value: k, label: t(NETWORK_DOMAIN_ZH[k]) }))} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="fromAssetId" label={t('A 端设备')} style={{ width: '65%' }} normalize={(v?: string) => v ?? null}>
              <AssetSelect placeholder={current?.fromAssetNumber ?? undefined} />
            </Form.Item>
            <Form.Item name="fromPort" label={t('A 端端口')} style={{ width: '35%' }}>
              <Input maxLength={60} />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="toAssetId" label={t('Z 端设备')} style={{ width: '65%' }} normalize={(v?: string) => v ?? null}>
              <AssetSelect placeholder={current?.toAssetNumber ?? undefined} />
            </Form.Item>
            <Form.Item name="toPort" label={t('Z 端端口')} style={{ width: '35%' }}>
              <Input maxLength={60} />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item name="carrier" label={t('运营商')} style={{ width: '33%' }}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="circuitId" label={t('电路编号')} style={{ width: '40%' }}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="bandwidth" label={t('带宽')} style={{ width: '27%' }}>
              <Input maxLength={40} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="notes" label={t('备注')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}
