// The forms of an alert's responses (R-SEC-03/09): record what was done on which device (a change
// request is opened with it unless one is linked), and record its verification.
import { Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { assetsApi } from '../../../common/assets.api.ts';
import { DEVICE_CHANGING, RESPONSE_KINDS, RESPONSE_KIND_NAMES, type ResponseKind, type TResponse } from '../../../common/secops.ts';
import { secopsApi as api } from '../../../common/secops.api.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface ResponseValues {
  kind: ResponseKind;
  assetId: string;
  detail: string;
  rollback?: string;
  risk: 'low' | 'medium' | 'high';
}

export function ResponseForm({
  alertId,
  critical,
  open,
  onClose,
}: {
  alertId: string;
  critical: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const assets = useCall(assetsApi.list, { query: { q: q || undefined, pageSize: 50 } }, { enabled: open });
  const options = (assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.number}）` }));
  return (
    <FormModal<ResponseValues>
      open={open}
      title={t('登记处置')}
      onClose={onClose}
      invalidate={['secops']}
      width={640}
      initialValues={{ kind: 'firewall_policy', risk: 'medium' }}
      submit={(v) => call(api.createResponse, { body: { alertId, ...v, rollback: v.rollback ?? '' } })}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label={t('处置类型')} rules={[{ required: true }]}>
            <Select options={RESPONSE_KINDS.map((k) => ({ value: k, label: t(RESPONSE_KIND_NAMES[k]) }))} />
          </Form.Item>
          <Form.Item name="assetId" label={t('设备')} rules={[{ required: true, message: t('请选择设备') }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              loading={assets.isFetching}
              options={options}
              placeholder={t('按名称或编号搜索资产')}
            />
          </Form.Item>
          <Form.Item name="detail" label={t('处置内容')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={4000} placeholder={t('如：新增策略拒绝该地址访问管理口')} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: ResponseValues, b: ResponseValues) => a.kind !== b.kind}>
            {() =>
              DEVICE_CHANGING.includes(form.getFieldValue('kind') as ResponseKind) && (
                <>
                  <div style={{ marginBottom: 12, color: '#8c8c8c' }}>
                    {critical
                      ? t('严重告警：将提出紧急变更，可先行实施、事后补办审批')
                      : t('将提出一般变更并提交审批，批准后处置即为已批准')}
                  </div>
                  <Form.Item name="rollback" label={t('回退方案')} rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea rows={2} maxLength={4000} />
                  </Form.Item>
                  <Form.Item name="risk" label={t('风险等级')}>
                    <Radio.Group
                      options={[
                        { value: 'low', label: t('低') },
                        { value: 'medium', label: t('中') },
                        { value: 'high', label: t('高') },
                      ]}
                    />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

export function VerifyForm({ r, onClose }: { r: TResponse | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ result: 'effective' | 'ineffective'; note?: string }>
      open={!!r}
      title={`${t('登记验证')} ${r?.number ?? ''}`}
      onClose={onClose}
      invalidate={['secops']}
      initialValues={{ result: 'effective' }}
      submit={(v) => call(api.verify, { params: { id: r!.id }, body: { result: v.result, note: v.note ?? '' } })}
    >
      <Form.Item name="result" label={t('验证结果')}>
        <Radio.Group
          options={[
            { value: 'effective', label: t('已生效') },
            { value: 'ineffective', label: t('未生效') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('验证说明')}>
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('如：复测该地址已无法访问')} />
      </Form.Item>
    </FormModal>
  );
}
