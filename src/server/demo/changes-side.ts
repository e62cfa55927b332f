// The changes module's side demo (R-CHG-04, R-CHG-06): a vendor's remote session approved and at work
// with its log, an on-site visit awaiting approval; the annual maintenance plan returned once by the
// agency and resubmitted as version 2, and the management rules approved.
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { actOnAccess, logAccess, requestAccess } from '../modules/changes/access.ts';
import { decideReview, resubmitReview, submitReview } from '../modules/changes/reviews.ts';
import { as } from './actors.ts';

const HOUR = 3600_000;
const at = (today: string, days: number, hour: number) =>
  new Date(Date.parse(`${today}T${String(hour).padStart(2, '0')}:00:00+08:00`) + days * 24 * HOUR);

const PLAN_V1 = `一、总体目标
保障网络、安全设备、视频会议系统 7×24 小时稳定运行，按合同附件一完成各服务项。

二、日常运维
1. 网络与安全设备每日监控，每周巡检一次并填写《周巡检单》；
2. 设备配置每日自动备份，变更前后各备份一次；
3. 节假日（元旦、春节、五一、十一）安排专人值守，二线工程师 7×24 小时电话待命。

三、季度与年度工作
1. 每季度提交网络巡检计划与巡检报告；
2. 每年对核心设备和关键系统开展一次全面巡检与健康检查。`;

const PLAN_V2 = `${PLAN_V1}

四、应急演练（按甲方意见补充）
每半年组织一次网络中断应急演练，演练前报甲方确认方案，演练后提交评估报告。`;

export async function loadChangesSideDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  // Third-party access: the firewall vendor's remote session, approved by the PM, at work.
  const remote = await requestAccess(await as(ctx, 'eng.sec', at(env.today, -1, 9)), {
    person: '王工',
    company: '防火墙原厂技术支持中心',
    mode: 'remote',
    purpose: '出口防火墙特征库升级失败，原厂远程排查升级服务与授权状态。',
    devices: '出口防火墙',
    startAt: at(env.today, -1, 14).toISOString(),
    endAt: at(env.today, 1, 18).toISOString(),
  });
  await actOnAccess(await as(ctx, 'pm', at(env.today, -1, 10)), remote.id, {
    action: 'approve',
    comment: '同意，限堡垒机远程接入，全程录屏',
  });
  await logAccess(
    await as(ctx, 'eng.sec', at(env.today, -1, 15)),
    remote.id,
    '经堡垒机接入，确认授权有效，升级服务器地址解析失败，已改为备用地址。',
  );
  // An on-site visit next week, awaiting approval.
  await requestAccess(await as(ctx, 'eng.net', at(env.today, 0, 9)), {
    person: '李工、赵工',
    company: '视频会议系统集成商',
    mode: 'onsite',
    purpose: '视频会议 MCU 年度巡检与固件版本核对。',
    devices: '视频会议 MCU、会议室终端',
    startAt: at(env.today, 7, 9).toISOString(),
    endAt: at(env.today, 7, 17).toISOString(),
  });

  // Documents for the agency's review.
  const plan = await submitReview(await as(ctx, 'pm', at(env.today, -20, 10)), {
    kind: 'annual_plan',
    title: '年度运维工作计划',
    body: PLAN_V1,
  });
  await decideReview(await as(ctx, 'agency.contact', at(env.today, -18, 16)), plan.id, {
    decision: 'returned',
    comment: '请补充应急演练安排。',
  });
  await resubmitReview(await as(ctx, 'pm', at(env.today, -2, 11)), plan.id, PLAN_V2);
  const rules = await submitReview(await as(ctx, 'pm', at(env.today, -30, 10)), {
    kind: 'rules',
    title: '运维管理制度（值班、变更、备份、保密）',
    body: '一、值班制度\n二、变更管理制度\n三、配置备份制度\n四、保密制度',
  });
  await decideReview(await as(ctx, 'agency.manager', at(env.today, -27, 15)), rules.id, { decision: 'approved', comment: '同意' });
}
