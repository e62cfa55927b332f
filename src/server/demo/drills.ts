// The duty module's demo of emergency drills and response (R-DUT-03): a core-switch failure drill held
// last quarter with its timeline, findings and follow-ups; a power-failure drill planned next month;
// two real emergencies of recent months, one answered within the targets and one recovered late.
import { addCalendarDays } from '../../common/dates.ts';
import type { Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { holdDrill, planDrill } from '../modules/duty/drills.ts';
import { recordEmergency } from '../modules/duty/emergencies.ts';
import { as } from './actors.ts';

const at = (today: string, days: number, hhmm: string) => new Date(`${addCalendarDays(today, days)}T${hhmm}:00+08:00`).toISOString();

export async function loadDrillsDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const d = env.today;
  const pm = (days: number) => as(ctx, 'pm', new Date(at(d, days, '18:00')));
  const drill = await planDrill(await pm(-110), {
    line: 'NET',
    title: '核心交换机故障切换应急演练',
    scenario: '主核心交换机电源模块故障导致宕机，验证备用核心接管、业务恢复时间与向甲方报告流程。',
    plannedAt: at(d, -95, '19:00'),
    participants: ['项目经理', '网管工程师', '机动网络工程师', '值班员'],
  });
  await holdDrill(await pm(-94), drill.id, {
    heldStart: at(d, -95, '19:00'),
    heldEnd: at(d, -95, '20:10'),
    timeline: [
      { at: at(d, -95, '19:00'), text: '断开主核心交换机电源，监控平台 1 分钟内告警' },
      { at: at(d, -95, '19:04'), text: '值班员电话通知二线值班工程师并报告甲方信息中心' },
      { at: at(d, -95, '19:12'), text: '备用核心接管完成，各楼层接入恢复' },
      { at: at(d, -95, '19:40'), text: '恢复主核心，验证 VRRP 回切正常' },
      { at: at(d, -95, '20:10'), text: '演练总结' },
    ],
    findings:
      '备用核心接管 12 分钟，达到预案要求；3 层两台接入交换机上联未配置冗余，回切时中断约 2 分钟；应急联系人表有一人电话变更未更新。',
    followUps: [
      { text: '为 3 层两台接入交换机补配冗余上联', owner: '网管工程师', due: addCalendarDays(d, -80) },
      { text: '更新应急联系人表并报甲方确认', owner: '项目经理', due: addCalendarDays(d, -88) },
    ],
  });
  await planDrill(await pm(-3), {
    line: 'SM',
    title: '机房市电中断应急演练',
    scenario: '市电中断，UPS 供电，验证安全监控系统不间断运行与发电机切换。',
    plannedAt: at(d, 30, '18:30'),
    participants: ['项目经理', '安全监控工程师', '值班员'],
  });
  await recordEmergency(await as(ctx, 'eng.net', new Date(at(d, -40, '23:00'))), {
    line: 'NET',
    title: '办公楼 5 层整层断网',
    ticketId: null,
    alertAt: at(d, -40, '20:15'),
    responseAt: at(d, -40, '20:20'),
    dispatchedAt: at(d, -40, '20:25'),
    recoveredAt: at(d, -40, '21:35'),
    dispatch: '二线值班网管工程师到场，机动工程师远程协助',
    measures: '更换故障光模块；为该层汇聚增加光功率监控告警',
  });
  await recordEmergency(await as(ctx, 'eng.sec', new Date(at(d, -12, '18:00'))), {
    line: 'SEC',
    title: '互联网出口防火墙异常重启',
    ticketId: null,
    alertAt: at(d, -14, '02:10'),
    responseAt: at(d, -14, '04:40'),
    dispatchedAt: at(d, -14, '04:50'),
    recoveredAt: at(d, -13, '06:00'),
    dispatch: '二线值班安全工程师到场，厂商远程支持',
    measures: '升级防火墙固件，调整会话老化策略；夜间值班电话改为双人轮询',
  });
}
