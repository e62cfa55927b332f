// Security events evidence for the reports (R-MON-03, R-SEC-01/02): events received in the period
// (a merged row counting each event it stands for) and alerts first raised in it, by severity.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendRows } from '../../kernel/timeseries/index.ts';
import { registryOf } from '../../site.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { eventSeries } from './series.ts';
import { evtAlerts, evtRules } from './tables.ts';

let t: TestApp;
const at = (s: string) => new Date(`${s}+08:00`);
const event = (severity: string, receivedAt: string, count: number) => ({
  id: randomUUID(),
  receivedAt: at(receivedAt),
  lastSeen: at(receivedAt),
  source: '127.0.0.1',
  host: 'fw1',
  vendor: 'generic',
  product: 'fw',
  category: 'traffic',
  severity,
  message: 'deny',
  raw: 'deny',
  fingerprint: `${severity}${receivedAt}`,
  count,
});

beforeAll(async () => {
  t = await testApp();
  await appendRows(t.ctx, eventSeries, [
    event('high', '2026-11-05T10:00:00', 3),
    event('high', '2026-11-06T10:00:00', 1),
    event('low', '2026-11-07T10:00:00', 5),
    event('critical', '2026-10-31T23:59:00', 9),
  ]);
  const [rule] = await t.ctx.db
    .insert(evtRules)
    .values({ title: '暴力破解', level: 'high', yaml: 'x', enabled: true, version: 1, updatedAt: at('2026-10-01T00:00:00') })
    .returning();
  const alert = (key: string, severity: string, firstAt: string, ticketId: string | null) => ({
    ruleId: rule!.id,
    ruleVersion: 1,
    title: '暴力破解',
    severity,
    key,
    hits: 5,
    firstAt: at(firstAt),
    lastAt: at(firstAt),
    sample: '',
    ticketId,
  });
  await t.ctx.db
    .insert(evtAlerts)
    .values([
      alert('a', 'high', '2026-11-05T10:00:00', randomUUID()),
      alert('b', 'high', '2026-11-06T10:00:00', null),
      alert('c', 'critical', '2026-12-01T00:00:00', null),
    ]);
});
afterAll(async () => t?.close());

it('counts November’s events (as the list shows them, and their occurrences) and alerts by severity, most severe first', async () => {
  const e = registryOf().evidence.get('events.event_counts')!;
  const r = (await e.read(t.ctx, e.params.parse({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }))) as {
    rows: { severity: string; events: number; occurrences: number; alerts: number; ticketed: number }[];
  };
  // Two high records (one merged from 3 occurrences), one low record merged from 5.
  expect(r.rows).toEqual([
    { severity: 'critical', events: 0, occurrences: 0, alerts: 0, ticketed: 0 },
    { severity: 'high', events: 2, occurrences: 4, alerts: 2, ticketed: 1 },
    { severity: 'medium', events: 0, occurrences: 0, alerts: 0, ticketed: 0 },
    { severity: 'low', events: 1, occurrences: 5, alerts: 0, ticketed: 0 },
    { severity: 'info', events: 0, occurrences: 0, alerts: 0, ticketed: 0 },
  ]);
});
