// The definitions of the four severities (R-SD-03), and their editor for holders of desk.policy.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { SEVERITY_TEXT_MAX, type TSeverityDefinition, type TSeverityList, type TSeverityUpdate } from '../../../../common/desk-policy.ts';
import { SEVERITIES } from '../../../../common/sla.ts';
import { call } from '../../../api/client.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { fmtTime } from '../../../components/format.ts';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { SEVERITY, severitiesKey, severityHint, useSeverities } from '../meta.ts';
import { deskPolicyApi } from '../../../../common/desk-policy.api.ts';

type SeverityForm = Record<TSeverityDefinition['code'], { definition: string; examples?: string }>;

function SeverityModal({ open, list, onClose }: { open: boolean; list: TSeverityList | undefined; onClose: () => void }) {
  const { t, lang } = useI18n();
  if (!open || !list) return null;
  const initial = Object.fromEntries(
    list.items.map((d) => [d.code, { definition: d.definition, examples: d.examples ?? '' }]),
  ) as SeverityForm;
  return (
    <FormModal<SeverityForm, TSeverityList>
      open
      title={t('修改严重程度定义')}
      onClose={onClose}
      width={640}
      initialValues={initial}
      invalidate={[severitiesKey[0]]}
      successText="严重程度定义已保存"
      submit={(v) =>
        call(deskPolicyApi.updateSeverities, {
          body: {
            items: SEVERITIES.map((code) => ({
              code,
              definition: v[code].definition,
              ...(v[code].examples?.trim() ? { examples: v[code].examples } : {}),
            })),
          } satisfies TSeverityUpdate,
        })
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('级别名称（紧急/高/中/低）固定不变；这里修改的是登记运维单时看到的定义。')}
      </Typography.Paragraph>
      {SEVERITIES.map((code) => (
        <div key={code} style={{ marginBottom: 8 }}>
          <Tag color={SEVERITY[code].color} style={{ marginBottom: 6 }}>
            {pick(lang, SEVERITY[code])}
          </Tag>
          <Form.Item
            name={[code, 'definition']}
            rules={[{ required: true, whitespace: true, message: t('请输入定义') }]}
            style={{ marginBottom: 24 }}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={SEVERITY_TEXT_MAX} showCount placeholder={t('定义')} />
          </Form.Item>
          <Form.Item name={[code, 'examples']} style={{ marginBottom: 12 }}>
            <Input
              prefix={<Typography.Text type="secondary">{t('例如')}：</Typography.Text>}
              placeholder={t('可选，如：核心交换机宕机；互联网出口中断')}
              maxLength={SEVERITY_TEXT_MAX}
            />
          </Form.Item>
        </div>
      ))}
    </FormModal>
  );
}

export function SeverityCard({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useI18n();
  const q = useSeverities();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('严重程度定义')}
      extra={
        canEdit && (
          <Button icon={<EditOutlined />} disabled={!q.data} onClick={() => setEditing(true)}>
            {t('修改')}
          </Button>
        )
      }
      data-testid="severity-card"
    >
      <List
        loading={q.isPending}
        dataSource={[...SEVERITIES]}
        rowKey={(c) => c}
        renderItem={(code) => {
          const d = q.data?.items.find((x) => x.code === code);
          return (
            <List.Item style={{ alignItems: 'flex-start', gap: 12, justifyContent: 'flex-start' }}>
              <Tag color={SEVERITY[code].color} style={{ minWidth: 44, textAlign: 'center', marginInlineEnd: 0 }}>
                {pick(lang, SEVERITY[code])}
              </Tag>
              <div style={{ minWidth: 0 }}>
                <div data-testid={`severity-${code}`}>{severityHint(code, lang, q.data)}</div>
                {d?.examples && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('例如')}：{d.examples}
                  </Typography.Text>
                )}
              </div>
            </List.Item>
          );
        }}
      />
      {q.data?.updatedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('上次修改')}：{fmtTime(q.data.updatedAt)}
        </Typography.Text>
      )}
      <SeverityModal open={editing} list={q.data} onClose={() => setEditing(false)} />
    </Card>
  );
}
