// Who is on duty now on every line, in large type for the duty operator's screen; `?at=` shows another moment.
import { PhoneOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Space, Typography } from 'antd';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { useCall } from '../../api/query.ts';
import { useLineLabel } from '../../components/LineTags.tsx';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LayerTag } from './meta.tsx';

export function NowPanel({ at }: { at: string | undefined }) {
  const { t } = useI18n();
  const label = useLineLabel();
  const now = useCall(api.now, { query: at ? { at } : {} }, { refetchInterval: at ? false : 60_000 });
  if (!now.data) return <Card loading />;
  return (
    <div>
      <Typography.Text type="secondary" data-testid="duty-at">
        {t('时刻')}：{fmtTime(now.data.at)}
      </Typography.Text>
      <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
        {now.data.lines.map((l) => (
          <Col key={l.line} xs={24} md={12} xl={6}>
            <Card title={<span style={{ fontSize: 18 }}>{label(l.line)}</span>} size="small" data-testid={`duty-now-${l.line}`}>
              {l.people.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('无人值班（未发布排班表）')} />}
              <Space direction="vertical" style={{ width: '100%' }}>
                {l.people.map((p) => (
                  <div key={`${p.layer}-${p.username}`} style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                    <LayerTag layer={p.layer} />
                    <span style={{ fontSize: 22, fontWeight: 600 }}>{p.displayName}</span>
                    {p.phone && (
                      <a href={`tel:${p.phone}`} style={{ fontSize: 16 }}>
                        <PhoneOutlined /> {p.phone}
                      </a>
                    )}
                  </div>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
