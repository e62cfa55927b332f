// The form for a new movement request of one asset, showing the approval levels it will need as
// it is filled in (R-AST-01).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { LEVEL_ZH, levelsFor, MOVEMENT_KIND_ZH, MOVEMENT_KINDS, type MovementKind } from '../../../../common/asset-movements.ts';
import { MONEY } from '../../../../common/patterns.ts';
import { call } from '../../../api/client.ts';
import { useFeedback } from '../../../components/feedback.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useMovementOptions } from './RequestTags.tsx';
import { movementsApi } from '../../../../common/asset-movements.api.ts';

interface FormValues {
  kind: MovementKind;
  reason: string;
  usingDepartmentId?: string;
  custodianPersonId?: string;
  siteId?: string;
  roomId?: string;
  rack?: string;
  rackUnit?: string;
  assetCardNumber?: string;
  originalValue?: string;
  acquiredOn?: { format: (f: string) => string };
  repairer?: string;
  method?: string;
}

export function NewRequest({
  assetId,
  asset,
  open,
  onClose,
}: {
  assetId: string;
  asset: { status: string; usingDepartmentId: string | null };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'assignment';
  const dept = Form.useWatch('usingDepartmentId', form);
  const site = Form.useWatch('siteId', form);
  const opts = useMovementOptions(open);
  const o = opts.data;
  const levels = levelsFor(kind, asset.usingDepartmentId, kind === 'assignment' ? (dept ?? asset.usingDepartmentId) : dept);
  const m = useMutation({
    mutationFn: (v: FormValues) => {
      const payload: Record<string, unknown> = {};
      const put = (k: keyof FormValues) => {
        const x = v[k];
        if (x !== undefined && x !== '' && x !== null) payload[k] = x;
      };
      if (kind === 'receipt')
        ['siteId', 'roomId', 'rack', 'rackUnit', 'assetCardNumber', 'originalValue'].forEach((k) => put(k as keyof FormValues));
      if (kind === 'receipt' && v.acquiredOn) payload.acquiredOn = v.acquiredOn.format('YYYY-MM-DD');
      if (kind === 'assignment' || kind === 'transfer')
        ['usingDepartmentId', 'custodianPersonId', 'siteId', 'roomId', 'rack', 'rackUnit'].forEach((k) => put(k as keyof FormValues));
      if (kind === 'assignment' && asset.status === 'in_repair') payload.returnFromRepair = true;
      if (kind === 'repair') put('repairer');
      if (kind === 'retirement') put('method');
      return call(movementsApi.create, { params: { id: assetId }, body: { kind, payload, reason: v.reason ?? '' } });
    },
    onSuccess: async () => {
      fb.ok('申请已提交，等待审批');
      await qc.invalidateQueries({ queryKey: ['asset-requests'] });
      await qc.invalidateQueries({ queryKey: ['assets'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => fb.fail(e, form),
  });
  const deptSel = (
    <Form.Item name="usingDepartmentId" label={t('使用部门')}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        loading={opts.isLoading}
        options={o?.departments.map((d) => ({ value: d.id, label: d.name }))}
      />
    </Form.Item>
  );
  const location = (
    <>
      <Space.Compact block>
        <Form.Item name="siteId" label={t('地点')} style={{ width: '50%' }}>
          <Select
            allowClear
            options={o?.sites.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldValue('roomId', undefined)}
          />
        </Form.Item>
        <Form.Item name="roomId" label={t('房间')} style={{ width: '50%' }}>
          <Select allowClear options={o?.rooms.filter((r) => !site || r.siteId === site).map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="rack" label={t('机柜')} style={{ width: '50%' }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="rackUnit" label={t('U 位')} style={{ width: '50%' }}>
          <Input maxLength={20} />
        </Form.Item>
      </Space.Compact>
    </>
  );
  return (
    <Modal
      open={open}
      title={t('提出资产变动申请')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交申请')}
      confirmLoading={m.isPending}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: asset.status === 'in_repair' ? 'assignment' : 'transfer', reason: '' }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="kind" label={t('变动类型')} rules={[{ required: true }]}>
          <Select options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(MOVEMENT_KIND_ZH[k]) }))} />
        </Form.Item>
        {kind === 'assignment' && asset.status === 'in_repair' && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('资产维修中：本申请作为“修复返回”，生效后恢复在用。')} />
        )}
        {(kind === 'assignment' || kind === 'transfer') && (
          <>
            {deptSel}
            <Form.Item name="custodianPersonId" label={t('保管人')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={o?.people.filter((p) => !dept || p.departmentId === dept).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
            {location}
          </>
        )}
        {kind === 'receipt' && (
          <>
            {location}
            <Space.Compact block>
              <Form.Item name="assetCardNumber" label={t('固定资产卡片号')} style={{ width: '50%' }}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item
                name="originalValue"
                label={t('原值（元）')}
                style={{ width: '50%' }}
                rules={[{ pattern: MONEY, message: t('金额格式不正确') }]}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Space.Compact>
            <Form.Item name="acquiredOn" label={t('取得日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {kind === 'repair' && (
          <Form.Item name="repairer" label={t('维修单位')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {kind === 'retirement' && (
          <Form.Item name="method" label={t('处置方式')}>
            <Select allowClear options={['报废', '捐赠', '调剂', '更换'].map((x) => ({ value: x, label: t(x) }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('申请理由')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Alert
          type="warning"
          showIcon
          message={
            <span>
              {t('需审批')}：{levels.map((l) => t(LEVEL_ZH[l])).join('、')}
            </span>
          }
          description={t('各层级均同意后变动才生效；任一层级驳回即被驳回。')}
        />
      </Form>
    </Modal>
  );
}
