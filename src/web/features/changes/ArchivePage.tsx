// R-CHG-03: a device's maintenance archive: every change that named it and every configuration version,
// newest first; a version shows the change that explains it, or that none does.
import { Card, Tag, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { changesApi as api } from '../../../common/changes.api.ts';
import { useCall } from '../../api/query.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function ArchivePage() {
  const { t } = useI18n();
  const { deviceId = '' } = useParams();
  const a = useCall(api.archive, { params: { deviceId } });
  return (
    <div>
      <PageHeader title={t('设备维护档案')} subtitle={a.data?.deviceName} />
      <Card loading={a.isLoading}>
        <Timeline
          items={(a.data?.items ?? []).map((i) => ({
            color: i.kind === 'change' ? 'blue' : i.detail === '未经批准的变化' ? 'red' : 'green',
            children: (
              <>
                <Tag>{i.kind === 'change' ? t('变更') : t('配置版本')}</Tag>
                {i.kind === 'change' ? (
                  <Link to={`/changes/${i.id}`}>{i.title}</Link>
                ) : (
                  <Link to={`/config-backup/${deviceId}?version=${i.id}`}>{i.title}</Link>
                )}
                <div>
                  {fmtTime(i.at)} · {i.changeId && i.kind === 'version' ? <Link to={`/changes/${i.changeId}`}>{i.detail}</Link> : i.detail}
                </div>
              </>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
