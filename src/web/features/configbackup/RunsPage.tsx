// 备份记录: the backup runs across devices, newest first, filtered by the days they started and their
// outcome — what a report's 备份成功 / 备份失败 open (issue 15), its period in a banner.
import { Card, Select } from 'antd';
import { Link } from 'react-router';
import { RUN_STATES, type TRunRow } from '../../../common/configbackup.ts';
import { configBackupApi as api } from '../../../common/configbackup.api.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { RUN_STATE_TEXT as STATE_TEXT, StateTag } from './labels.tsx';

export function RunsPage() {
  const { t } = useI18n();
  const [f, set] = useUrlFilters(['from', 'to', 'state', 'deviceId'] as const);
  const columns: DTColumn<TRunRow>[] = [
    { title: t('开始'), dataIndex: 'startedAt', render: (v: string) => fmtTime(v) },
    { title: t('设备'), dataIndex: 'deviceName', render: (v: string, r) => <Link to={`/config-backup/${r.deviceId}`}>{v}</Link> },
    { title: t('结果'), dataIndex: 'state', render: (v: TRunRow['state'], r) => <StateTag state={v} failure={r.failure} /> },
    { title: t('结束'), dataIndex: 'finishedAt', responsive: ['md'], render: (v: string | null) => fmtTime(v) },
    { title: t('说明'), dataIndex: 'message', ellipsis: true, responsive: ['lg'] },
  ];
  return (
    <div>
      <PageHeader title={t('备份记录')} subtitle={t('各设备的每次备份及其结果，按开始时间倒序')} />
      <ReportFilter
        from={f.from}
        to={f.to}
        detail={f.state ? t(STATE_TEXT[f.state as TRunRow['state']] ?? f.state) : undefined}
        onClear={() => set({ from: undefined, to: undefined, state: undefined, deviceId: undefined })}
      />
      <Card>
        <DataTable
          queryKey="config-backup-runs"
          source={api.allRuns}
          rowKey="id"
          columns={columns}
          params={f}
          filters={
            <Select
              allowClear
              placeholder={t('结果')}
              style={{ width: 120 }}
              value={f.state}
              onChange={(v?: string) => set({ state: v })}
              options={RUN_STATES.map((s) => ({ value: s, label: t(STATE_TEXT[s]) }))}
            />
          }
        />
      </Card>
    </div>
  );
}
