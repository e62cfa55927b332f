// 配置变化: the configuration versions that differ from the one before, across devices, newest first —
// what a report's 检测到配置变化 / 无变更单说明 open (issue 15), its period in a banner. Each opens the
// device's diff; one an approved change explains names that change, the others raised the alert.
import { Card, Select, Tag } from 'antd';
import { Link } from 'react-router';
import type { TChangeRow } from '../../../common/configbackup.ts';
import { configBackupApi as api } from '../../../common/configbackup.api.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function ChangesPage() {
  const { t } = useI18n();
  const [f, set] = useUrlFilters(['from', 'to', 'unexplained', 'deviceId'] as const);
  const columns: DTColumn<TChangeRow>[] = [
    { title: t('备份时间'), dataIndex: 'takenAt', render: (v: string) => fmtTime(v) },
    { title: t('设备'), dataIndex: 'deviceName', render: (v: string, r) => <Link to={`/config-backup/${r.deviceId}`}>{v}</Link> },
    {
      title: t('变更单'),
      dataIndex: 'coveredBy',
      render: (v: string | null) =>
        v ? <Link to={`/changes/${v}`}>{t('已批准变更')}</Link> : <Tag color="warning">{t('无变更单说明')}</Tag>,
    },
    {
      title: t('差异'),
      dataIndex: 'id',
      render: (v: string, r) => <Link to={`/config-backup/${r.deviceId}?version=${v}`}>{t('查看差异')}</Link>,
    },
    { title: t('版本'), dataIndex: 'seq', responsive: ['md'] },
    { title: t('行数'), dataIndex: 'lines', responsive: ['lg'] },
  ];
  return (
    <div>
      <PageHeader title={t('配置变化')} subtitle={t('与上一版本不同的配置版本，按备份时间倒序')} />
      <ReportFilter
        from={f.from}
        to={f.to}
        detail={f.unexplained ? t('无变更单说明') : undefined}
        onClear={() => set({ from: undefined, to: undefined, unexplained: undefined, deviceId: undefined })}
      />
      <Card>
        <DataTable
          queryKey="config-backup-changes"
          source={api.changes}
          rowKey="id"
          columns={columns}
          params={f}
          filters={
            <Select
              allowClear
              placeholder={t('变更单')}
              style={{ width: 160 }}
              value={f.unexplained}
              onChange={(v?: string) => set({ unexplained: v })}
              options={[{ value: 'true', label: t('无变更单说明') }]}
            />
          }
        />
      </Card>
    </div>
  );
}
