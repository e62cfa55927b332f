// Numbers in a report link back to the records they count (issue 15 point 1): every linked number of a
// generated report, opened as its list would open it (the list API called with the link's own query
// string), shows that many records. On the demo data, as the project manager (who sees every line).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCell, TReportDetail } from '../../../common/reports.ts';
import { sql } from 'drizzle-orm';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let pm: Agent;
let demoAlerts: number;
/** The demo's own configuration changes no approved change explains, per report period (issue 15). */
const demoUnexplained = { monthly: 0, weekly: 0 };
const NOW = new Date('2026-12-07T02:00:00Z');

/** The list API behind each page a report links to. */
const API: Record<string, string> = {
  '/desk': '/api/tickets',
  '/changes': '/api/changes',
  '/vulns': '/api/vulns/findings',
  '/inspections': '/api/inspections/sheets',
  '/events/alerts': '/api/events/alerts',
  // One row per merged event: the report's 安全事件 is that many rows (its 发生次数 counts the repeats).
  '/events': '/api/events',
  '/conferences': '/api/conferences/meetings',
  // The duty page's tab the link names: the overrides list, the shifts list.
  '/duty?tab=overrides': '/api/duty/overrides',
  '/duty?tab=shifts': '/api/duty/shifts',
  // Alerts raised per device, backup runs across devices, the signature board at the period's end.
  '/monitoring/alerts': '/api/monitoring/alerts',
  '/config-backup/runs': '/api/config-backup/runs',
  // Configuration versions that differ from the one before, and those no approved change explains.
  '/config-backup/changes': '/api/config-backup/changes',
  '/secops/signatures': '/api/secops/signatures',
};

beforeAll(async () => {
  t = await testApp({ demo: true, clock: new Clock(NOW) });
  pm = t.agent();
  expect((await pm.login('pm', 'Test-Pass-1')).statusCode).toBe(200);
  // The demo's own past alerts of November (raised and cleared with their tickets), then more of a
  // device's (raised and cleared, raised and open, still pending — not counted — and one the day before
  // the month, China time); the demo fails no backup: failed runs on the month's last minute and the
  // next month's first.
  demoAlerts = json<{ total: number }>(await pm.get('/api/monitoring/alerts?from=2026-11-01&to=2026-11-30&raised=true')).total;
  // …and its past unexplained configuration changes, in the month and in the week reported on.
  const changes = async (q: string) => json<{ total: number }>(await pm.get(`/api/config-backup/changes?${q}&unexplained=true`)).total;
  demoUnexplained.monthly = await changes('from=2026-11-01&to=2026-11-30');
  demoUnexplained.weekly = await changes('from=2026-11-30&to=2026-12-06');
  const db = t.ctx.db;
  await db.execute(sql`INSERT INTO mon_alerts (device_id, rule, object, state, since, opened_at, closed_at, message)
    SELECT d.id, 'if_down', x.obj, x.state, x.since::timestamptz, x.since::timestamptz, x.closed::timestamptz, '报告链接测试'
    FROM (SELECT id FROM mon_devices ORDER BY name LIMIT 1) d,
      (VALUES ('lt-1', 'closed', '2026-11-10T02:00:00Z', '2026-11-10T03:00:00Z'), ('lt-2', 'open', '2026-11-30T15:59:00Z', NULL),
              ('lt-3', 'pending', '2026-11-20T02:00:00Z', NULL), ('lt-4', 'closed', '2026-10-31T15:59:00Z', '2026-10-31T16:30:00Z'))
        AS x(obj, state, since, closed)`);
  await db.execute(sql`INSERT INTO cfg_runs (device_id, started_at, finished_at, state, failure, message)
    SELECT d.id, x.at::timestamptz, x.at::timestamptz, 'failed', 'timeout', '报告链接测试'
    FROM (SELECT id FROM cfg_devices ORDER BY name LIMIT 1) d, (VALUES ('2026-11-30T15:59:00Z'), ('2026-11-30T16:00:00Z')) AS x(at)`);
  // Every configuration change of the demo's November is explained by an approved change: two that none
  // explains (each would have raised the alert), on the month's last minute and the next month's first.
  await db.execute(sql`INSERT INTO cfg_versions (device_id, seq, taken_at, sha256, lines)
    SELECT v.device_id, v.seq + x.k, x.at::timestamptz, v.sha256, v.lines
    FROM (SELECT device_id, seq, sha256, lines FROM cfg_versions c
          WHERE seq = (SELECT max(seq) FROM cfg_versions WHERE device_id = c.device_id) ORDER BY device_id LIMIT 1) v,
      (VALUES (1, '2026-11-30T15:59:00Z'), (2, '2026-11-30T16:00:00Z')) AS x(k, at)`);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const links = (r: TReportDetail) =>
  r.version.sections.flatMap((s) =>
    s.rows.flatMap((row) => row.filter((c): c is Extract<TCell, object> => typeof c === 'object').map((c) => ({ section: s.id, ...c }))),
  );

describe('report links', () => {
  for (const [kind, date, withSla] of [
    ['monthly', '2026-11-15', true],
    ['weekly', '2026-12-03', false],
  ] as const) {
    it(`open lists with the report's number (${kind} report of ${date})`, async () => {
      const res = await pm.post('/api/reports', { kind, date });
      expect(res.statusCode).toBe(201);
      const r = json<TReportDetail>(res);
      const checked: { section: string; href: string; n: number; total: number }[] = [];
      for (const l of links(r)) {
        const [path, q = ''] = l.href.split('?');
        const params = new URLSearchParams(q);
        const api = API[path!] ?? API[`${path}?tab=${params.get('tab')}`];
        if (!api) continue;
        params.delete('tab');
        const query = params.toString();
        const list = await pm.get(`${api}?${query}${query ? '&' : ''}pageSize=5`);
        expect(list.statusCode, `${l.href}: ${list.body}`).toBe(200);
        checked.push({ section: l.section, href: l.href, n: l.n, total: json<{ total: number }>(list).total });
      }
      expect(checked.filter((c) => c.total !== c.n)).toEqual([]);
      // The period is in each link: the month's tickets, not the whole queue.
      const sections = new Set(checked.map((c) => c.section));
      expect(sections).toContain('tickets');
      if (withSla) expect(sections).toContain('sla');
      // Security events (the monthly form): the linked number is the event list's total (one row per
      // merged event), the occurrences beside it count the repeats, never fewer; conferences held too.
      if (kind === 'monthly') {
        expect(sections).toContain('events');
        expect(sections).toContain('conferences');
        expect(sections).toContain('duty');
        // Each of these opens a list whose total is its number, and some of them are not zero.
        for (const id of ['network', 'configbackup', 'signatures']) {
          expect(sections).toContain(id);
          expect(checked.filter((c) => c.section === id && c.n > 0).length, id).toBeGreaterThan(0);
        }
        // The alerts raised in the month (the demo's and two of the four added), the month's failed run (one of two).
        expect(demoAlerts).toBeGreaterThan(0);
        expect(checked.filter((c) => c.section === 'network').reduce((n, c) => n + c.n, 0)).toBe(demoAlerts + 2);
        expect(checked.find((c) => c.href.includes('state=failed'))?.n).toBe(1);
        // Configuration changes detected in the month and those no approved change explains (the alerts,
        // the month's one of the two added): both open the changes list.
        const cfg = checked.filter((c) => c.href.startsWith('/config-backup/changes?'));
        const detected = cfg.find((c) => !c.href.includes('unexplained'));
        const unexplained = cfg.find((c) => c.href.includes('unexplained=true'));
        expect(detected?.n).toBeGreaterThan(0);
        // The demo's own (one at least) and the month's one of the two added.
        expect(demoUnexplained.monthly).toBeGreaterThan(0);
        expect(unexplained?.n).toBe(demoUnexplained.monthly + 1);
        expect(unexplained!.n).toBeLessThan(detected!.n);
        expect(checked.filter((c) => c.href.startsWith('/duty?tab=shifts') && c.n > 0).length).toBeGreaterThan(0);
        // Every linked number of these sections has a list behind it (none left to a plain page).
        const unlinked = links(r).filter((l) => ['network', 'configbackup', 'signatures', 'duty'].includes(l.section));
        expect(unlinked.filter((l) => !checked.some((c) => c.href === l.href))).toEqual([]);
        const ev = r.version.sections.find((s) => s.id === 'events')!;
        expect(ev.columns.slice(1, 3)).toEqual(['安全事件（条）', '发生次数']);
        for (const row of ev.rows) expect(Number(row[2])).toBeGreaterThanOrEqual((row[1] as { n: number }).n);
      }
      if (kind === 'weekly') {
        // The week (2026-11-30 to 12-06) holds the demo's own unexplained change and both added ones.
        const unexplained = checked.find((c) => c.href.startsWith('/config-backup/changes?') && c.href.includes('unexplained=true'));
        expect(demoUnexplained.weekly).toBeGreaterThan(0);
        expect(unexplained?.n).toBe(demoUnexplained.weekly + 2);
      }
      expect(checked.filter((c) => c.n > 0).length).toBeGreaterThan(3);
      for (const c of checked.filter((x) => x.href.startsWith('/desk?')))
        expect(c.href).toMatch(new RegExp(`(from|dueFrom)=${r.periodStart}&(to|dueTo)=${r.periodEnd}`));
      const all = json<{ total: number; totalCapped?: boolean }>(await pm.get('/api/tickets?pageSize=5'));
      const month = checked.find((c) => c.section === 'tickets' && !c.href.includes('serviceLine'))!;
      expect(month.n).toBeLessThan(all.total);
    });
  }

  it('refuses a period that ends before it starts, or a day that does not exist', async () => {
    const back = await pm.get('/api/tickets?from=2026-11-30&to=2026-11-01');
    expect(back.statusCode).toBe(400);
    expect(back.body).toContain('晚于结束日期');
    expect((await pm.get('/api/tickets?from=2026-13-01')).statusCode).toBe(400);
    expect((await pm.get('/api/tickets?clock=lunch')).statusCode).toBe(400);
  });
});
