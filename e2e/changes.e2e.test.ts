// Changes in Chromium (issue 12 point 1): the agency contact approves the demo's normal change on a
// 390×844 phone (the project manager approved it already), and the network engineer reads the change
// list, the change page with its approval steps, and a device's maintenance archive at 1440×900.
// Then the whole story with an SSH device on 127.0.0.1: a configuration change nobody approved opens a
// ticket; the engineer files a change, the agency approves it on a phone, the implementation backs the
// device up before and after, and the change page shows the diff.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOUBLE_PASSWORD, newHostKey, startDouble } from '../src/server/modules/configbackup/test/double.ts';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { PHONE, call, newPage, signInAt } from './shots.ts';

const env = useProduct();
const NORMAL = '电子政务外网路由器 OSPF 开销调整';

interface ChangeRow {
  id: string;
  title: string;
  state: string;
}

describe('changes', () => {
  it('the agency contact approves a change on a phone; the engineer reads list, change and archive', async () => {
    const phone = await newPage(env.browser, PHONE);
    const desk = await newPage(env.browser);
    try {
      await signInAt(env.base, phone.page, 'agency.contact', DEMO_PASSWORD);
      const list = await call<{ items: ChangeRow[] }>(phone.page, 'GET', '/api/changes?pageSize=50');
      const normal = list.items.find((c) => c.title === NORMAL);
      expect(normal?.state).toBe('submitted');
      await phone.page.goto(`${env.base}/changes/${normal!.id}`);
      await phone.page.getByText(NORMAL).first().waitFor({ timeout: 15_000 });
      await phone.page.getByPlaceholder('意见或说明（可选）').fill('同意，请在窗口内完成并保留前后配置备份');
      await phone.page.waitForTimeout(300);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-changes-approve-phone.png'), fullPage: true });
      await phone.page.getByRole('button', { name: /^同\s*意$/ }).click();
      await expect
        .poll(async () => (await call<ChangeRow>(phone.page, 'GET', `/api/changes/${normal!.id}`)).state, { timeout: 15_000 })
        .toBe('approved');

      await signInAt(env.base, desk.page, 'eng.net', DEMO_PASSWORD);
      await desk.page.goto(`${env.base}/changes`);
      await desk.page.getByText(NORMAL).first().waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-changes-list.png'), fullPage: true });
      await desk.page.goto(`${env.base}/changes/${normal!.id}`);
      // The approval is on the page: the agency contact's step is done, with the comment.
      await desk.page.getByText('同意，请在窗口内完成并保留前后配置备份').first().waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(500);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-changes-change.png'), fullPage: true });
      const detail = await call<{ devices: { deviceId: string; name: string }[] }>(desk.page, 'GET', `/api/changes/${normal!.id}`);
      if (detail.devices[0]) {
        await desk.page.goto(`${env.base}/changes/archive/${detail.devices[0].deviceId}`);
        await desk.page.getByText(NORMAL).first().waitFor({ timeout: 15_000 });
        await desk.page.waitForTimeout(500);
        await desk.page.screenshot({ path: join(SHOTS, 'e2e-changes-archive.png'), fullPage: true });
      }
    } finally {
      await phone.ctx.close();
      await desk.ctx.close();
    }
  }, 180_000);

  it('a diff alert opens a ticket; a change approved on a phone backs up before and after and shows the diff', async () => {
    const NAME = '西区汇聚交换机 E2E';
    let config = '#\nsysname WEST-AGG\n#\ninterface Vlanif20\n ip address 10.20.0.1 255.255.255.0\n#\nreturn\n';
    const double = await startDouble({ hostKey: newHostKey(), behaviour: 'vrp', config: () => config });
    const eng = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, eng.page, 'eng.net', DEMO_PASSWORD);
      const dev = await call<{ id: string }>(eng.page, 'POST', '/api/config-backup/devices', {
        name: NAME,
        address: '127.0.0.1',
        port: double.port,
        protocol: 'ssh',
        vendor: 'huawei-vrp',
        username: 'admin',
        password: DOUBLE_PASSWORD,
      });
      const backup = async () => {
        const before = (await call<{ total: number }>(eng.page, 'GET', `/api/config-backup/devices/${dev.id}/versions`)).total;
        await call(eng.page, 'POST', `/api/config-backup/devices/${dev.id}/run`, {});
        await expect
          .poll(async () => (await call<{ total: number }>(eng.page, 'GET', `/api/config-backup/devices/${dev.id}/versions`)).total, {
            timeout: 20_000,
          })
          .toBe(before + 1);
      };
      await backup(); // the first version: never an alert
      // Someone changes the device with no approved change: a ticket on the NET line.
      config = config.replace('#\nreturn', 'interface Vlanif30\n ip address 10.30.0.1 255.255.255.0\n#\nreturn');
      await backup();
      const q = encodeURIComponent(NAME);
      await expect
        .poll(async () => (await call<{ total: number }>(eng.page, 'GET', `/api/tickets?q=${q}`)).total, { timeout: 15_000 })
        .toBe(1);
      const ticket = (await call<{ items: { id: string }[] }>(eng.page, 'GET', `/api/tickets?q=${q}`)).items[0]!;
      await eng.page.goto(`${env.base}/desk/${ticket.id}`);
      await eng.page.getByText(`设备配置发生未经批准的变化：${NAME}`).first().waitFor({ timeout: 15_000 });
      await eng.page.waitForTimeout(500);
      await eng.page.screenshot({ path: join(SHOTS, 'e2e-changes-story-ticket.png'), fullPage: true });

      // The engineer files a change for tonight's work, starting now; the project manager approves.
      const now = Date.now();
      const change = await call<{ id: string; number: string }>(eng.page, 'POST', '/api/changes', {
        type: 'normal',
        title: '西区汇聚交换机新增视频会议 VLAN',
        category: 'configuration',
        risk: 'medium',
        reason: '视频会议终端单独划分 VLAN 40，保障会议质量',
        basis: 'notice',
        basisText: '信息中心《关于视频会议网络调整的通知》',
        deviceIds: [dev.id],
        systems: '',
        plannedStart: new Date(now - 5 * 60_000).toISOString(),
        plannedEnd: new Date(now + 2 * 3600_000).toISOString(),
        steps: '1. 备份配置\n2. 新增 Vlanif40\n3. 验证会议终端',
        rollback: '删除 Vlanif40',
      });
      await call(eng.page, 'POST', `/api/changes/${change.id}/actions`, { action: 'submit', comment: '' });
      const pm = await newPage(env.browser);
      try {
        await signInAt(env.base, pm.page, 'pm', DEMO_PASSWORD);
        await call(pm.page, 'POST', `/api/changes/${change.id}/actions`, { action: 'approve', comment: '同意' });
      } finally {
        await pm.ctx.close();
      }
      // The agency contact approves on a phone.
      await signInAt(env.base, phone.page, 'agency.contact', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/changes/${change.id}`);
      await phone.page.getByRole('button', { name: /^同\s*意$/ }).click();
      await phone.page.getByText('已批准').first().waitFor({ timeout: 15_000 });

      // Implementation: a backup before, the work, a backup after; the page shows the diff.
      await eng.page.goto(`${env.base}/changes/${change.id}`);
      await eng.page.getByRole('button', { name: '开始实施（先备份）' }).click();
      await eng.page.getByRole('button', { name: '完成实施（再备份）' }).waitFor({ timeout: 30_000 });
      config = config.replace('#\nreturn', 'interface Vlanif40\n description video-conference\n#\nreturn');
      await eng.page.getByRole('button', { name: '完成实施（再备份）' }).click();
      await eng.page.getByText('变更后：已备份').waitFor({ timeout: 30_000 });
      await eng.page.getByText('变更后：已备份').click(); // opens the device's diff
      await eng.page.getByText('+ description video-conference').waitFor({ timeout: 15_000 });
      await eng.page.waitForTimeout(500);
      await eng.page.screenshot({ path: join(SHOTS, 'e2e-changes-story-diff.png'), fullPage: true });
      // Explained by the change: still only the one ticket of the unapproved change.
      expect((await call<{ total: number }>(eng.page, 'GET', `/api/tickets?q=${q}`)).total).toBe(1);
    } finally {
      await eng.ctx.close();
      await phone.ctx.close();
      await double.close();
    }
  }, 240_000);

  it('the project manager approves a vendor visit; the agency approves the annual plan on a phone', async () => {
    const desk = await newPage(env.browser);
    const phone = await newPage(env.browser, PHONE);
    try {
      await signInAt(env.base, desk.page, 'pm', DEMO_PASSWORD);
      await desk.page.goto(`${env.base}/changes/access`);
      await desk.page.getByText('视频会议系统集成商').first().click();
      await desk.page.getByText('视频会议 MCU 年度巡检与固件版本核对。').waitFor({ timeout: 15_000 });
      await desk.page.waitForTimeout(400);
      await desk.page.screenshot({ path: join(SHOTS, 'e2e-changes-access.png') });
      await desk.page.getByRole('button', { name: /^批\s*准$/ }).click();
      await expect
        .poll(async () => (await call<{ items: { company: string; state: string }[] }>(desk.page, 'GET', '/api/third-party-access')).items)
        .toContainEqual(expect.objectContaining({ company: '视频会议系统集成商', state: 'approved' }));

      await signInAt(env.base, phone.page, 'agency.contact', DEMO_PASSWORD);
      await phone.page.goto(`${env.base}/changes/reviews`);
      await phone.page.getByText('年度运维工作计划').first().click();
      await phone.page.getByText('每半年组织一次网络中断应急演练').waitFor({ timeout: 15_000 });
      await phone.page.getByPlaceholder('审阅意见').fill('同意，按计划执行');
      await phone.page.waitForTimeout(400);
      await phone.page.screenshot({ path: join(SHOTS, 'e2e-changes-review-phone.png') });
      await phone.page.getByRole('button', { name: '审阅通过' }).click();
      await expect
        .poll(async () => (await call<{ items: { title: string; state: string }[] }>(phone.page, 'GET', '/api/change-reviews')).items)
        .toContainEqual(expect.objectContaining({ title: '年度运维工作计划', state: 'approved' }));
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await desk.ctx.close();
      await phone.ctx.close();
    }
  });
});
