// Prefill from the real monitoring module (issue 14): a device registered in monitoring over SNMP
// against Debian's snmpd on 127.0.0.1 and linked to an asset; the sheet opened afterwards carries what
// the monitoring device page shows (memory, CPU, interface errors, open alerts), and says where there
// is no data (not probed by ICMP, no configuration backup, no temperature sensor on snmpd); a security product's
// signature age is the one the security operations board shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMonDeviceDetail } from '../../../common/monitoring.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { setSnmpLimits } from '../monitoring/collectors.ts';
import { COMMUNITY, startSnmpd, type Agent as SnmpAgent } from '../monitoring/test/agents.ts';
import { device, register } from '../monitoring/test/helpers.ts';
import { generate, item, netAsset, open, sheetsOn, template } from './test/helpers.ts';

let t: TestApp;
let snmpd: SnmpAgent;
let eng: Agent;
let pm: Agent;

beforeAll(async () => {
  snmpd = await startSnmpd();
  t = await testApp({ clock: new Clock(new Date('2025-10-11T10:00:00+08:00')) });
  setSnmpLimits({ timeoutMs: 700, retries: 0 });
  eng = await t.userAgent('eng.pre', ['engineer'], { serviceLines: ['NET', 'SEC'] });
  pm = await t.userAgent('pm.pre', ['contractor_pm']);
}, 60_000);
afterAll(async () => {
  setSnmpLimits({});
  await t?.close();
  await snmpd?.stop();
});

describe('prefill from monitoring', () => {
  it('reads the linked device as monitoring sees it at the moment the sheet opens', async () => {
    const asset = await netAsset(eng, '汇聚交换机 snmpd');
    const mon = await register(eng, {
      name: 'snmpd 设备',
      assetId: asset.id,
      snmp: { version: '2c', community: COMMUNITY, port: snmpd.port },
    });
    const d: TMonDeviceDetail = await device(eng, mon.id);
    expect(d.snmpState).toBe('ok');
    expect(d.memPct).not.toBeNull();
    await template(pm, {
      schedule: 'daily',
      items: [
        item('reachable', '设备在线', { prefill: 'reachable' }),
        item('cpu', 'CPU', { kind: 'range', min: 0, max: 80, prefill: 'cpu' }),
        item('memory', '内存', { kind: 'range', min: 0, max: 100, prefill: 'memory' }),
        item('errors', '接口错误包', { kind: 'range', min: 0, max: 100, prefill: 'if_errors' }),
        item('alerts', '未关闭告警', { kind: 'range', min: 0, max: 0, prefill: 'open_alerts' }),
        item('backup', '配置备份', { kind: 'range', min: 0, max: 7, prefill: 'backup_age' }),
        item('temp', '温度', { kind: 'range', min: 10, max: 45, prefill: 'temperature' }),
      ],
    });
    // The daily sheet of the make-up Saturday (a working day).
    expect(await generate(pm, '2025-10-11')).toBe(1);
    const list = await sheetsOn(eng, '2025-10-11');
    const s = await open(eng, list[0]!.id);
    const v = (key: string) => s.items.find((i) => i.key === key)!;
    const round1 = (n: number | null) => (n === null ? null : String(Math.round(n * 10) / 10));
    const errors = d.interfaces.reduce((n, i) => n + Number(i.inErrors ?? 0) + Number(i.outErrors ?? 0), 0);
    expect(v('memory').value).toBe(round1(d.memPct));
    expect(v('cpu').value).toBe(round1(d.cpuPct));
    expect(v('errors').value).toBe(String(errors));
    expect(v('alerts').value).toBe(String(d.openAlerts));
    expect(v('memory').prefill?.note).toMatch(/^监控 \d{4}-/);
    expect(v('reachable').prefill).toMatchObject({ value: null, note: '监控尚未探测' });
    expect(v('backup').prefill).toMatchObject({ value: null, note: '未纳入配置备份' });
    expect(v('temp').prefill).toMatchObject({ value: null, note: '监控无温度数据' });
    expect(s.prefilledAt).not.toBeNull();
  });

  it('reads the signature age of a security product from the security operations board', async () => {
    const fw = json<{ id: string }>(
      await eng.post('/api/assets', { name: '出口防火墙', classCode: 'A02010301', serviceLine: 'SEC', status: 'in_use' }),
    );
    const other = json<{ id: string }>(
      await eng.post('/api/assets', { name: '防火墙（未登记特征库）', classCode: 'A02010301', serviceLine: 'SEC', status: 'in_use' }),
    );
    const updatedAt = new Date(t.clock.now().getTime() - 9 * 86_400_000).toISOString();
    const put = await eng.put(`/api/secops/signatures/${fw.id}`, { signatureVersion: 'S-20251002', updatedAt });
    expect(put.statusCode, put.body).toBe(200);
    await template(pm, {
      name: '安全设备日巡检',
      serviceLine: 'SEC',
      deviceKinds: ['security'],
      schedule: 'daily',
      items: [item('sig', '特征库天数', { kind: 'range', min: 0, max: 7, prefill: 'signature_age' })],
    });
    await generate(pm, '2025-10-11');
    const [sheet] = await sheetsOn(eng, '2025-10-11', 'SEC');
    const s = await open(eng, sheet!.id);
    const row = (assetId: string) => s.items.find((i) => i.key === 'sig' && i.assetId === assetId)!;
    expect(row(fw.id).value).toBe('9');
    expect(row(fw.id).prefill?.note).toContain('S-20251002');
    expect(row(other.id).prefill).toMatchObject({ value: null, note: '未记录特征库更新' });
  });
});
