// The ticket's fields: line, category, caller, place, assets and description.
import { PhoneOutlined } from '@ant-design/icons';
import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TTicket } from '../../../../common/desk.ts';
import { useAuth } from '../../../app/auth.tsx';
import { fmtTime } from '../../../components/format.ts';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { lineName } from '../../contract/lines.ts';
import { useRooms, useSites } from '../../org/queries.ts';
import { ASSET_NUMBER } from '../AssetPicker.tsx';
import { CATEGORY, CHANNEL, SEVERITY, STATUS } from '../meta.ts';

/** The ticket's assets text with every asset number linked to its page. */
function AssetsText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(ASSET_NUMBER)) {
    parts.push(text.slice(last, m.index));
    parts.push(
      <Link key={m.index} to={`/a/${m[0]}`} className="yw-mono">
        {m[0]}
      </Link>,
    );
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return <span style={{ whiteSpace: 'pre-wrap' }}>{parts}</span>;
}

export function TicketDetails({ tk }: { tk: TTicket }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const sites = useSites(can('org.read') && !!tk.siteId);
  const rooms = useRooms(can('org.read') && !!tk.roomId);
  const site = sites.data?.items.find((s) => s.id === tk.siteId);
  const room = rooms.data?.items.find((r) => r.id === tk.roomId);
  const dash = (s: string | null | undefined) => (s ? s : <Typography.Text type="secondary">—</Typography.Text>);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2, xl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 100 } }}
      items={[
        { key: 'number', label: t('编号'), children: <span className="yw-mono">{tk.number}</span> },
        { key: 'line', label: t('服务项目'), children: lineName(tk.serviceLine, lang) },
        { key: 'category', label: t('类别'), children: pick(lang, CATEGORY[tk.category]) },
        { key: 'severity', label: t('级别'), children: <Tag color={SEVERITY[tk.severity].color}>{pick(lang, SEVERITY[tk.severity])}</Tag> },
        { key: 'status', label: t('状态'), children: <Tag color={STATUS[tk.status].color}>{pick(lang, STATUS[tk.status])}</Tag> },
        { key: 'channel', label: t('来源'), children: pick(lang, CHANNEL[tk.channel]) },
        { key: 'reportedAt', label: t('来电时间'), children: fmtTime(tk.reportedAt) },
        { key: 'createdAt', label: t('登记时间'), children: fmtTime(tk.createdAt) },
        { key: 'updatedAt', label: t('更新时间'), children: fmtTime(tk.updatedAt) },
        { key: 'requester', label: t('来电人'), children: dash(tk.requesterName) },
        {
          key: 'phone',
          label: t('来电号码'),
          children: tk.requesterPhone ? (
            <a href={`tel:${tk.requesterPhone.replace(/[^\d+]/g, '')}`} className="yw-mono">
              <PhoneOutlined /> {tk.requesterPhone}
            </a>
          ) : (
            dash('')
          ),
        },
        { key: 'dept', label: t('部门'), children: dash(tk.requesterDepartment) },
        { key: 'site', label: t('地点'), children: dash(tk.siteId ? (site?.name ?? '…') : '') },
        {
          key: 'room',
          label: t('机房/房间'),
          children: dash(tk.roomId ? (room ? [room.name, room.building, room.floor].filter(Boolean).join(' · ') : '…') : ''),
        },
        {
          key: 'assets',
          label: t('涉及设备'),
          span: { xs: 1, sm: 2, xl: 1 },
          children: tk.assetsText ? <AssetsText text={tk.assetsText} /> : dash(''),
        },
        {
          key: 'description',
          label: t('问题描述'),
          span: 'filled',
          children: <div style={{ whiteSpace: 'pre-wrap', minHeight: 22 }}>{dash(tk.description)}</div>,
        },
      ]}
    />
  );
}
