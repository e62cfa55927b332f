// 设备安全策略历史 (R-SEC-09): on one device, in time order, the responses recorded, every step of the
// changes that approved them, their verifications and the signature updates.
import { Card, Empty, Tag, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import type { THistoryEntry } from '../../../common/secops.ts';
import { secopsApi as api } from '../../../common/secops.api.ts';
import { useCall } from '../../api/query.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';

const KIND: Record<THistoryEntry['kind'], { text: string; color: string }> = {
  response: { text: '安全处置', color: 'red' },
  change: { text: '变更', color: 'blue' },
  verify: { text: '验证', color: 'green' },
  signature: { text: '特征库', color: 'gray' },
};

export function DevicePage() {
  const { t } = useI18n();
  const { assetId = '' } = useParams();
  const q = useCall(api.history, { params: { assetId } });
  const d = q.data;
  return (
    <div>
      <PageHeader
        title={d ? `${t('设备安全策略历史')} · ${d.assetName}` : t('设备安全策略历史')}
        subtitle={d && <Link to={`/assets/${d.assetId}`}>{d.assetNumber}</Link>}
      />
      <Card loading={q.isLoading}>
        {d && !d.items.length && <Empty description={t('该设备尚无安全策略调整记录')} />}
        {d && (
          <Timeline
            items={d.items.map((e) => ({
              color: KIND[e.kind].color,
              children: (
                <div>
                  <div>
                    <Tag color={KIND[e.kind].color}>{t(KIND[e.kind].text)}</Tag>
                    {e.link ? <Link to={e.link}>{e.title}</Link> : e.title}
                    <span style={{ color: '#8c8c8c', marginLeft: 8 }}>
                      {fmtTime(e.at)} · {e.byName}
                    </span>
                  </div>
                  {e.detail && <div style={{ color: '#595959' }}>{e.detail}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}
