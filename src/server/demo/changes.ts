// The changes module's demo (issue 12): an approved standard template and a standard change implemented
// and awaiting the agency's confirmation, a normal change awaiting the agency contact's approval, and
// an emergency change done first and awaiting its approval afterwards, on the demo lab's devices when
// configuration backup registered them (else named as systems). The demo loads inside the bootstrap's
// transaction, where no device may be contacted: its implementations record that no backup was taken.
import type { TChangeInput } from '../../common/changes.ts';
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { allDevices } from '../modules/configbackup/api.ts';
import type { TakenBackups } from '../modules/changes/backups.ts';
import { actOnChange, applyImplementation } from '../modules/changes/flow.ts';
import { createChange } from '../modules/changes/service.ts';
import { approveTemplate, createTemplate } from '../modules/changes/templates.ts';
import { as } from './actors.ts';
import { loadChangesHistory } from './changes-history.ts';
import { loadChangesSideDemo } from './changes-side.ts';
import { DEMO_LAB } from './lab.ts';

const HOUR = 3600_000;
const NO_BACKUP: TakenBackups = { summary: [], save: async () => undefined };

/** At 20:00 Beijing time, `days` from today. */
const evening = (today: string, days: number, hour = 20) =>
  new Date(Date.parse(`${today}T${String(hour).padStart(2, '0')}:00:00+08:00`) + days * 24 * HOUR);

export async function loadChangesDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  await loadChangesHistory(ctx); // the approved changes behind the lab's configuration history
  const devices = await allDevices(ctx);
  const lab = (key: string) => {
    const name = DEMO_LAB.find((d) => d.key === key)!.name;
    const d = devices.find((x) => x.name === name);
    return d ? { deviceIds: [d.id], systems: '' } : { deviceIds: [], systems: name };
  };
  const base = (at: Date, hours: number): Pick<TChangeInput, 'plannedStart' | 'plannedEnd'> => ({
    plannedStart: at.toISOString(),
    plannedEnd: new Date(at.getTime() + hours * HOUR).toISOString(),
  });

  // 1. A standard change from a template the agency approved once: done, awaiting confirmation.
  const t0 = evening(env.today, -10, 10);
  const tpl = await createTemplate(await as(ctx, 'pm', t0), {
    name: '接入端口 VLAN 划分调整',
    category: 'configuration',
    risk: 'low',
    steps: '1. 备份设备配置\n2. 进入接口视图，调整 port default vlan\n3. 验证终端获取地址与业务访问',
    rollback: '恢复接口原 VLAN 配置并保存',
  });
  await approveTemplate(await as(ctx, 'agency.contact', new Date(t0.getTime() + 2 * HOUR)), tpl.id);
  const s1 = evening(env.today, -1);
  const eng1 = await as(ctx, 'eng.net', new Date(s1.getTime() - 26 * HOUR));
  const std = await createChange(eng1, {
    type: 'standard',
    templateId: tpl.id,
    title: '三楼财务处新增 4 个信息点的 VLAN 划分',
    category: 'configuration',
    risk: 'low',
    reason: '财务处新增工位，需将 4 个接入端口划入财务 VLAN 30。',
    basis: 'notice',
    basisText: '信息中心《关于财务处新增工位网络接入的通知》',
    ...lab('core-1'),
    ...base(s1, 2),
    steps: tpl.steps,
    rollback: tpl.rollback,
  });
  await actOnChange(eng1, std.id, { action: 'submit', comment: '' });
  const inWindow = await as(ctx, 'eng.net', new Date(s1.getTime() + 10 * 60_000));
  await applyImplementation(inWindow, std.id, 'start', '按模板实施', NO_BACKUP);
  await applyImplementation(
    await as(ctx, 'eng.net', new Date(s1.getTime() + 50 * 60_000)),
    std.id,
    'finish',
    '4 个端口已划入 VLAN 30，终端访问正常',
    NO_BACKUP,
  );

  // 2. A normal change: the PM approved, the agency contact has not yet.
  const s2 = evening(env.today, 3, 22);
  const eng2 = await as(ctx, 'eng.net', evening(env.today, -1, 15));
  const normal = await createChange(eng2, {
    type: 'normal',
    title: '电子政务外网路由器 OSPF 开销调整',
    category: 'configuration',
    risk: 'medium',
    reason: '主备链路切换后流量仍走备线，需调整接口 OSPF cost 使主线优先。',
    basis: 'proposal',
    basisText: '乙方网络优化建议（10 月月度分析）',
    ...lab('egov-r'),
    ...base(s2, 1.5),
    steps: '1. 备份配置\n2. 调整主线接口 ospf cost 为 10\n3. 观察路由收敛与业务访问 30 分钟',
    rollback: '恢复接口原 ospf cost 并确认路由回到调整前状态',
  });
  await actOnChange(eng2, normal.id, { action: 'submit', comment: '' });
  await actOnChange(await as(ctx, 'pm', evening(env.today, -1, 17)), normal.id, { action: 'approve', comment: '同意，注意在窗口内完成' });

  // 3. An emergency change: done first, its approval due within a working day.
  const s3 = evening(env.today, 0, 1);
  const eng3 = await as(ctx, 'eng.net', s3);
  const emergency = await createChange(eng3, {
    type: 'emergency',
    title: '医保专网路由器 ACL 紧急封堵异常地址',
    category: 'configuration',
    risk: 'high',
    reason: '监控发现异常地址持续扫描医保前置机端口，需立即封堵。',
    basis: 'proposal',
    basisText: '',
    ...lab('mi-r'),
    ...base(s3, 1),
    steps: '1. 备份配置\n2. 在入方向 ACL 增加 deny 规则\n3. 确认扫描流量消失、医保业务正常',
    rollback: '删除新增的 deny 规则',
  });
  await actOnChange(eng3, emergency.id, { action: 'submit', comment: '紧急处置，事后补办审批' });
  await applyImplementation(await as(ctx, 'eng.net', new Date(s3.getTime() + 5 * 60_000)), emergency.id, 'start', '', NO_BACKUP);
  await applyImplementation(
    await as(ctx, 'eng.net', new Date(s3.getTime() + 25 * 60_000)),
    emergency.id,
    'finish',
    '已封堵，扫描流量消失',
    NO_BACKUP,
  );
  await loadChangesSideDemo(ctx, env);
}
