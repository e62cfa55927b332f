// Scheduled work of the assets module.
import type { JobDef } from '../../kernel/jobs.ts';
import { announceDue } from './eos/service.ts';

export const assetJobs: JobDef[] = [
  {
    // R-AST-06, daily at 08:10 (Asia/Shanghai): assets entering the 90-day warranty / end-of-support
    // window are announced to the asset managers, once per asset and window.
    name: 'asset-eos-watch',
    scope: 'global',
    cron: '10 8 * * *',
    handler: async (ctx) => {
      const r = await announceDue(ctx, 90);
      if (r.announced) ctx.log.info(r, 'end-of-support window announced');
    },
  },
];
