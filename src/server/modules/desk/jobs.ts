// Scheduled work of the desk module.
import type { JobDef } from '../../kernel/jobs.ts';
import { escalateClocks } from './escalate.ts';
import { reevaluateOpenClocks } from './clocks.ts';

export const deskJobs: JobDef[] = [
  {
    // Every minute: the SLA clocks of open tickets move to warning (80%) and breached (100%), then
    // each clock's escalation ladder climbs a step where one is due (escalate.ts).
    name: 'desk-sla-watch',
    scope: 'global',
    cron: '* * * * *',
    handler: async (ctx) => {
      const r = await reevaluateOpenClocks(ctx);
      if (r.changed) ctx.log.info(r, 'SLA clocks re-evaluated');
      const e = await escalateClocks(ctx);
      if (e.warned || e.breached || e.escalated) ctx.log.info(e, 'SLA escalations');
    },
  },
];
