// How a movement request reads in a list: its status, each level's decision, and what it changes (R-AST-01).
import { Space, Tag } from 'antd';
import { LEVEL_ZH, type ApprovalLevel, type TAssetRequest } from '../../../../common/asset-movements.ts';
import { fmtTime } from '../../../components/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { movementsApi } from '../../../../common/asset-movements.api.ts';
import { useCall } from '../../../api/query.ts';

export const LEVEL_SHORT: Record<ApprovalLevel, string> = { it: '信息化', finance: '财务', business: '业务' };

const REQ_STATUS: Record<TAssetRequest['status'], { zh: string; color: string }> = {
  pending: { zh: '待审批', color: 'processing' },
  approved: { zh: '已生效', color: 'success' },
  rejected: { zh: '已驳回', color: 'error' },
  cancelled: { zh: '已撤回', color: 'default' },
};

export function RequestStatusTag({ s }: { s: TAssetRequest['status'] }) {
  const { t } = useI18n();
  return <Tag color={REQ_STATUS[s].color}>{t(REQ_STATUS[s].zh)}</Tag>;
}

/** Each level as a tag: grey pending, green approved, red rejected, with who and when on hover. */
export function ApprovalTags({ r }: { r: TAssetRequest }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {r.approvals.map((a) => (
        <Tag
          key={a.level}
          color={a.status === 'approved' ? 'green' : a.status === 'rejected' ? 'red' : r.status === 'pending' ? 'gold' : 'default'}
          title={a.byName ? `${a.byName} ${fmtTime(a.at)}${a.comment ? `：${a.comment}` : ''}` : undefined}
        >
          {t(LEVEL_ZH[a.level])}
          {a.status === 'approved' ? ' ✓' : a.status === 'rejected' ? ' ✗' : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** What the request changes, in words. */
export function PayloadText({ r }: { r: TAssetRequest }) {
  const { t } = useI18n();
  const p = r.payload;
  const name = (v: unknown) => (typeof v === 'string' ? (r.names[v] ?? v.slice(0, 8)) : v === null ? t('无') : '');
  const parts: string[] = [];
  if (p.usingDepartmentId !== undefined)
    parts.push(`${t('使用部门')}：${p.fromDepartmentId ? `${name(p.fromDepartmentId)} → ` : ''}${name(p.usingDepartmentId)}`);
  if (p.custodianPersonId !== undefined) parts.push(`${t('保管人')}：${name(p.custodianPersonId)}`);
  if (p.siteId !== undefined) parts.push(`${t('地点')}：${name(p.siteId)}`);
  if (p.roomId !== undefined) parts.push(`${t('房间')}：${name(p.roomId)}`);
  for (const [k, label] of [
    ['building', '楼宇'],
    ['floor', '楼层'],
    ['rack', '机柜'],
    ['rackUnit', 'U 位'],
    ['assetCardNumber', '固定资产卡片号'],
    ['originalValue', '原值'],
    ['acquiredOn', '取得日期'],
    ['repairer', '维修单位'],
    ['expectedReturn', '预计返回'],
    ['method', '处置方式'],
  ] as const)
    if (typeof p[k] === 'string' && p[k]) parts.push(`${t(label)}：${p[k]}`);
  if (p.returnFromRepair) parts.push(t('修复返回'));
  return <span>{parts.join('；') || '—'}</span>;
}

export const useMovementOptions = (enabled = true) =>
  useCall(movementsApi.options, {}, { queryKey: ['asset-requests', 'options'], enabled, staleTime: 300_000 });
