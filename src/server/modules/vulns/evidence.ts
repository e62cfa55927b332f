// What vulnerability management proves to the reports (ARCHITECTURE.md principle 4): findings first
// seen, fixed and verified in a period by severity, and those still open now whose due date fell before its end
// (R-SEC-04/05), read from the findings as they are.
import { sql } from 'drizzle-orm';
import { dateOf } from '../../../common/dates.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';

const ORDER = ['critical', 'high', 'medium', 'low', 'info'];

/** Per severity: opened (first seen), fixed, verified within [from, to), and still open now with a due date before `to`. */
export const findingCounts = defineEvidence({
  id: 'vulns.finding_counts',
  title: { zh: '漏洞发现、修复与验证（按级别）', en: 'Findings opened, fixed and verified by severity' },
  requirements: ['R-SEC-04', 'R-SEC-05'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const endDate = dateOf(new Date(p.to));
    const rows = await queryRows<{ severity: string; opened: number; fixed: number; verified: number; overdue: number }>(
      ctx.db,
      sql`SELECT severity,
            count(*) FILTER (WHERE first_seen >= ${p.from}::timestamptz AND first_seen < ${p.to}::timestamptz)::int AS opened,
            count(*) FILTER (WHERE fixed_at >= ${p.from}::timestamptz AND fixed_at < ${p.to}::timestamptz)::int AS fixed,
            count(*) FILTER (WHERE verified_at >= ${p.from}::timestamptz AND verified_at < ${p.to}::timestamptz)::int AS verified,
            count(*) FILTER (WHERE due_date < ${endDate} AND first_seen < ${p.to}::timestamptz
              AND state IN ('open', 'fixing'))::int AS overdue
          FROM vuln_findings GROUP BY severity`,
    );
    rows.sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
    return { from: p.from, to: p.to, rows: rows.filter((r) => r.opened + r.fixed + r.verified + r.overdue > 0) };
  },
});
