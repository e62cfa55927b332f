// Demo assets (演示数据): the equipment the 2021 contract maintains, in its sites and rooms — core
// and access switches, routers, firewalls, IPS, the anti-virus server, servers, the monitoring
// centre's equipment and the video conference equipment of the five conference systems in 第三会议室.
// Vendors, models, serials, IPs, racks and dates are invented; dates are relative to the day the
// demo is loaded, so a few warranties run out within 90 days and one device is past end of support.
// Everything goes through the module's own services as the demo users (engineers register, the
// finance officer keeps the finance record, the department custodian the usage record), so history
// and audit are what the real flow leaves behind.
import { addRelation } from '../modules/assets/topology/relations.ts';
import { createLine } from '../modules/assets/topology/lines.ts';
import type { TLineInput, TRelationInput } from '../../common/asset-movements.ts';
import type { TAssetCreate, TAssetInput } from '../../common/assets.ts';
import { ZAssetInput } from '../../common/assets.ts';
import { as } from './actors.ts';
import { deviceAssets } from './assets-devices.ts';
import { networkAssets } from './assets-network.ts';
import type { Ctx } from '../kernel/context.ts';
import { listDepartments, listPeople, listRooms, listSites } from '../modules/org/api.ts';
import { listTickets } from '../modules/desk/service.ts';
import { appendHistory } from '../modules/assets/register/history.ts';
import { createAsset, updateAsset } from '../modules/assets/register/records.ts';
import { inTx } from '../kernel/context.ts';

export type DemoAsset = TAssetCreate & {
  room?: string;
  by: string;
  finance?: { originalValue: string; assetCardNumber: string; acquiredOn: string; depreciationYears: number };
  dept?: string;
  custodian?: string;
  /** A demo ticket (by title) this asset was the subject of. */
  ticket?: string;
};

/** Loads the demo assets; numbers come from the default rule (e.g. NET-WEST-00001). */
export async function loadAssetsDemo(ctx: Ctx): Promise<void> {
  const today = ctx.now();
  const day = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const sites = new Map((await listSites(ctx, 100)).map((s) => [s.code, s.id]));
  const rooms = new Map((await listRooms(ctx, 500)).map((r) => [r.code, r]));
  if (!sites.size) return;
  const depts = new Map((await listDepartments(ctx, 100)).map((d) => [d.name, d.id]));
  const people = new Map((await listPeople(ctx, 500)).map((p) => [p.name, p.id]));
  const list: DemoAsset[] = [...networkAssets(day), ...deviceAssets(day)];

  const who = new Map<string, Ctx>();
  const actor = async (u: string) => who.get(u) ?? (who.set(u, await as(ctx, u)), who.get(u)!);
  const finance = await actor('agency.finance');
  const idOf = new Map<string, string>();
  const custodian = await actor('agency.dept');
  for (const d of list) {
    const { room, by, finance: f, dept, custodian: person, ticket, ...rest } = d;
    const r = room ? rooms.get(room) : undefined;
    const input: TAssetInput = ZAssetInput.parse({
      ...rest,
      siteId: r?.siteId ?? null,
      roomId: r?.id ?? null,
      building: rest.building ?? r?.building ?? '',
    });
    const a = await createAsset(await actor(by), input);
    idOf.set(input.name, a.id);
    if (f) await updateAsset(finance, a.id, f);
    if (dept || person)
      await updateAsset(custodian, a.id, {
        usingDepartmentId: dept ? (depts.get(dept) ?? null) : null,
        custodianPersonId: person ? (people.get(person) ?? null) : null,
      });
    if (ticket) {
      const engCtx = await actor(by);
      const tk = (await listTickets(ctx, { q: ticket, page: 1, pageSize: 1 })).items[0];
      if (tk)
        await inTx(engCtx, (tx) =>
          appendHistory(tx, a.id, 'ticket', `运维单 ${tk.number}：${tk.title}`, { ticketNumber: tk.number }, tk.id),
        );
    }
  }

  // The network as it is cabled (R-AST-03, point 5): the core pair, the exits behind the firewalls,
  // the branch sites on their aggregation switches, the security devices that depend on the core.
  const net = await actor('eng.net');
  const id = (name: string) => idOf.get(name);
  const relations: [string, string, TRelationInput['kind'], string, string][] = [
    ['核心交换机 1', '核心交换机 2', 'connected_to', '100GE1/0/47', '100GE1/0/47'],
    ['互联网出口防火墙', '核心交换机 1', 'connected_to', 'GE1/0/1', '10GE1/0/1'],
    ['互联网出口路由器', '互联网出口防火墙', 'connected_to', 'GE0/0/1', 'GE1/0/0'],
    ['电子政务外网防火墙', '核心交换机 2', 'connected_to', 'GE1/0/1', '10GE1/0/1'],
    ['电子政务外网路由器', '电子政务外网防火墙', 'connected_to', 'GE0/0/1', 'GE1/0/0'],
    ['六里桥汇聚交换机', '核心交换机 1', 'connected_to', '10GE1/0/49', '10GE2/0/1'],
    ['六里桥 3 层接入交换机', '六里桥汇聚交换机', 'connected_to', 'GE0/0/49', 'GE1/0/3'],
    ['市府大楼汇聚交换机', '核心交换机 2', 'connected_to', '10GE1/0/49', '10GE2/0/1'],
    ['市府大楼 5 层无线控制器', '市府大楼汇聚交换机', 'connected_to', 'GE0/0/1', 'GE1/0/12'],
    ['入侵防御系统（IPS）', '核心交换机 1', 'depends_on', '', ''],
    ['日志审计系统', '核心交换机 1', 'depends_on', '', ''],
    ['流量管理系统', '互联网出口路由器', 'depends_on', '', ''],
  ];
  for (const [from, to, kind, fromPort, toPort] of relations) {
    const a = id(from);
    const b = id(to);
    if (a && b) await addRelation(net, a, { toId: b, kind, fromPort, toPort, note: '' });
  }
  const lines: TLineInput[] = [
    {
      label: 'XBG-CORE-01/02',
      kind: 'fiber',
      networkDomain: 'egov',
      fromAssetId: id('核心交换机 1') ?? null,
      fromPort: '100GE1/0/47',
      toAssetId: id('核心交换机 2') ?? null,
      toPort: '100GE1/0/47',
      carrier: '',
      circuitId: '',
      bandwidth: '100G',
      notes: '核心互联（演示数据）',
    },
    {
      label: 'LLQ-UPLINK-01',
      kind: 'carrier',
      networkDomain: 'egov',
      fromAssetId: id('六里桥汇聚交换机') ?? null,
      fromPort: '10GE1/0/49',
      toAssetId: id('核心交换机 1') ?? null,
      toPort: '10GE2/0/1',
      carrier: '中国联通',
      circuitId: 'BJ-LT-MSTP-20210917',
      bandwidth: '1G',
      notes: '六里桥办公区至西办公区专线（演示数据）',
    },
    {
      label: 'SFDL-UPLINK-01',
      kind: 'carrier',
      networkDomain: 'egov',
      fromAssetId: id('市府大楼汇聚交换机') ?? null,
      fromPort: '10GE1/0/49',
      toAssetId: id('核心交换机 2') ?? null,
      toPort: '10GE2/0/1',
      carrier: '中国电信',
      circuitId: 'BJ-DX-SDH-20190311',
      bandwidth: '1G',
      notes: '市府大楼至西办公区专线（演示数据）',
    },
    {
      label: 'INET-EXIT-01',
      kind: 'carrier',
      networkDomain: 'internet',
      fromAssetId: id('互联网出口路由器') ?? null,
      fromPort: 'GE0/0/0',
      toAssetId: null,
      toPort: '',
      carrier: '中国电信',
      circuitId: 'BJ-DX-INET-0921',
      bandwidth: '500M',
      notes: '互联网出口（演示数据）',
    },
  ];
  for (const l of lines) await createLine(net, l);
}
