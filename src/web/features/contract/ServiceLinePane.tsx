// One service line: its terms and its staffing.
import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TServiceLine } from '../../../common/contract.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtMoney } from '../../components/format.ts';
import { pick, useI18n } from '../../i18n/index.tsx';
import { useRooms, useSites } from '../org/queries.ts';
import { HOURS_LABEL } from './lines.ts';
import { LineEditModal } from './LineEditModal.tsx';
import { StaffingTable } from './StaffingTable.tsx';

export function ServiceLinePane({ line }: { line: TServiceLine }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const canWrite = can('contract.write');
  const readsOrg = can('org.read');
  const sites = useSites(readsOrg);
  const rooms = useRooms(readsOrg);
  const [editing, setEditing] = useState(false);
  const siteName = new Map((sites.data?.items ?? []).map((s) => [s.id, s.name]));
  const roomName = new Map((rooms.data?.items ?? []).map((r) => [r.id, r.name]));
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12, gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {line.name}
        </Typography.Title>
        {canWrite && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('编辑')}
          </Button>
        )}
      </div>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'period', label: t('服务期'), children: `${line.periodStart} ~ ${line.periodEnd}` },
          { key: 'fee', label: t('年度服务费'), children: <b>{fmtMoney(line.fee)}</b> },
          {
            key: 'hours',
            label: t('服务时间'),
            children: (
              <Tag color={line.hoursProfile === '7x24' ? 'volcano' : 'geekblue'}>{pick(lang, HOURS_LABEL[line.hoursProfile]!)}</Tag>
            ),
          },
          { key: 'hotline', label: t('热线服务时间'), span: 'filled', children: line.hotlineHours || '—' },
          { key: 'hotlinePhone', label: t('服务热线'), children: line.hotlinePhone || '—' },
          {
            key: 'emergency',
            label: t('7×24 应急电话'),
            span: 2,
            children: line.emergencyPhone || <Typography.Text type="danger">{t('未填写（R-SD-11 要求每个服务项目都有）')}</Typography.Text>,
          },
          { key: 'summary', label: t('一句话说明'), span: 'filled', children: line.summary || '—' },
          {
            key: 'sites',
            label: t('服务地点'),
            span: 'filled',
            children: line.siteIds.length ? line.siteIds.map((id) => <Tag key={id}>{siteName.get(id) ?? id.slice(0, 8)}</Tag>) : '—',
          },
          {
            key: 'rooms',
            label: t('房间'),
            span: 'filled',
            children: line.roomIds.length ? line.roomIds.map((id) => <Tag key={id}>{roomName.get(id) ?? id.slice(0, 8)}</Tag>) : '—',
          },
          { key: 'clause', label: t('合同条款'), span: 'filled', children: line.clause || '—' },
          {
            key: 'scope',
            label: t('服务范围'),
            span: 'filled',
            children: (
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                ellipsis={{ rows: 6, expandable: true, symbol: t('展开') }}
              >
                {line.scope || '—'}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
      <StaffingTable lineId={line.id} staffing={line.staffing ?? []} canWrite={canWrite} />
      <LineEditModal line={line} open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}
