// What the security event intake proves to the reports (ARCHITECTURE.md principle 4): events received
// and alerts raised in a period by severity, and how many alerts went on to a ticket (R-MON-03,
// R-SEC-01/02), read from the stored events (through the event store) and alerts as they are.
import { sql } from 'drizzle-orm';
import { SEVERITIES } from '../../../common/events.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { eventStore } from './store.ts';

/**
 * Per severity, most severe first: events received as the event list shows them (`events`: one record
 * per merged event) and how many times they occurred (`occurrences`: the repeats merged into a record
 * counted each), alerts first raised, alerts with a ticket.
 */
export const eventCounts = defineEvidence({
  id: 'events.event_counts',
  title: { zh: '安全事件与告警（按级别）', en: 'Security events and alerts by severity' },
  requirements: ['R-MON-03', 'R-SEC-01', 'R-SEC-02'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const events = await eventStore().severityTotals(ctx, new Date(p.from), new Date(p.to));
    const alerts = await queryRows<{ severity: string; n: number; ticketed: number }>(
      ctx.db,
      sql`SELECT severity, count(*)::int AS n, count(ticket_id)::int AS ticketed FROM evt_alerts
          WHERE first_at >= ${p.from}::timestamptz AND first_at < ${p.to}::timestamptz GROUP BY severity`,
    );
    const rows = SEVERITIES.map((severity) => ({
      severity,
      events: events.find((e) => e.severity === severity)?.records ?? 0,
      occurrences: events.find((e) => e.severity === severity)?.n ?? 0,
      alerts: alerts.find((a) => a.severity === severity)?.n ?? 0,
      ticketed: alerts.find((a) => a.severity === severity)?.ticketed ?? 0,
    }));
    return { from: p.from, to: p.to, rows };
  },
});
