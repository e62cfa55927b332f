// Configuration backup in Chromium at 1440×900 (issue 12): an engineer registers a device (an SSH
// double on 127.0.0.1 with a Huawei prompt), backs it up, the configuration changes, backs it up
// again; the device page shows both versions, the diff with the added line, and the state.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOUBLE_PASSWORD, newHostKey, startDouble } from '../src/server/modules/configbackup/test/double.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { call, newPage, signInAt } from './shots.ts';

const env = useProduct();

describe('configuration backup', () => {
  it('shows a device with two versions and the diff between them', async () => {
    let config = 'sysname CORE-SW1\n#\ninterface GigabitEthernet0/0/1\n description uplink\n#\nreturn\n';
    const double = await startDouble({ hostKey: newHostKey(), behaviour: 'vrp', config: () => config });
    const { ctx, page } = await newPage(env.browser);
    try {
      await signInAt(env.base, page, 'eng.net', DEMO_PASSWORD);
      const dev = await call<{ id: string }>(page, 'POST', '/api/config-backup/devices', {
        name: '西区核心交换机',
        address: '127.0.0.1',
        port: double.port,
        protocol: 'ssh',
        vendor: 'huawei-vrp',
        username: 'admin',
        password: DOUBLE_PASSWORD,
      });
      const backup = async () => {
        await call(page, 'POST', `/api/config-backup/devices/${dev.id}/run`, {});
        await expect
          .poll(async () => (await call<{ lastState: string }>(page, 'GET', `/api/config-backup/devices/${dev.id}`)).lastState, {
            timeout: 20_000,
          })
          .toBe('ok');
      };
      await backup();
      config = config.replace(' description uplink\n', ' description uplink-to-core\n port link-type trunk\n');
      await backup();
      await page.goto(`${env.base}/config-backup/${dev.id}`);
      await page.getByText('+ port link-type trunk').waitFor({ timeout: 15_000 });
      expect(await page.getByText('共 2 个版本').count()).toBe(1);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'e2e-config-backup-device.png'), fullPage: true });

      // Issue 12 point 2: schedule groups, the device in one of them, the list and the form.
      const core = await call<{ id: string }>(page, 'POST', '/api/config-backup/groups', {
        name: '核心网络设备',
        description: '核心交换机与出口路由器',
        everyMinutes: 240,
        windowStart: '01:00',
        windowEnd: '05:00',
        workingDaysOnly: true,
      });
      await call(page, 'POST', '/api/config-backup/groups', {
        name: '安全设备',
        dailyTimes: ['03:00'],
        windowStart: '22:00',
        windowEnd: '06:00',
      });
      await call(page, 'POST', `/api/config-backup/groups/${core.id}/devices`, { add: [dev.id] });
      await page.goto(`${env.base}/config-backup/groups`);
      await page.getByText('每 240 分钟').waitFor({ timeout: 15_000 });
      await page.screenshot({ path: join(SHOTS, 'e2e-config-backup-groups.png'), fullPage: true });
      await page.getByRole('button', { name: '编辑' }).last().click();
      await page.getByText('时间窗口开始').waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(SHOTS, 'e2e-config-backup-group-form.png') });
    } finally {
      await ctx.close();
      await double.close();
    }
  }, 120_000);
});
