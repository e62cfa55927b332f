// The conferences module's demo (issue 14 point 3): last week's city–district meeting, tested before
// it began, with one problem (a district's audio) that became a VC ticket, and its support record;
// tomorrow's emergency-system drill with its joint test half done; next week's encrypted meeting with
// the city government, not yet tested.
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { activeEndpoints } from '../modules/conferences/endpoints.ts';
import { closeMeeting, createMeeting, recordCheck, reportProblem } from '../modules/conferences/service.ts';
import { ROOM, ROOM_ITEMS, type ConfSystem } from '../../common/conferences.ts';
import { neededChecks } from '../modules/conferences/view.ts';
import { as } from './actors.ts';

const HOUR = 3600_000;
const at = (today: string, days: number, hour: number, minute = 0) =>
  new Date(Date.parse(`${today}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`) + days * 24 * HOUR);

async function plan(ctx: Ctx, title: string, system: ConfSystem, start: Date, hours: number, endpointNames?: string[]) {
  const all = await activeEndpoints(ctx);
  const endpointIds = endpointNames ? all.filter((e) => endpointNames.some((n) => e.name.startsWith(n))).map((e) => e.id) : [];
  return createMeeting(ctx, {
    title,
    system,
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + hours * HOUR).toISOString(),
    room: '第三会议室',
    endpointIds,
  });
}

export async function loadConferencesDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  // 1. Last week: every check done the afternoon before; 房山's audio failed during the meeting.
  const held = await plan(
    await as(ctx, 'agency.contact', at(env.today, -10, 10)),
    '全市社保经办工作部署视频会',
    'city_district',
    at(env.today, -7, 9, 30),
    2,
  );
  let when = at(env.today, -8, 15);
  for (const c of neededChecks({ system: held.system, endpoints: held.endpoints })) {
    when = new Date(when.getTime() + 60_000);
    await recordCheck(await as(ctx, 'eng.vc', when), held.id, { target: c.target, item: c.item, result: 'ok', note: '' });
  }
  await reportProblem(await as(ctx, 'eng.vc', at(env.today, -7, 9, 50)), held.id, {
    title: '房山区会场无声音',
    description: '会议开始 20 分钟后房山区会场声音中断，远程指导对方重启音频处理器后恢复。',
    severity: 'high',
  });
  await closeMeeting(
    await as(ctx, 'eng.vc', at(env.today, -7, 11, 40)),
    held.id,
    '会前一日完成 17 个区县会场及会议室设备联调。会中房山区会场声音中断约 3 分钟，已远程处置恢复（见工单）。会议按时结束，录像已归档。',
  );

  // 2. Tomorrow morning: the emergency system's drill with five districts, joint test half done.
  const drill = await plan(await as(ctx, 'pm', at(env.today, -2, 16)), '防汛应急视频会商演练', 'emergency', at(env.today, 1, 9), 1, [
    '东城区',
    '西城区',
    '朝阳区',
    '海淀区',
    '丰台区',
  ]);
  when = at(env.today, 0, 14);
  for (const c of neededChecks({ system: drill.system, endpoints: drill.endpoints }).slice(0, 8)) {
    when = new Date(when.getTime() + 90_000);
    const fail = c.targetName.startsWith('朝阳区') && c.item === 'video';
    await recordCheck(await as(ctx, 'eng.vc', when), drill.id, {
      target: c.target,
      item: c.item,
      result: fail ? 'fail' : 'ok',
      note: fail ? '对端摄像头无图像，已联系区里更换线缆后复测' : '',
    });
  }
  for (const item of ROOM_ITEMS) await recordCheck(await as(ctx, 'eng.vc', when), drill.id, { target: ROOM, item, result: 'ok', note: '' });

  // 3. Next week: the city government's encrypted meeting, not yet tested.
  await plan(await as(ctx, 'agency.contact', at(env.today, -1, 11)), '市政府常务会议（加密）', 'gov_encrypted', at(env.today, 7, 14), 2);
}
