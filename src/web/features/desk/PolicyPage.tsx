// SLA 策略与严重程度 (R-SD-02..04): the contract's service-level targets per service line and
// severity, as the agency keeps them, and the definitions of the four severities. Holders of
// desk.policy (the agency manager) edit both; a change applies to tickets logged afterwards.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Grid, Row } from 'antd';
import { useMemo, useState } from 'react';
import type { TSlaPolicyRow } from '../../../common/desk-policy.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { POLICIES_KEY } from './policy/targets.tsx';
import { LinePolicies } from './policy/LinePolicies.tsx';
import { PolicyModal } from './policy/PolicyModal.tsx';
import { SeverityCard } from './policy/SeverityCard.tsx';
import { deskPolicyApi } from '../../../common/desk-policy.api.ts';
import { useCall } from '../../api/query.ts';

export function PolicyPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canEdit = can('desk.policy');
  const phone = Grid.useBreakpoint().md === false;
  const q = useCall(deskPolicyApi.policies, {}, { queryKey: [POLICIES_KEY] });
  const [editing, setEditing] = useState<TSlaPolicyRow | null>(null);
  const byLine = useMemo(() => {
    const m = new Map<ServiceLineCode, TSlaPolicyRow[]>();
    for (const p of q.data?.items ?? []) m.set(p.serviceLine, [...(m.get(p.serviceLine) ?? []), p]);
    return m;
  }, [q.data]);

  return (
    <div style={{ maxWidth: 1280 }}>
      <PageHeader
        title={t('SLA 策略')}
        subtitle={t('合同约定的服务时限：每个服务项目和级别一条通用策略，故障另有专门策略（回电、到场、解决、报告甲方）')}
      />
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        style={{ marginBottom: 16 }}
        title={t('修改只对此后登记的运维单生效：已登记的运维单保留登记时的时限和计时方式。')}
        description={t('5×9：工作日 9:00–18:00，法定节假日除外；7×24：全天候。1 个工作日 = 5×9 下的 9 小时。')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('时限目标')} loading={q.isPending} styles={{ body: phone ? { padding: 12 } : undefined }}>
            {q.data && !q.data.items.length ? (
              <Empty />
            ) : (
              SERVICE_LINE_CODES.map((line) => (
                <LinePolicies key={line} line={line} items={byLine.get(line) ?? []} phone={phone} canEdit={canEdit} onEdit={setEditing} />
              ))
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <SeverityCard canEdit={canEdit} />
        </Col>
      </Row>
      <PolicyModal policy={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
