// The improve module's demo (R-SD-12): requests from agency staff at each stage of their life, so the
// list shows the whole path 提出 → 评估中 → 已采纳/不采纳 → 已实施 → 已评价 with who did what.
import type { TImprovementAction } from '../../common/improve.ts';
import type { Ctx } from '../kernel/context.ts';
import { actOnImprovement, createImprovement } from '../modules/improve/service.ts';
import { as } from './actors.ts';

const DAY = 24 * 60 * 60_000;

interface Story {
  by: string;
  serviceLine: 'SM' | 'NET' | 'SEC' | 'VC';
  title: string;
  reason: string;
  /** Days ago it was submitted. */
  at: number;
  /** Each step: who, how many days after submission, what. */
  steps: [string, number, TImprovementAction][];
}

const STORIES: Story[] = [
  {
    by: 'agency.staff',
    serviceLine: 'NET',
    title: '报修后短信告知工程师姓名和预计到场时间',
    reason: '报修后只接到回电，不知道哪位工程师来、什么时候到，等待期间无法安排工作。',
    at: 40,
    steps: [
      ['pm', 1, { action: 'assess', note: '与值班组讨论短信模板和发送时机' }],
      ['pm', 3, { action: 'accept', note: '采纳：派单时向报修人发送工程师姓名、电话和预计到场时间' }],
      ['pm', 12, { action: 'implement', note: '已在派单环节增加短信通知，10 月起试行' }],
      ['agency.contact', 20, { action: 'evaluate', result: 'met', note: '抽查 15 张运维单均已收到短信，达到要求' }],
    ],
  },
  {
    by: 'agency.dept',
    serviceLine: 'VC',
    title: '重要会议前一天增加视频会议设备联调',
    reason: '上月局务会开场时会场麦克风无声，临时更换耽误 10 分钟。',
    at: 25,
    steps: [
      ['pm', 2, { action: 'accept', note: '采纳：重要会议前一个工作日下午联调，填写联调记录' }],
      ['pm', 9, { action: 'implement', note: '已纳入会议保障流程，联调记录随会议资料归档' }],
    ],
  },
  {
    by: 'agency.staff',
    serviceLine: 'SEC',
    title: '终端杀毒软件更新时不要占满带宽',
    reason: '每周一上午病毒库集中更新时办公网明显变慢。',
    at: 10,
    steps: [['pm', 1, { action: 'assess', note: '正在核对更新服务器的分发策略' }]],
  },
  {
    by: 'agency.contact',
    serviceLine: 'SM',
    title: '监控中心大屏增加节假日值班人员信息',
    reason: '节假日出现问题时不知道当天由谁值守。',
    at: 15,
    steps: [['pm', 2, { action: 'reject', note: '不采纳：值班表已在值班管理中公布，大屏为安全监控专用，不宜加入其他信息' }]],
  },
  {
    by: 'agency.staff',
    serviceLine: 'NET',
    title: '会议室无线网络增加访客接入',
    reason: '外单位来开会的人员无法上网，需要临时借用工作人员账号。',
    at: 2,
    steps: [],
  },
];

export async function loadImproveDemo(ctx: Ctx): Promise<void> {
  const now = ctx.now().getTime();
  for (const s of STORIES) {
    const start = now - s.at * DAY;
    const r = await createImprovement(await as(ctx, s.by, new Date(start)), {
      serviceLine: s.serviceLine,
      title: s.title,
      reason: s.reason,
    });
    for (const [who, after, action] of s.steps) await actOnImprovement(await as(ctx, who, new Date(start + after * DAY)), r.id, action);
  }
}
