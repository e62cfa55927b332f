// Demo data of inspections (issue 14 point 1): the contract's 系统日监控单 and 系统周巡检单 (附件一 5.2)
// as templates for the network line, a security-device weekly sheet and the quarterly health check;
// sheets generated on the calendar — one done, one open today, one overdue — and the quarterly NET
// inspection plan awaiting the agency.
import { eq } from 'drizzle-orm';
import { ZTemplateInput, type TTemplateInput } from '../../../common/inspections.ts';
import { as } from '../../demo/actors.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { DemoEnv } from '../../kernel/module.ts';
import { OK } from './evaluate.ts';
import { fillEntry, submitSheet } from './fill.ts';
import { createPlan } from './plans.ts';
import { generateSheets, getSheet } from './sheets.ts';
import { insSheets, insTemplates } from './tables.ts';
import { createTemplate } from './templates.ts';

const item = (key: string, label: string, o: Partial<TTemplateInput['items'][number]> = {}) => ({
  key,
  label,
  kind: 'check' as const,
  unit: '',
  min: null,
  max: null,
  evidence: 'none' as const,
  prefill: null,
  ...o,
});
const pct = (key: string, label: string, prefill: 'cpu' | 'memory') =>
  item(key, label, { kind: 'range', unit: '%', min: 0, max: 80, evidence: 'reading', prefill });

export const DEMO_TEMPLATES: TTemplateInput[] = [
  {
    name: '系统日监控单（网络）',
    serviceLine: 'NET',
    deviceKinds: ['network'],
    schedule: 'daily',
    items: [
      item('reachable', '设备在线', { prefill: 'reachable' }),
      pct('cpu', 'CPU 利用率', 'cpu'),
      pct('memory', '内存利用率', 'memory'),
      item('if_errors', '接口错误包', { kind: 'range', unit: '个', min: 0, max: 100, prefill: 'if_errors' }),
      item('alerts', '未关闭告警', { kind: 'range', unit: '条', min: 0, max: 0, prefill: 'open_alerts' }),
    ],
  },
  {
    name: '系统周巡检单（网络）',
    serviceLine: 'NET',
    deviceKinds: ['network'],
    schedule: 'weekly',
    items: [
      item('lights', '运行指示灯与告警灯', { evidence: 'photo' }),
      item('temperature', '设备温度', { kind: 'range', unit: '℃', min: 10, max: 45, evidence: 'reading', prefill: 'temperature' }),
      item('fan_power', '风扇与电源模块'),
      item('backup', '距上次配置备份', { kind: 'range', unit: '天', min: 0, max: 7, prefill: 'backup_age' }),
      item('cabling', '线缆与标签整齐、机柜清洁'),
    ],
  },
  {
    name: '安全设备周巡检单',
    serviceLine: 'SEC',
    deviceKinds: ['security'],
    schedule: 'weekly',
    items: [
      item('reachable', '设备在线', { prefill: 'reachable' }),
      item('signature', '特征库更新', { kind: 'range', unit: '天', min: 0, max: 7, prefill: 'signature_age' }),
      item('policy', '安全策略无异常变更'),
    ],
  },
  {
    name: '路由器与交换机季度健康检查',
    serviceLine: 'NET',
    deviceKinds: ['network'],
    schedule: 'quarterly',
    items: [
      item('version', '软件版本与运行时间（display version）', { kind: 'text', evidence: 'command' }),
      item('health', '硬件健康（display device / display power / display fan）', { kind: 'text', evidence: 'command' }),
      item('logs', '日志中无严重告警'),
    ],
  },
];

/** Fills every item a demo sheet needs as an engineer would (values within range, 正常). */
async function fillAll(ctx: Ctx, id: string): Promise<void> {
  const s = await getSheet(ctx, id);
  for (const e of s.items) {
    const value = e.kind === 'check' ? OK : e.kind === 'range' ? (e.value ?? String(e.min ?? 0)) : null;
    await fillEntry(ctx, id, e.id, { value, ...(e.evidence === 'command' ? { output: '（演示）命令输出' } : {}) });
  }
}

export async function loadInspectionsDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const pm = await as(ctx, 'pm');
  for (const t of DEMO_TEMPLATES) await createTemplate(pm, ZTemplateInput.parse(t));
  const cal = await getCalendar(ctx);
  // The two working days before today: the earlier one done, the later one left open (overdue).
  const done = prevWorking(cal, env.today, 2);
  const overdue = prevWorking(cal, env.today, 1);
  const [daily] = await ctx.db.select().from(insTemplates).where(eq(insTemplates.name, DEMO_TEMPLATES[0]!.name));
  await generateSheets(ctx, done);
  const [first] = await ctx.db.select().from(insSheets).where(eq(insSheets.templateId, daily!.id));
  if (first) {
    const eng = await as(ctx, 'eng.net', new Date(`${done}T16:30:00+08:00`));
    await fillAll(eng, first.id);
    await submitSheet(eng, first.id, '');
  }
  await generateSheets(ctx, overdue);
  await generateSheets(ctx, env.today);
  // On a day off, the sheets of the next working day are open too (so the demo always has one to fill).
  if (!cal.isWorkingDay(env.today)) await generateSheets(ctx, cal.nextWorkingDay(env.today));
  const y = Number(env.today.slice(0, 4));
  const q = Math.floor((Number(env.today.slice(5, 7)) - 1) / 3) + 1;
  await createPlan(pm, {
    kind: 'quarterly_plan',
    year: y,
    quarter: q,
    title: `${y} 年第 ${q} 季度网络设备巡检计划`,
    body: [
      `一、范围：核心交换机、汇聚与接入交换机、电子政务外网及医保专网路由器。`,
      '二、频次：每工作日填写系统日监控单；每周填写系统周巡检单；本季度末完成路由器与交换机健康检查（命令输出存档）。',
      '三、方法：监控数据预填，现场扫描资产标签逐台核对指示灯、温度、风扇电源与线缆；异常当场转运维单。',
      '四、人员：网络服务线驻场工程师，项目经理督办逾期。',
    ].join('\n'),
  });
}

function prevWorking(cal: Awaited<ReturnType<typeof getCalendar>>, date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) {
    do d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    while (!cal.isWorkingDay(d));
  }
  return d;
}
