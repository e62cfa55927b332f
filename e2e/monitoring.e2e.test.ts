// Monitoring in Chromium (issue 12 point 4): an engineer registers a device polled over SNMP from a
// real snmpd on 127.0.0.1; the device list shows its live state and the device page its interfaces
// and charts, at 1440×900 and on a 390×844 phone. A demo lab device's sensors table shows its
// temperatures; an ICMP probe pair is probed and charted on the 探测对 page, over a range chosen
// with the device page's switch. On 告警阈值 an engineer adds a device's own threshold, edits and
// deletes it, at 1440×900 and on the phone.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startSnmpd, startSnmpsim, COMMUNITY } from '../src/server/modules/monitoring/test/agents.ts';
import { lldpAgent } from '../src/server/modules/monitoring/test/lldp.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, pickOption, signInAt } from './shots.ts';

const env = useProduct();

describe('monitoring', () => {
  it('shows the device list and a device page with interfaces and charts', async () => {
    const snmpd = await startSnmpd();
    const core = await startSnmpsim(
      'e2e-core',
      lldpAgent('CORE-A', [
        [1, 'GE0/0/1', 'EGOV-B', 'GE1/0/1'],
        [2, 'GE0/0/2', 'ACC-4F', 'GE1/0/24'],
      ]),
    );
    const egov = await startSnmpsim('e2e-egov', lldpAgent('EGOV-B', [[1, 'GE1/0/1', 'CORE-A', 'GE0/0/1']]));
    const { ctx, page } = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'eng.net', DEMO_PASSWORD);
      const dev = await call<{ id: string }>(page, 'POST', '/api/monitoring/devices', {
        name: '本机 snmpd',
        address: '127.0.0.1',
        icmp: true,
        snmp: { version: '2c', community: COMMUNITY, port: snmpd.port },
      });
      await expect
        .poll(async () => (await call<{ snmpState: string | null }>(page, 'GET', `/api/monitoring/devices/${dev.id}`)).snmpState, {
          timeout: 20_000,
        })
        .toBe('ok');
      await page.goto(`${env.base}/monitoring`);
      await page.getByText('本机 snmpd').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-list.png'), fullPage: true });
      await page.goto(`${env.base}/monitoring/${dev.id}`);
      await page.getByText('lo', { exact: true }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-device.png'), fullPage: true });
      // The duty room's wall: every device a tile, the polled snmpd green. Looked at before the linkDown trap
      // below: that trap opens a link alert at the next minute's evaluation, and the tile turns red.
      await page.goto(`${env.base}/monitoring/wall`);
      await page.getByText('网络监控大屏').waitFor({ timeout: 15_000 });
      const tile = page.getByTestId('wall-tile').filter({ hasText: '本机 snmpd' });
      await expect.poll(() => tile.getAttribute('data-level')).toBe('ok');
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-wall.png'), fullPage: true });
      // Issue 12 point 3: a linkDown trap from the device's address lands on its page as an event.
      await promisify(execFile)('snmptrap', [
        '-M',
        '/dev/null',
        '-v',
        '2c',
        '-c',
        'public',
        `127.0.0.1:${env.trapPort}`,
        '',
        '1.3.6.1.6.3.1.1.5.3',
        '1.3.6.1.2.1.2.2.1.1.2',
        'i',
        '2',
      ]);
      // The receiver writes in batches: wait for the event to be stored, then look at the page.
      await expect
        .poll(async () => (await call<{ items: unknown[] }>(page, 'GET', `/api/monitoring/devices/${dev.id}/traps`)).items.length, {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      await page.goto(`${env.base}/monitoring/${dev.id}`);
      await page.getByText('linkDown').first().waitFor({ timeout: 15_000 });
      await page.getByText('SNMP Trap 事件').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-device-traps.png') });
      // The topology: two simulated devices whose LLDP names each other and an unmanaged switch.
      // The demo lab's devices draw their own links; count only those of the two added here.
      const added = new Set<string>();
      for (const [community, sim] of [
        ['e2e-core', core],
        ['e2e-egov', egov],
      ] as const) {
        const d = await call<{ id: string }>(page, 'POST', '/api/monitoring/devices', {
          name: community === 'e2e-core' ? '核心交换机 A' : '政务外网路由器 B',
          address: '127.0.0.1',
          snmp: { version: '2c', community, port: sim.port },
        });
        added.add(d.id);
      }
      const ours = async () =>
        (await call<{ links: { source: string; target: string }[] }>(page, 'GET', '/api/monitoring/topology')).links.filter(
          (l) => added.has(l.source) || added.has(l.target),
        ).length;
      await expect.poll(ours, { timeout: 30_000 }).toBe(2);
      await page.goto(`${env.base}/monitoring/topology`);
      await page.getByTestId('topology').locator('canvas').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(2500); // the force layout settles
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-topology.png'), fullPage: true });
      await signInAt(env.base, phone.page, 'eng.net', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/monitoring/${dev.id}`);
      await phone.page.getByText('lo', { exact: true }).first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(1000);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-monitoring-device-phone.png'), fullPage: true });
    } finally {
      await ctx.close();
      await phone.ctx.close();
      await snmpd.stop();
      await core.stop();
      await egov.stop();
    }
  }, 180_000);

  it("shows a demo device's sensors, and a probe pair with its chart", async () => {
    const { ctx, page } = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'eng.net', DEMO_PASSWORD);
      type Sensors = { sensors: { kind: string; name: string; value: number | null }[] };
      const [demo] = (
        await call<{ items: { id: string }[] }>(page, 'GET', `/api/monitoring/devices?q=${encodeURIComponent('核心交换机 1')}`)
      ).items;
      // The lab agent answers ENTITY-SENSOR-MIB; the collectors poll the demo devices every minute.
      await expect
        .poll(
          async () =>
            (await call<Sensors>(page, 'GET', `/api/monitoring/devices/${demo!.id}`)).sensors.filter((x) => x.kind === 'temperature')
              .length,
          { timeout: 90_000, interval: 2000 },
        )
        .toBe(2);
      await page.goto(`${env.base}/monitoring/${demo!.id}`);
      const card = page.locator('.ant-card').filter({ hasText: '温度、风扇与电源' });
      const row = card.locator('tr').filter({ hasText: '主控板温度' });
      await row.waitFor({ timeout: 15_000 });
      await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toMatch(/主控板温度 温度 \d+(\.\d+)? ℃ 运行正常/);
      await card.scrollIntoViewIfNeeded();
      await page.waitForTimeout(1000);
      await card.screenshot({ path: join(SHOTS, 'e2e-monitoring-sensors.png') });

      // A probe pair from the monitoring node to the lab's address: probed, listed, charted.
      const pair = await call<{ id: string }>(page, 'POST', '/api/monitoring/pairs', { name: '监控节点→本机', target: '127.0.0.1' });
      await expect
        .poll(async () => (await call<{ icmpState: string | null }>(page, 'GET', `/api/monitoring/pairs/${pair.id}`)).icmpState, {
          timeout: 40_000,
          interval: 1000,
        })
        .toBe('ok');
      await page.goto(`${env.base}/monitoring/pairs?focus=${pair.id}`);
      await page.getByTestId('pair-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('tr').filter({ hasText: '监控节点→本机' }).innerText()).toContain('可达');
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-pairs.png'), fullPage: true });
      // The pair chart's range (the device page's switch): 30 days asks the server for a 30-day span.
      const ranged = async (p: typeof page, label: string, days: number) => {
        const asked = p.waitForResponse((r) => r.url().includes(`/api/monitoring/pairs/${pair.id}/metrics`));
        await p.getByTestId('pair-chart').getByTestId('chart-range').getByText(label, { exact: true }).click();
        const res = await asked;
        expect(res.status()).toBe(200);
        const q = new URL(res.url()).searchParams;
        expect(new Date(q.get('to')!).getTime() - new Date(q.get('from')!).getTime()).toBe(days * 86_400_000);
        await p.waitForTimeout(800);
      };
      await ranged(page, '30d', 30);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-pairs-30d.png'), fullPage: true });
      await signInAt(env.base, phone.page, 'eng.net', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/monitoring/pairs?focus=${pair.id}`);
      await phone.page.getByTestId('pair-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(1000);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-monitoring-pairs-phone.png'), fullPage: true });
      await ranged(phone.page, '7d', 7);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-monitoring-pairs-7d-phone.png'), fullPage: true });
    } finally {
      await ctx.close();
      await phone.ctx.close();
    }
  }, 180_000);

  it('adds, edits and deletes a threshold on 告警阈值', async () => {
    const { ctx, page } = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, page, 'eng.net', DEMO_PASSWORD);
      const [demo] = (
        await call<{ items: { id: string; name: string }[] }>(
          page,
          'GET',
          `/api/monitoring/devices?q=${encodeURIComponent('核心交换机 1')}`,
        )
      ).items;
      await page.goto(`${env.base}/monitoring`);
      await page.locator('.ant-menu').getByText('告警阈值', { exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/monitoring/thresholds');
      await page.locator('tr').filter({ hasText: '带宽利用率过高' }).first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-thresholds.png'), fullPage: true });

      // Add: a device's own utilisation threshold, the rule list restricted to what fits a device.
      await page.getByRole('button', { name: '单独设置阈值' }).click();
      const modal = page.locator('.ant-modal').filter({ hasText: '单独设置阈值' });
      // the 设备 select (a radio is labelled 设备 too)
      await pickOption(page, modal.locator('#deviceId'), demo!.name, { exact: true, typed: demo!.name });
      await modal.getByLabel('规则').click();
      const ruleList = page.locator('.ant-select-dropdown:visible');
      await expect.poll(() => ruleList.getByText('探测丢包率过高').count()).toBe(0); // pair-only: not offered
      await ruleList.getByText('带宽利用率过高', { exact: true }).click();
      await expect.poll(() => modal.getByLabel('告警值').inputValue()).toBe('80'); // from the default
      await modal.getByLabel('告警值').fill('90');
      await modal.getByLabel('解除值').fill('85');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-threshold-add.png') });
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      const row = page.locator('tr').filter({ hasText: demo!.name }).filter({ hasText: '带宽利用率过高' });
      await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toMatch(/90% 85%/);

      // Edit: raise to 95 %, five minutes, severity high.
      await row.getByRole('button', { name: '编辑' }).click();
      const edit = page.locator('.ant-modal').filter({ hasText: '修改阈值' });
      await edit.getByLabel('告警值').fill('95');
      await edit.getByLabel('持续时间').fill('300');
      await pickOption(page, edit.getByLabel('级别'), '高', { exact: true });
      await edit.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toMatch(/95% 85% 5 分钟 高/);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-monitoring-thresholds-edited.png'), fullPage: true });

      // The phone: the same list scrolls sideways, filtered to the device from its page's link.
      await signInAt(env.base, phone.page, 'eng.net', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/monitoring/thresholds`);
      await phone.page.locator('tr').filter({ hasText: '设备不可达' }).first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(800);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-monitoring-thresholds-phone.png'), fullPage: true });
      await phone.page.goto(`${env.base}/monitoring/${demo!.id}`);
      await phone.page.getByRole('link', { name: '告警阈值' }).click();
      await phone.page.locator('tr').filter({ hasText: '带宽利用率过高' }).first().waitFor({ timeout: 15_000 });
      await phone.page.waitForTimeout(800);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-monitoring-thresholds-device-phone.png'), fullPage: true });

      // Delete: the override goes (a default has no delete button).
      const def = page.locator('tr').filter({ hasText: '默认' }).filter({ hasText: '带宽利用率过高' });
      expect(await def.getByRole('button', { name: '删除' }).count()).toBe(0);
      await row.getByRole('button', { name: '删除' }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await expect.poll(() => row.count()).toBe(0);
      const left = await call<{ items: { deviceId: string | null }[] }>(page, 'GET', '/api/monitoring/thresholds');
      expect(left.items.filter((x) => x.deviceId === demo!.id)).toEqual([]);
    } finally {
      await ctx.close();
      await phone.ctx.close();
    }
  }, 180_000);
});
