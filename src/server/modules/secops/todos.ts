// Home-page to-do of security operations: security products whose signatures are stale or critically
// stale (R-SEC-07), for the security engineers and the project manager.
import { STALENESS_NAMES } from '../../../common/secops.ts';
import type { TodoProvider } from '../../kernel/module.ts';
import { signatureBoard } from './signatures.ts';

const staleSignatures: TodoProvider = {
  id: 'secops.stale_signatures',
  title: { zh: '特征库待更新的安全设备', en: 'Security devices with stale signatures' },
  access: 'secops.write',
  roles: ['engineer', 'contractor_pm'],
  order: 48,
  url: '/secops/signatures',
  empty: { zh: '所有安全设备特征库均在有效期内', en: 'Every security device has current signatures' },
  read: async (ctx, limit) => {
    const late = (await signatureBoard(ctx)).items.filter((s) => s.status === 'stale' || s.status === 'critical');
    return {
      count: late.length,
      items: late.slice(0, limit).map((s) => ({
        title: `${s.assetName}（${s.assetNumber}）`,
        subtitle: `特征库 ${s.signatureVersion || '—'}，${s.ageDays} 天未更新`,
        tag: STALENESS_NAMES[s.status],
        ...(s.status === 'critical' ? { risk: 'breached' as const } : {}),
        ...(s.updatedAt ? { at: s.updatedAt } : {}),
        url: '/secops/signatures',
      })),
    };
  },
};

export const SECOPS_TODOS = [staleSignatures];
