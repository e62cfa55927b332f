// The asset forms: registering an asset (technical record, plus the finance and usage records for
// those who hold them) and editing one level of an existing asset — technical (asset.write),
// finance (asset.finance) or usage (asset.business). Type-specific fields follow the class's kind.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Divider, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import {
  ASSET_STATUSES,
  ASSET_STATUS_NAMES,
  NETWORK_DOMAINS,
  NETWORK_DOMAIN_NAMES,
  SPEC_FIELDS,
  type AssetKind,
  type AssetLevel,
  type TAsset,
  type TAssetCreate,
  type TAssetClassNode,
} from '../../../common/assets.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { classTreeData, useAssetClasses, useAssetOptions } from './meta.ts';
import { assetsApi } from '../../../common/assets.api.ts';

const DATE_FIELDS = ['warrantyUntil', 'endOfSupport', 'signatureDate', 'acquiredOn'] as const;
const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))', columnGap: 12 } as const;

function findClass(nodes: TAssetClassNode[], code: string | undefined): TAssetClassNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const c = findClass(n.children, code);
    if (c) return c;
  }
  return undefined;
}

type FormValues = Record<string, unknown>;

function toForm(a: Partial<TAsset>): FormValues {
  const v: FormValues = { ...a };
  for (const f of DATE_FIELDS) v[f] = a[f] ? dayjs(a[f]) : null;
  return v;
}

function fromForm(v: FormValues, fields: string[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (!(f in v)) continue;
    const x = v[f];
    if ((DATE_FIELDS as readonly string[]).includes(f)) out[f] = x ? (x as Dayjs).format('YYYY-MM-DD') : null;
    else if (f === 'originalValue') out[f] = typeof x === 'string' || typeof x === 'number' ? String(x) || null : null;
    else if (f === 'specs')
      out[f] = Object.fromEntries(Object.entries((x as Record<string, unknown>) ?? {}).filter(([, s]) => s !== undefined && s !== ''));
    else out[f] = x === undefined ? null : x;
  }
  return out;
}

export const TECH_FIELDS = [
  'name',
  'classCode',
  'vendor',
  'model',
  'serial',
  'mgmtIp',
  'firmware',
  'portCount',
  'signatureVersion',
  'signatureDate',
  'specs',
  'networkDomain',
  'serviceLine',
  'siteId',
  'building',
  'floor',
  'roomId',
  'rack',
  'rackUnit',
  'warrantyUntil',
  'endOfSupport',
  'notes',
];
export const FIN_FIELDS = ['originalValue', 'assetCardNumber', 'acquiredOn', 'depreciationYears'];
export const BIZ_FIELDS = ['usingDepartmentId', 'custodianPersonId'];
const STRING_DEFAULTS = [
  'vendor',
  'model',
  'serial',
  'mgmtIp',
  'firmware',
  'signatureVersion',
  'building',
  'floor',
  'rack',
  'rackUnit',
  'notes',
  'assetCardNumber',
];

function TechnicalFields({ create }: { create: boolean }) {
  const { t, lang } = useI18n();
  const classes = useAssetClasses();
  const options = useAssetOptions();
  const form = Form.useFormInstance();
  const classCode = Form.useWatch('classCode', form) as string | undefined;
  const siteId = Form.useWatch('siteId', form) as string | undefined;
  const kind = (findClass(classes.data ?? [], classCode)?.kind ?? 'other') as AssetKind;
  const rooms = options.data?.sites.find((s) => s.id === siteId)?.rooms ?? [];
  return (
    <>
      <Form.Item name="name" label={t('名称')} rules={[{ required: true, message: t('请填写名称') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <div style={grid}>
        <Form.Item name="classCode" label={t('分类')} rules={[{ required: true, message: t('请选择分类') }]}>
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeData={classTreeData(classes.data ?? [], true)}
            treeDefaultExpandAll
            popupMatchSelectWidth={300}
          />
        </Form.Item>
        {create && (
          <Form.Item name="status" label={t('状态')}>
            <Select options={ASSET_STATUSES.filter((s) => s !== 'retired').map((s) => ({ value: s, label: t(ASSET_STATUS_NAMES[s]) }))} />
          </Form.Item>
        )}
        <Form.Item name="vendor" label={t('厂商')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="model" label={t('型号')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="serial" label={t('序列号')}>
          <Input maxLength={100} />
        </Form.Item>
        {kind !== 'software' && (
          <Form.Item name="mgmtIp" label={t('管理 IP')}>
            <Input maxLength={64} className="yw-mono" />
          </Form.Item>
        )}
        {(kind === 'network' || kind === 'security' || kind === 'server') && (
          <Form.Item name="firmware" label={t('固件版本')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {(kind === 'network' || kind === 'security') && (
          <Form.Item name="portCount" label={t('端口数')}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === 'security' && (
          <>
            <Form.Item name="signatureVersion" label={t('特征库 / 病毒库版本')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="signatureDate" label={t('特征库日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {SPEC_FIELDS[kind].map((s) => (
          <Form.Item key={s.key} name={['specs', s.key]} label={t(s.label)}>
            <Input maxLength={200} />
          </Form.Item>
        ))}
        <Form.Item name="networkDomain" label={t('网络域')}>
          <Select allowClear options={NETWORK_DOMAINS.map((d) => ({ value: d, label: t(NETWORK_DOMAIN_NAMES[d]) }))} />
        </Form.Item>
        <Form.Item name="serviceLine" label={t('服务项目')}>
          <Select allowClear options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))} />
        </Form.Item>
      </div>
      <Divider titlePlacement="start" plain>
        {t('位置')}
      </Divider>
      <div style={grid}>
        <Form.Item name="siteId" label={t('地点')}>
          <Select
            allowClear
            options={(options.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldValue('roomId', null)}
          />
        </Form.Item>
        <Form.Item name="building" label={t('楼宇')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="floor" label={t('楼层')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="roomId" label={t('房间')}>
          <Select allowClear disabled={!siteId} options={rooms.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="rack" label={t('机柜')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="rackUnit" label={t('U 位')}>
          <Input maxLength={20} placeholder="20-21" />
        </Form.Item>
        <Form.Item name="warrantyUntil" label={t('保修到期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endOfSupport" label={t('厂商停止支持')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="notes" label={t('备注')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </>
  );
}

function FinanceFields() {
  const { t } = useI18n();
  return (
    <div style={grid}>
      <Form.Item name="originalValue" label={t('原值（元）')}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} stringMode />
      </Form.Item>
      <Form.Item name="assetCardNumber" label={t('固定资产卡片号')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="acquiredOn" label={t('购置日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="depreciationYears" label={t('折旧年限（年，直线法）')}>
        <InputNumber min={1} max={100} style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}

function BusinessFields() {
  const { t } = useI18n();
  const options = useAssetOptions();
  const form = Form.useFormInstance();
  const dept = Form.useWatch('usingDepartmentId', form) as string | undefined;
  const people = (options.data?.people ?? []).filter((p) => !dept || p.departmentId === dept);
  return (
    <div style={grid}>
      <Form.Item name="usingDepartmentId" label={t('使用部门')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="custodianPersonId" label={t('保管人')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
    </div>
  );
}

function useSave(onSaved: (a: TAsset) => void) {
  const qc = useQueryClient();
  return async (a: TAsset) => {
    qc.setQueryData(['asset', a.id], a);
    await qc.invalidateQueries({ queryKey: ['assets'] });
    await qc.invalidateQueries({ queryKey: ['asset-history', a.id] });
    onSaved(a);
  };
}

export function AssetFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (a: TAsset) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const [form] = Form.useForm();
  const saved = useSave(onSaved);
  const m = useMutation({
    mutationFn: (v: FormValues) => {
      const fields = ['status', ...TECH_FIELDS, ...(can('asset.finance') ? FIN_FIELDS : []), ...(can('asset.business') ? BIZ_FIELDS : [])];
      const body = fromForm(v, fields);
      for (const k of STRING_DEFAULTS) if (body[k] === null) body[k] = '';
      if (body.specs === null) body.specs = {};
      // The form's fields of the levels the user may fill (fromForm); the server checks each.
      return call(assetsApi.create, { body: body as TAssetCreate });
    },
    onSuccess: async (a) => {
      fb.ok('资产已登记');
      await saved(a);
      onClose();
    },
    onError: (e) => fb.fail(e, form),
  });
  return (
    <Modal
      open
      title={t('登记资产')}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={t('保存')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ status: 'in_stock', specs: {} }} onFinish={(v: FormValues) => m.mutate(v)}>
        <TechnicalFields create />
        {can('asset.finance') && (
          <>
            <Divider titlePlacement="start" plain>
              {t('财务信息')}
            </Divider>
            <FinanceFields />
          </>
        )}
        {can('asset.business') && (
          <>
            <Divider titlePlacement="start" plain>
              {t('使用信息')}
            </Divider>
            <BusinessFields />
          </>
        )}
      </Form>
    </Modal>
  );
}

const LEVEL_TITLE: Record<AssetLevel, string> = { technical: '修改技术信息', finance: '修改财务信息', business: '修改使用信息' };

/** Edits one level of an asset: only that level's fields are sent, so the server checks one permission. */
export function LevelEditModal({ asset, level, onClose }: { asset: TAsset; level: AssetLevel; onClose: () => void }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const [form] = Form.useForm();
  const saved = useSave(() => undefined);
  const fields = level === 'technical' ? TECH_FIELDS : level === 'finance' ? FIN_FIELDS : BIZ_FIELDS;
  const m = useMutation({
    mutationFn: (v: FormValues) => {
      const body = fromForm(v, fields);
      for (const k of STRING_DEFAULTS) if (body[k] === null) body[k] = '';
      if ('specs' in body && body.specs === null) body.specs = {};
      return call(assetsApi.update, { params: { id: asset.id }, body });
    },
    onSuccess: async (a) => {
      fb.ok('已保存');
      await saved(a);
      onClose();
    },
    onError: (e) => fb.fail(e, form),
  });
  const body: ReactNode =
    level === 'technical' ? <TechnicalFields create={false} /> : level === 'finance' ? <FinanceFields /> : <BusinessFields />;
  return (
    <Modal
      open
      title={t(LEVEL_TITLE[level])}
      width={level === 'technical' ? 760 : 560}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={t('保存')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={toForm(asset)} onFinish={(v: FormValues) => m.mutate(v)}>
        {body}
      </Form>
    </Modal>
  );
}
