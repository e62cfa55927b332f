// The assessment on the demo: three months before the demo's day — passed, failed with remedies and a
// deduction proposal, and a draft to score — the home to-dos, and a draft of the demo's own month,
// once it has ended, prefilled from the other modules' demo evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAssessment, TAssessmentDetail, TTrend } from '../../../common/assessment.ts';
import type { THome } from '../../../common/home.api.ts';
import { Clock, json, TEST_PASSWORD, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
const login = async (name: string) => {
  const a = t.agent();
  expect((await a.login(name, TEST_PASSWORD)).statusCode).toBe(200);
  return a;
};
const section = async (a: Agent, id: string) => json<THome>(await a.get('/api/home')).sections.find((s) => s.id === id);

beforeAll(async () => {
  t = await testApp({ demo: true, clock: new Clock(new Date('2026-11-24T02:00:00Z')) });
}, 300_000);
afterAll(async () => {
  await t.close();
});

describe('the demo assessments', () => {
  it('are the three months before the demo’s day: passed, failed, to score', async () => {
    const manager = await login('agency.manager');
    const list = json<{ items: TAssessment[] }>(await manager.get('/api/assessments'));
    expect(list.items.map((m) => [m.month, m.state, m.result])).toEqual([
      ['2026-10', 'draft', null],
      ['2026-09', 'signed', 'fail'],
      ['2026-08', 'signed', 'pass'],
    ]);
    const failed = json<TAssessmentDetail>(await manager.get(`/api/assessments/${list.items[1]!.id}`));
    const net = failed.lineRates!.NET!;
    expect(net.rate).toBeLessThan(0.8);
    // Deduction: a quarter of the contract total ÷ 12 × the share of points lost, exact, rounded half up.
    const total = BigInt(/合同总价 (\d+)\.(\d\d) 元/.exec(failed.deductionBasis)!.slice(1, 3).join(''));
    const num = total * BigInt(net.max - net.points);
    const den = 48n * BigInt(net.max);
    const fen = (2n * num + den) / (2n * den);
    expect(failed.deductionAmount).toBe(`${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`);
    expect(failed.deductionAmount).toMatch(/^\d+\.\d\d$/);
    expect(failed.remedies.length).toBe(failed.rows.filter((r) => r.line === 'NET').length);
    expect(failed.remedies.filter((r) => r.doneAt)).toHaveLength(1);
    expect(await section(manager, 'assessment.to_score')).toMatchObject({ count: 1, items: [{ title: '2026-10 月度考核' }] });
    const pm = await login('pm');
    const due = await section(pm, 'assessment.remedies_due');
    expect(due?.count).toBe(failed.remedies.length - 1);
    expect(due?.items[0]).toMatchObject({ risk: 'breached', tag: '整改' });
  });

  it('prefills the month that just ended from the demo’s tickets, SLA clocks and conferences', async () => {
    t.clock.set(new Date('2026-12-01T01:00:00Z')); // Tuesday 1 December, a working day
    const pm = await login('pm');
    const r = await pm.post('/api/assessments', { month: '2026-11' });
    expect(r.statusCode).toBe(201);
    const d = json<TAssessmentDetail>(await pm.get(`/api/assessments/${json<TAssessment>(r).id}`));
    const row = (id: string) => d.rows.find((x) => x.id === id)!;
    expect(row('NET-3-3').measured!.value).toBeGreaterThan(0);
    expect(row('NET-3-3').measured!.display).toMatch(/^\d+ 张（故障 \d+/);
    expect(row('NET-3-1').measured!.value).not.toBeNull();
    expect(row('VC-2-1').measured!.value).not.toBeNull();
    expect(row('SM-10-2')).toMatchObject({ measured: null, suggested: null, evidenceId: null });

    // Scored and signed, it joins the trend as its last month.
    const manager = await login('agency.manager');
    await manager.put(`/api/assessments/${d.id}/scores`, { scores: d.rows.map((x) => ({ criterionId: x.id, score: 9 })) });
    expect((await manager.post(`/api/assessments/${d.id}/sign`)).statusCode).toBe(200);
    const trend = json<TTrend>(await manager.get('/api/assessments/trend'));
    expect(trend.months.slice(-3)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(trend.lines.SM!.slice(-1)).toEqual([90]);
  });
});
