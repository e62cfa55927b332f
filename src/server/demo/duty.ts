// The duty module's demo (issue 14 point 4): a published roster for every service line over its
// current service year (the renewed contract's periods), with the demo accounts — the line's engineer
// resident 5×9, the project manager mobile, the two alternating weekly as second-line on call, and
// special duty over 元旦, 春节, 五一 and 十一 — so a new user sees who is on duty today, tonight and
// over the next holiday. A line whose year ends within 60 days gets next year's roster too. Also an
// override awaiting the project manager, a handover and a check-in on post.
import { addCalendarDays, calendarDaysBetween, instantOf } from '../../common/dates.ts';
import type { TLayerSpec } from '../../common/duty.ts';
import { lineLabel } from '../../common/service-lines.ts';
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { requestOverride } from '../modules/duty/overrides.ts';
import { createRoster, publishRoster } from '../modules/duty/service.ts';
import { writeHandover } from '../modules/duty/shiftlog.ts';
import { loadDrillsDemo } from './drills.ts';
import { as } from './actors.ts';
import { contract2021 } from './contract2021.ts';
import { renewalFor } from './renewal.ts';

const ENGINEER: Record<string, string> = { SM: 'eng.sm', NET: 'eng.net', SEC: 'eng.sec', VC: 'eng.vc' };

function layers(eng: string, pm: string): TLayerSpec[] {
  return [
    { layer: 'resident', members: [eng], rotation: 'all', handoff: '09:00', restriction: 'working-hours' },
    { layer: 'mobile', members: [pm], rotation: 'all', handoff: '09:00', restriction: 'working-hours' },
    { layer: 'on-call', members: [eng, pm], rotation: 'weekly', handoff: '09:00', restriction: 'outside-working-hours' },
    { layer: 'holiday-special', members: [pm, eng], rotation: 'daily', handoff: '09:00', restriction: 'special-holidays' },
  ];
}

export async function loadDutyDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const pm = await as(ctx, 'pm');
  const renewed = renewalFor(contract2021, env.today);
  for (const l of renewed.serviceLines) {
    const eng = await as(ctx, ENGINEER[l.code]!);
    const periods = [{ from: l.periodStart, to: l.periodEnd }];
    if (calendarDaysBetween(env.today, l.periodEnd) < 60)
      periods.push({ from: addCalendarDays(l.periodEnd, 1), to: addCalendarDays(l.periodEnd, 365) });
    for (const p of periods) {
      const r = await createRoster(pm, {
        line: l.code,
        name: `${lineLabel(l.code)}值班表 ${p.from} 至 ${p.to}`,
        periodStart: p.from,
        periodEnd: p.to,
        layers: layers(eng.actor!.id, pm.actor!.id),
      });
      await publishRoster(pm, r.id, false);
    }
  }
  // The NET engineer asks the project manager to take one night on call; it awaits approval.
  const net = await as(ctx, 'eng.net');
  const night = addCalendarDays(env.today, 3);
  await requestOverride(net, {
    line: 'NET',
    layer: 'on-call',
    fromUserId: net.actor!.id,
    toUserId: pm.actor!.id,
    start: instantOf(night, '18:00').toISOString(),
    end: instantOf(addCalendarDays(night, 1), '09:00').toISOString(),
    reason: '参加区级网络割接演练，当晚无法值守',
  });
  await writeHandover(net, {
    line: 'NET',
    toUserId: pm.actor!.id,
    notes: '核心交换机 A 端口 Gi1/0/24 夜间出现 CRC 错误，已更换跳线，继续观察；机房空调巡检正常。',
  });
  await loadDrillsDemo(ctx, env);
}
