// Demo data of security operations (issue 13 point 10): the Huawei firewall's brute force then success
// from 203.0.113.77 is played into the event centre and correlated, so the demo's correlation alert
// exists at once; eng.sec records the response (a blocking policy on the Internet firewall) with its
// change request submitted for approval, and a port block already verified. Signatures of the demo's
// security devices are recorded by hand, the anti-virus server's 12 days ago (stale).
import { DEMO_SYSLOG_SOURCES } from '../../demo/syslog.ts';
import { demoLine } from '../../demo/lab/syslog.ts';
import { as } from '../../demo/actors.ts';
import type { Ctx } from '../../kernel/context.ts';
import { securityProducts } from '../assets/api.ts';
import { alertByKey, correlate, storeLines } from '../events/api.ts';
import { createResponse, verifyResponse } from './responses.ts';
import { putSignature } from './signatures.ts';

export const DEMO_ATTACKER = '203.0.113.77';
const DAY = 86_400_000;

async function playBruteForce(ctx: Ctx): Promise<void> {
  const usg = DEMO_SYSLOG_SOURCES.find((s) => s.vendor === 'huawei')!;
  const a = { outside: DEMO_ATTACKER, pc: '10.8.2.31', server: '10.8.100.10', port: 52211 };
  const at = new Date(ctx.now().getTime() - 3 * 60_000);
  await storeLines(
    ctx,
    usg.address,
    Array.from({ length: 6 }, () => demoLine(usg, 1, at, a)),
    at,
  );
  const ok = new Date(at.getTime() + 60_000);
  await storeLines(ctx, usg.address, [demoLine(usg, 2, ok, a)], ok);
  await correlate(ctx);
}

const SIGNATURES: { name: string; engine: string; signature: string; virus: string; daysAgo: number }[] = [
  { name: '互联网出口防火墙', engine: 'AF8.0.85-E2', signature: '20261205.1', virus: '20261205.3', daysAgo: 1 },
  { name: '电子政务外网防火墙', engine: 'V3.3.020', signature: '3.0.2026.1204', virus: '', daysAgo: 2 },
  { name: '入侵防御系统（IPS）', engine: '5.6.11', signature: '5.6.11.31780', virus: '', daysAgo: 1 },
  { name: '防病毒服务器', engine: '10.0.0.6200', signature: '', virus: '2026.11.24.01', daysAgo: 12 },
];

export async function loadSecopsDemo(ctx: Ctx): Promise<void> {
  const eng = await as(ctx, 'eng.sec');
  const products = await securityProducts(ctx);
  for (const s of SIGNATURES) {
    const p = products.find((x) => x.name === s.name);
    if (!p) continue;
    const updatedAt = new Date(ctx.now().getTime() - s.daysAgo * DAY).toISOString();
    await putSignature(eng, p.id, { engineVersion: s.engine, signatureVersion: s.signature, virusVersion: s.virus, updatedAt });
  }
  await playBruteForce(ctx);
  const alert = await alertByKey(ctx, DEMO_ATTACKER);
  const fw = products.find((x) => x.name === '互联网出口防火墙');
  if (!alert || !fw) return;
  const blocked = await createResponse(eng, {
    alertId: alert.id,
    kind: 'port_block',
    assetId: fw.id,
    detail: `在互联网出口防火墙封堵 ${DEMO_ATTACKER} 访问管理口 TCP 22/443 的会话，并清除其已建立会话`,
    rollback: '删除临时封堵条目 blk_203_0_113_77',
    risk: 'low',
  });
  await verifyResponse(eng, blocked.id, { result: 'effective', note: '复测：该地址已无法连接管理口，登录失败日志停止' });
  await createResponse(eng, {
    alertId: alert.id,
    kind: 'firewall_policy',
    assetId: fw.id,
    detail: '新增安全策略 deny_mgmt_untrust：拒绝 untrust 区域访问设备管理口，仅允许运维审计堡垒机地址',
    rollback: '删除策略 deny_mgmt_untrust，恢复原策略顺序',
    risk: 'medium',
  });
}
