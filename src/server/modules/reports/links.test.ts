// Numbers in a report link back to the records they count (issue 15 point 1): every linked number of a
// generated report, opened as its list would open it (the list API called with the link's own query
// string), shows that many records. On the demo data, as the project manager (who sees every line).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCell, TReportDetail } from '../../../common/reports.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let pm: Agent;
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
  // The duty page's tab the link names: the overrides list (the shifts open the month calendar).
  '/duty?tab=overrides': '/api/duty/overrides',
};

beforeAll(async () => {
  t = await testApp({ demo: true, clock: new Clock(NOW) });
  pm = t.agent();
  expect((await pm.login('pm', 'Test-Pass-1')).statusCode).toBe(200);
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
        const ev = r.version.sections.find((s) => s.id === 'events')!;
        expect(ev.columns.slice(1, 3)).toEqual(['安全事件（条）', '发生次数']);
        for (const row of ev.rows) expect(Number(row[2])).toBeGreaterThanOrEqual((row[1] as { n: number }).n);
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
