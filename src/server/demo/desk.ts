// Demo tickets (演示数据): a morning at the service desk, relative to the moment the demo is loaded,
// so a new user sees live countdowns, a fault awaiting the agency's confirmation, closed faults
// with follow-ups, a paused clock and a self-service request; and a few knowledge-base articles.
// Everything goes through the desk's own services as the demo users, so timelines, audit records
// and notifications are what the real flow leaves behind.
import { as } from './actors.ts';
import type { Ctx } from '../kernel/context.ts';
import { createTicket, recordEvent, type TicketInput } from '../modules/desk/service.ts';
import { assignTicket, confirmTicket } from '../modules/desk/flow.ts';
import { saveDocument } from '../modules/desk/documents.ts';
import { addWorkLog } from '../modules/desk/worklog.ts';
import { recordFollowup } from '../modules/desk/followup.ts';
import { createKb } from '../modules/desk/kb.ts';

const MIN = 60_000;

function ticket(t: Partial<TicketInput> & Pick<TicketInput, 'serviceLine' | 'category' | 'severity' | 'title'>): TicketInput {
  return {
    description: '',
    channel: 'hotline',
    requesterName: '',
    requesterPhone: '',
    requesterDepartment: '',
    siteId: null,
    roomId: null,
    assetsText: '',
    ...t,
  };
}

/** Loads the demo tickets; `ctx.now()` is "now" of the story. */
export async function loadDeskDemo(ctx: Ctx): Promise<void> {
  const now = ctx.now().getTime();
  const ago = (min: number) => new Date(now - min * MIN);
  const iso = (min: number) => ago(min).toISOString();
  /** A call-back, arrival or pause recorded by `username` when it happened. */
  const event = async (username: string, minAgo: number, id: string, kind: 'callback' | 'arrive' | 'pause', reason?: string) =>
    recordEvent(await as(ctx, username, ago(minAgo)), id, { kind, ...(reason ? { reason } : {}) });

  /**
   * A fault taken through the flow up to the maintenance report, by the duty operator and `engineer`,
   * times in minutes after `t0` (minutes ago): call-back, assignment by the PM (if any), arrival
   * (the work starts), and the end of the work (the report is filed 5 minutes later).
   */
  const fixFault = async (f: {
    t0: number;
    ticket: Omit<Parameters<typeof ticket>[0], 'reportedAt'>;
    engineer: string;
    at: { callback: number; assign?: number; arrive: number; finish: number };
    diagnosis: { sceneRecord: string; severity: string; emergencyActions: string; preliminaryCause: string };
    plan: { steps: string; fallbackPlan: string };
    work: { mode: 'onsite' | 'remote'; summary: string };
    report: { faultDescription: string; cause: string; actions: string; result: string; partsUsed: string };
  }): Promise<string> => {
    const { t0 } = f;
    const tk = await createTicket(await as(ctx, 'duty', ago(t0)), ticket({ ...f.ticket, reportedAt: iso(t0) }));
    await event('duty', t0 - f.at.callback, tk.id, 'callback');
    const eng = await as(ctx, f.engineer, ago(t0 - f.at.arrive));
    if (f.at.assign !== undefined) await assignTicket(await as(ctx, 'pm', ago(t0 - f.at.assign)), tk.id, eng.actor!.id);
    await event(f.engineer, t0 - f.at.arrive, tk.id, 'arrive');
    await saveDocument(eng, tk.id, 'diagnosis', f.diagnosis);
    await saveDocument(eng, tk.id, 'plan', { ...f.plan, expectedEndAt: null, needsAgencyApproval: false });
    const started = iso(t0 - f.at.arrive);
    const finished = iso(t0 - f.at.finish);
    const done = await as(ctx, f.engineer, ago(t0 - f.at.finish - 5));
    await addWorkLog(done, tk.id, { ...f.work, startAt: started, endAt: finished });
    await saveDocument(done, tk.id, 'report', { ...f.report, startedAt: started, finishedAt: finished });
    return tk.id;
  };

  // Closed three days ago and followed up: a NET fault through the whole flow.
  {
    const t0 = 3 * 24 * 60 + 180;
    const id = await fixFault({
      t0,
      ticket: {
        serviceLine: 'NET',
        category: 'fault',
        severity: 'high',
        title: '市府大楼 5 层无线 AP 全部掉线',
        description: '5 层东侧会议区无线网络无法连接，有线正常',
        requesterName: '王建国',
        requesterPhone: '010-63167838',
        requesterDepartment: '信息中心',
        assetsText: '无线 AP ×6（5 层东侧）',
      },
      engineer: 'eng.net',
      at: { callback: 3, assign: 5, arrive: 70, finish: 145 },
      diagnosis: {
        sceneRecord: '5 层弱电间 PoE 交换机告警灯常亮，6 台 AP 无供电',
        severity: 'high',
        emergencyActions: '为会议区临时接入便携式 AP',
        preliminaryCause: 'PoE 交换机供电模块过载保护',
      },
      plan: {
        steps: '1. 检查 PoE 功率预算\n2. 更换故障供电模块\n3. 逐台恢复 AP 并测试漫游',
        fallbackPlan: '备件未到则由相邻楼层交换机临时供电',
      },
      work: { mode: 'onsite', summary: '更换 PoE 交换机供电模块，6 台 AP 恢复上线，漫游测试正常' },
      report: {
        faultDescription: '市府大楼 5 层 6 台无线 AP 掉线',
        cause: 'PoE 交换机供电模块损坏',
        actions: '临时便携 AP 保障会议；更换供电模块后逐台恢复',
        result: 'AP 全部上线，信号与漫游测试正常',
        partsUsed: 'PoE 供电模块 ×1',
      },
    });
    await confirmTicket(await as(ctx, 'agency.contact', ago(t0 - 240)), id, { outcome: 'confirmed', comment: '会议区无线测试正常' });
    await recordFollowup(await as(ctx, 'pm', ago(2 * 24 * 60)), id, {
      reachable: true,
      satisfaction: 5,
      comment: '处理及时，临时措施到位',
    });
  }

  // Closed yesterday; its follow-up call is still to be made.
  {
    const t0 = 26 * 60;
    const id = await fixFault({
      t0,
      ticket: {
        serviceLine: 'SEC',
        category: 'fault',
        severity: 'medium',
        title: '防病毒服务器病毒库 3 天未更新',
        channel: 'monitoring',
        requesterName: '刘静',
        requesterPhone: '13910257731',
        requesterDepartment: '信息中心',
      },
      engineer: 'eng.sec',
      at: { callback: 2, arrive: 40, finish: 95 },
      diagnosis: {
        sceneRecord: '防病毒服务器病毒库版本停留在 3 天前，升级日志报证书错误',
        severity: 'medium',
        emergencyActions: '',
        preliminaryCause: '升级代理证书过期',
      },
      plan: { steps: '更换升级代理证书，手动触发升级并下发客户端', fallbackPlan: '' },
      work: { mode: 'remote', summary: '更换证书，病毒库升级至最新并下发全部客户端' },
      report: {
        faultDescription: '病毒库 3 天未更新',
        cause: '升级代理证书过期',
        actions: '更换证书，手动升级并下发',
        result: '服务器与客户端病毒库均为最新',
        partsUsed: '',
      },
    });
    await confirmTicket(await as(ctx, 'agency.contact', ago(t0 - 180)), id, { outcome: 'confirmed', comment: '' });
  }

  // Resolved this morning, waiting for the agency's technician to test and confirm.
  await fixFault({
    t0: 200,
    ticket: {
      serviceLine: 'NET',
      category: 'fault',
      severity: 'high',
      title: '六里桥办公区 3 层接入交换机断电',
      description: '3 层东侧约 40 个信息点断网',
      requesterName: '刘静',
      requesterPhone: '13910257731',
      requesterDepartment: '信息中心',
    },
    engineer: 'eng.net',
    at: { callback: 2, assign: 4, arrive: 55, finish: 125 },
    diagnosis: {
      sceneRecord: '3 层弱电间接入交换机电源指示灯熄灭',
      severity: 'high',
      emergencyActions: '临时改接备用交换机',
      preliminaryCause: '电源模块故障',
    },
    plan: { steps: '更换电源模块，切回原交换机，逐端口测试', fallbackPlan: '' },
    work: { mode: 'onsite', summary: '更换接入交换机电源模块，24 个端口测试正常' },
    report: {
      faultDescription: '3 层接入交换机断电，40 个信息点断网',
      cause: '交换机电源模块老化损坏',
      actions: '临时改接备用交换机恢复业务；更换电源模块后切回',
      result: '恢复正常，观察 30 分钟无异常',
      partsUsed: '电源模块 ×1',
    },
  });

  // In progress: SM fault, engineer on site, diagnosis filed.
  {
    const t0 = 95;
    const duty = await as(ctx, 'duty', ago(t0));
    const tk = await createTicket(
      duty,
      ticket({
        serviceLine: 'SM',
        category: 'fault',
        severity: 'medium',
        title: '监控中心 3 号摄像机无画面',
        requesterName: '王建国',
        requesterPhone: '010-63167838',
        requesterDepartment: '信息中心',
        reportedAt: iso(t0),
      }),
    );
    await event('duty', t0 - 3, tk.id, 'callback');
    const eng = await as(ctx, 'eng.sm', ago(t0 - 40));
    await event('eng.sm', t0 - 40, tk.id, 'arrive');
    await saveDocument(eng, tk.id, 'diagnosis', {
      sceneRecord: '摄像机供电正常，视频线接头氧化',
      severity: 'medium',
      emergencyActions: '',
      preliminaryCause: '视频线接头接触不良',
    });
  }

  // Waiting for a spare part: clocks paused with the reason.
  {
    const t0 = 150;
    const duty = await as(ctx, 'duty', ago(t0));
    const tk = await createTicket(
      duty,
      ticket({
        serviceLine: 'VC',
        category: 'fault',
        severity: 'medium',
        title: '第三会议室视频终端无法开机',
        requesterName: '王建国',
        requesterPhone: '010-63167838',
        requesterDepartment: '信息中心',
        reportedAt: iso(t0),
      }),
    );
    await event('duty', t0 - 4, tk.id, 'callback');
    await event('eng.vc', t0 - 60, tk.id, 'arrive');
    await event('eng.vc', t0 - 80, tk.id, 'pause', '等待备件：厂商寄送电源适配器，预计明日到货');
  }

  // Just in: a NET critical fault counting down to the 2-hour on-site target, and a firewall alert.
  {
    const duty = await as(ctx, 'duty', ago(50));
    const tk = await createTicket(
      duty,
      ticket({
        serviceLine: 'NET',
        category: 'fault',
        severity: 'critical',
        title: '西办公区核心交换机端口故障',
        description: '中心机房西区核心交换机多个端口频繁 up/down，2、3 号楼办公网时断时续',
        requesterName: '王建国',
        requesterPhone: '010-63167838',
        requesterDepartment: '信息中心',
        assetsText: '核心交换机（中心机房西区）',
        reportedAt: iso(50),
      }),
    );
    await event('duty', 47, tk.id, 'callback');
    await createTicket(
      await as(ctx, 'duty', ago(12)),
      ticket({
        serviceLine: 'SEC',
        category: 'fault',
        severity: 'high',
        title: '互联网出口防火墙 CPU 持续 95% 告警',
        channel: 'monitoring',
        reportedAt: iso(12),
      }),
    );
    await createTicket(
      await as(ctx, 'duty', ago(25)),
      ticket({
        serviceLine: 'VC',
        category: 'request',
        severity: 'low',
        title: '明日 9:30 第三会议室视频会议保障',
        requesterName: '王建国',
        requesterPhone: '010-63167838',
        requesterDepartment: '信息中心',
        reportedAt: iso(25),
      }),
    );
  }

  // Self-service: agency staff filed this from their desk.
  await createTicket(
    await as(ctx, 'agency.staff', ago(8)),
    ticket({
      serviceLine: 'NET',
      category: 'fault',
      severity: 'low',
      title: '办公室电脑无法打印',
      channel: 'web',
      requesterName: '赵晓燕',
      requesterPhone: '13581690243',
      requesterDepartment: '就业促进处',
    }),
  );

  // Knowledge base (R-SD-08).
  const pm = await as(ctx, 'pm', ago(0));
  for (const a of [
    {
      title: '核心交换机端口故障的排查',
      serviceLine: 'NET',
      problem: '核心交换机端口频繁 up/down，楼层网络时断时续',
      cause: '光模块老化、跳线松动或对端设备环路',
      solution: '1. 查看端口日志与光功率\n2. 更换光模块或跳线\n3. 开启环路检测并核对生成树状态',
      tags: ['交换机', '光模块'],
    },
    {
      title: '接入交换机断电的应急处置',
      serviceLine: 'NET',
      problem: '楼层接入交换机断电，整层信息点断网',
      cause: '电源模块损坏或 UPS 输出异常',
      solution: '先改接备用交换机恢复业务，再更换电源模块并逐端口测试',
      tags: ['交换机', '电源'],
    },
    {
      title: '防病毒病毒库不更新',
      serviceLine: 'SEC',
      problem: '防病毒服务器病毒库多日未更新',
      cause: '升级代理证书过期或外网代理不通',
      solution: '检查升级日志，更换证书或修复代理后手动触发升级',
      tags: ['防病毒'],
    },
    {
      title: '视频会议终端入会无声音',
      serviceLine: 'VC',
      problem: '会议室终端能看到画面，对端听不到本端声音',
      cause: '音频线松动或终端音频输入选错',
      solution: '1. 检查麦克风与终端之间的音频线\n2. 在终端菜单中将音频输入切换为会议麦克风\n3. 与对端互相试音后再开会',
      tags: ['会议终端', '音频'],
    },
    {
      title: '监控录像机硬盘告警',
      serviceLine: 'SM',
      problem: '硬盘录像机提示硬盘异常，部分通道无录像',
      cause: '硬盘坏道或硬盘已满且未开启循环覆盖',
      solution: '查看录像机硬盘状态；坏盘更换同型号硬盘并初始化；确认开启循环覆盖',
      tags: ['录像机', '硬盘'],
    },
  ])
    await createKb(pm, { ...a, sourceTicketId: null });
}
