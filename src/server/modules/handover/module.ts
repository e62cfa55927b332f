// The handover module (数据移交与保密; issue 15 point 7, R-CONF-03/04, R-CON-15): the complete export of
// the agency's data in open formats as a job with progress, the confidential purge after the contract
// ends (every item destroyed or returned within 5 working days, with evidence and a certificate the
// agency confirms), and the security and confidentiality agreement on record.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, ne } from 'drizzle-orm';
import { loadHandoverDemo } from '../../demo/handover.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { defineModule, type PurgeReport, type PurgeRequest } from '../../kernel/module.ts';
import { failOrphanedExports } from './progress.ts';
import { checkPurgesOverdue } from './purge.ts';
import { handoverRoutes } from './routes.ts';
import { hoAgreements, hoExportChunks, hoExports, hoPurgeItems, hoPurges } from './tables.ts';

/** The export packages this module keeps are confidential too: counted, and removed with their pieces. */
async function purgeExports(ctx: Ctx, req: PurgeRequest): Promise<PurgeReport> {
  const kept = await ctx.db.select({ id: hoExports.id }).from(hoExports).where(eq(hoExports.state, 'done'));
  if (!req.dryRun) {
    await ctx.db.delete(hoExportChunks);
    await ctx.db.update(hoExports).set({ state: 'destroyed' }).where(ne(hoExports.state, 'running'));
  }
  return { module: 'handover', counts: { exports: kept.length } };
}

const overdueJob: GlobalJob = {
  name: 'handover-purge-overdue',
  scope: 'global',
  cron: '*/30 * * * *',
  handler: async (ctx) => void (await checkPurgesOverdue(ctx)),
};

/** Every minute: an export whose process is gone (no heartbeat) is closed as interrupted. */
const orphanJob: GlobalJob = {
  name: 'handover-export-orphans',
  scope: 'global',
  cron: '* * * * *',
  handler: async (ctx) => void (await failOrphanedExports(ctx)),
};

export const handover = defineModule({
  id: 'handover',
  name: { zh: '数据移交与保密', en: 'Handover and confidentiality' },
  summary: {
    zh: '全部数据以开放格式完整导出（CSV、JSON Lines、文件与结构说明）、合同结束后的保密资料销毁或归还及证明、安全保密协议备案',
    en: 'Complete export of all data in open formats, the confidential purge after the contract ends with its certificate, the confidentiality agreement',
  },
  dependsOn: ['contract'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'handover.read': {
      zh: '查看数据移交、保密资料清除与保密协议',
      en: 'View handover, purge and the confidentiality agreement',
      group: 'handover',
      grants: ['contractor_pm', 'security_admin', 'agency_manager', 'agency_contact'],
    },
    'handover.export': {
      zh: '运行和下载完整导出',
      en: 'Run and download the complete export',
      group: 'handover',
      grants: ['contractor_pm', 'security_admin'],
    },
    'handover.purge': {
      zh: '登记清除要求、逐项销毁或归还、登记保密协议',
      en: 'Record purge requests, destroy or return items, record the agreement',
      group: 'handover',
      grants: ['contractor_pm', 'security_admin'],
    },
    'handover.confirm': {
      zh: '提出清除要求、确认清除证明、下载完整导出（甲方）',
      en: 'Request the purge, confirm its certificate, download exports (agency)',
      group: 'handover',
      grants: ['agency_manager', 'agency_contact'],
    },
  },
  events: {
    'handover.purge_overdue': {
      zh: '保密资料清除逾期',
      en: 'Confidential purge overdue',
      descZh: '书面要求后 5 个工作日内仍有保密资料未销毁或归还',
      descEn: 'Items still held 5 working days after the written request',
      defaults: ['inapp', 'email'],
    },
    'handover.certificate': {
      zh: '清除证明待确认',
      en: 'Purge certificate to confirm',
      descZh: '全部保密资料已销毁或归还，清除证明已出具，请甲方确认',
      descEn: 'Every item destroyed or returned; the certificate waits for the agency',
      defaults: ['inapp', 'email'],
    },
  },
  routes: [handoverRoutes],
  jobs: [overdueJob, orphanJob],
  // At every start: the exports a killed process left running are closed (not reference data, but the
  // one hook that runs at start, under the bootstrap lock).
  seed: async (ctx) => void (await failOrphanedExports(ctx)),
  demo: loadHandoverDemo,
  // The package pieces are the export itself and never go into one.
  exportTables: [hoExports, hoPurges, hoPurgeItems, hoAgreements],
  purge: purgeExports,
});
