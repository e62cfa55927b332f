// Scheduled work of the desk module.
import type { JobDef } from '../../kernel/jobs.ts';
import { reevaluateOpenClocks } from './service.ts';

export const deskJobs: JobDef[] = [
  {
    // Every minute: the SLA clocks of open tickets move to warning (80%) and breached (100%).
    name: 'desk-sla-watch',
    cron: '* * * * *',
    handler: async (ctx) => {
      const r = await reevaluateOpenClocks(ctx);
      if (r.changed) ctx.log.info(r, 'SLA clocks re-evaluated');
    },
  },
];
