// Demo spare parts and procurement (演示数据): the parts the contract's equipment needs — optical
// modules, switch power supplies and fans, surveillance disks, firewall disks, conference camera
// remote controls — stocked in the machine rooms, one part below its minimum, issues linked to the
// demo tickets; and one inquiry with three vendor quotes. All through the module's own services as
// the demo users, so moves, audit records and notifications are what the real flow leaves behind.
import { as } from './actors.ts';
import type { Ctx } from '../kernel/context.ts';
import { listTickets } from '../modules/desk/service.ts';
import { moveSpare } from '../modules/assets/spares/moves.ts';
import { createSpare } from '../modules/assets/spares/parts.ts';
import { addQuote, createProcurement } from '../modules/assets/procurement/service.ts';

const WEST = '西办公区 中心机房西区 备件柜';
const MONITOR = '监控中心 备件柜';
const LIULIQIAO = '六里桥办公区 弱电间';
const MEETING = '第三会议室 设备柜';

interface DemoPart {
  partNumber: string;
  name: string;
  vendor: string;
  model: string;
  unit: string;
  minLevel: number;
  serviceLine: 'SM' | 'NET' | 'SEC' | 'VC';
  stock: [string, number][];
}

const PARTS: DemoPart[] = [
  {
    partNumber: 'BJ-NET-001',
    name: '千兆单模光模块',
    vendor: '华为',
    model: 'SFP-GE-LX-SM1310',
    unit: '个',
    minLevel: 4,
    serviceLine: 'NET',
    stock: [
      [WEST, 8],
      [LIULIQIAO, 2],
    ],
  },
  {
    partNumber: 'BJ-NET-002',
    name: '万兆多模光模块',
    vendor: '华为',
    model: 'SFP-10G-SR',
    unit: '个',
    minLevel: 4,
    serviceLine: 'NET',
    stock: [[WEST, 6]],
  },
  {
    partNumber: 'BJ-NET-003',
    name: '接入交换机电源模块 150W',
    vendor: '华为',
    model: 'PAC150S12-R',
    unit: '个',
    minLevel: 2,
    serviceLine: 'NET',
    stock: [
      [WEST, 2],
      [LIULIQIAO, 1],
    ],
  },
  {
    partNumber: 'BJ-NET-004',
    name: '核心交换机风扇模块',
    vendor: '华为',
    model: 'FAN-12C',
    unit: '个',
    minLevel: 1,
    serviceLine: 'NET',
    stock: [[WEST, 2]],
  },
  {
    partNumber: 'BJ-NET-005',
    name: '超五类跳线 3 米',
    vendor: '安普',
    model: 'CAT5e-3M',
    unit: '根',
    minLevel: 20,
    serviceLine: 'NET',
    stock: [
      [WEST, 40],
      [LIULIQIAO, 15],
    ],
  },
  {
    partNumber: 'BJ-SM-001',
    name: '监控存储硬盘 4TB',
    vendor: '希捷',
    model: 'ST4000VX015',
    unit: '块',
    minLevel: 4,
    serviceLine: 'SM',
    stock: [[MONITOR, 6]],
  },
  {
    partNumber: 'BJ-SM-002',
    name: '半球摄像机电源适配器 12V',
    vendor: '海康威视',
    model: 'DS-2FA1202',
    unit: '个',
    minLevel: 3,
    serviceLine: 'SM',
    stock: [[MONITOR, 5]],
  },
  {
    partNumber: 'BJ-SEC-001',
    name: '防火墙日志硬盘 1TB',
    vendor: '天融信',
    model: 'HDD-1T-SATA',
    unit: '块',
    minLevel: 1,
    serviceLine: 'SEC',
    stock: [[WEST, 2]],
  },
  {
    partNumber: 'BJ-VC-001',
    name: '会议摄像机遥控器',
    vendor: '宝利通',
    model: 'EagleEye IV 遥控器',
    unit: '个',
    minLevel: 2,
    serviceLine: 'VC',
    stock: [[MEETING, 3]],
  },
  {
    partNumber: 'BJ-VC-002',
    name: '视频终端电源适配器',
    vendor: '宝利通',
    model: 'Group 500 PSU',
    unit: '个',
    minLevel: 1,
    serviceLine: 'VC',
    stock: [[MEETING, 1]],
  },
  {
    partNumber: 'BJ-VC-003',
    name: '全向麦克风',
    vendor: '宝利通',
    model: 'SoundStation IP 7000 扩展麦',
    unit: '个',
    minLevel: 2,
    serviceLine: 'VC',
    stock: [[MEETING, 2]],
  },
];

export async function loadSparesDemo(ctx: Ctx): Promise<void> {
  const pm = await as(ctx, 'pm');
  const ids: Record<string, string> = {};
  for (const p of PARTS) {
    const { stock, ...fields } = p;
    ids[p.partNumber] = (await createSpare(pm, { ...fields, classCode: null, notes: '' })).id;
    for (const [location, qty] of stock) await moveSpare(pm, ids[p.partNumber]!, { kind: 'receipt', location, qty, note: '年度备件入库' });
  }
  const ticketId = async (who: Ctx, q: string) => (await listTickets(who, { q, page: 1, pageSize: 1 })).items[0]?.id ?? null;

  // 六里桥 access switch lost power: a power module issued for that ticket.
  const engNet = await as(ctx, 'eng.net');
  const psuTicket = await ticketId(engNet, '接入交换机断电');
  if (psuTicket)
    await moveSpare(engNet, ids['BJ-NET-003']!, {
      kind: 'issue',
      location: LIULIQIAO,
      qty: 1,
      ticketId: psuTicket,
      note: '更换 3 层接入交换机电源模块',
    });
  // Core switch port fault: an optical module reserved for it.
  const portTicket = await ticketId(engNet, '核心交换机端口故障');
  if (portTicket)
    await moveSpare(engNet, ids['BJ-NET-001']!, {
      kind: 'reserve',
      location: WEST,
      qty: 1,
      ticketId: portTicket,
      note: '端口故障排查备用',
    });
  // Conference terminal will not start: the video terminal PSU issued — the part falls below its minimum.
  const engVc = await as(ctx, 'eng.vc');
  const vcTicket = await ticketId(engVc, '视频终端无法开机');
  if (vcTicket)
    await moveSpare(engVc, ids['BJ-VC-002']!, { kind: 'issue', location: MEETING, qty: 1, ticketId: vcTicket, note: '临时替换电源适配器' });
  // Surveillance disks: two issued, the stock stays just at the minimum.
  const engSm = await as(ctx, 'eng.sm');
  const camTicket = await ticketId(engSm, '摄像机无画面');
  if (camTicket)
    await moveSpare(engSm, ids['BJ-SM-002']!, { kind: 'issue', location: MONITOR, qty: 1, ticketId: camTicket, note: '更换摄像机电源' });

  // One inquiry with three vendor quotes.
  const p = await createProcurement(pm, {
    title: '六里桥办公区接入交换机更换（停保设备）',
    needs: '替换 3 台已停保的接入交换机：24 口千兆电口、4 口万兆光口，支持 802.1X 与 SNMPv3，双电源。',
    classCode: null,
    quantity: 3,
  });
  const validUntil = new Date(ctx.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  await addQuote(pm, p.id, {
    vendor: '华为',
    model: 'S5735-L24T4X-A1',
    unitPrice: 6800,
    fitScore: 5,
    functionNotes: '与现网核心同品牌，统一网管；双电源为选配（已含）',
    validUntil,
  });
  await addQuote(pm, p.id, {
    vendor: '新华三',
    model: 'S5130S-28S-HI',
    unitPrice: 5200,
    fitScore: 3,
    functionNotes: '价格最低；需另配网管授权，802.1X 与现网认证服务器需联调',
    validUntil,
  });
  await addQuote(pm, p.id, {
    vendor: '锐捷',
    model: 'RG-S5310-24GT4XS-E',
    unitPrice: 5600,
    fitScore: 4,
    functionNotes: '功能满足；单电源，冗余电源需加价 400 元',
    validUntil,
  });
}
