// The fault flow in Chromium (R-SD-05): an engineer on a 390×844 phone checks in on arrival, logs
// the work and files the maintenance report that closes the fault; the agency contact tests and
// confirms it on a desktop, which closes the ticket.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { call, signInAt } from './shots.ts';

const env = useProduct();

describe('a fault from the hotline to the agency confirmation', () => {
  it('the engineer checks in and closes on a phone; the agency contact confirms', async () => {
    // The duty operator logs the call (the hotline form itself is covered by desk.e2e.test.ts).
    const duty = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signInAt(env.base, duty, 'duty', DEMO_PASSWORD);
    const tk = await call<{ id: string; number: string }>(duty, 'POST', '/api/tickets', {
      serviceLine: 'NET',
      category: 'fault',
      severity: 'high',
      title: '西办公区 3 层接入交换机故障',
      channel: 'hotline',
      requesterName: '王建国',
      requesterPhone: '010-63167838',
    });
    await call(duty, 'POST', `/api/tickets/${tk.id}/events`, { kind: 'callback' });
    await duty.close();

    // The NET engineer, on site with a phone.
    const phone = await env.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true, isMobile: true });
    await signInAt(env.base, phone, 'eng.net', DEMO_PASSWORD);
    await phone.goto(`${env.base}/desk/${tk.id}`);
    await phone.getByRole('button', { name: /已到场/ }).click();
    await phone.getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => phone.getByText('已记录到场').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The diagnosis and the plan (forms tested in the API suite) …
    await call(phone, 'PUT', `/api/tickets/${tk.id}/documents/diagnosis`, {
      sceneRecord: '3 层弱电间接入交换机电源指示灯熄灭',
      severity: 'high',
      emergencyActions: '临时改接备用交换机',
    });
    await call(phone, 'PUT', `/api/tickets/${tk.id}/documents/plan`, { steps: '更换电源模块，恢复原接入交换机，测试各端口' });
    await phone.reload();
    // … the work done, logged on the phone …
    await phone.getByRole('tab', { name: '工作记录' }).click();
    await phone.getByTestId('worklog-add').click();
    await phone.getByLabel('工作内容').fill('更换接入交换机电源模块，24 个端口测试正常');
    await phone.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => phone.getByText('工作记录已保存').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // … and the maintenance report, which records the resolution.
    await phone.getByRole('tab', { name: /处理文档/ }).click();
    await phone.getByRole('tab', { name: /维护报告/ }).click();
    await phone.getByTestId('doc-edit-report').click();
    await phone.getByLabel('故障现象').fill('3 层接入交换机断电，该层 40 个信息点断网');
    await phone.getByLabel('故障原因').fill('交换机电源模块损坏');
    await phone.getByLabel('处理过程').fill('临时改接备用交换机恢复业务；更换电源模块后切回');
    await phone.getByLabel('处理结果').fill('恢复正常，已观察 30 分钟');
    await phone.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => phone.getByText(/已保存第 1 版/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => phone.getByText('待确认').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(SHOTS, 'e2e-flow-engineer-phone.png'), fullPage: true });
    await phone.close();

    // The agency contact tests and confirms.
    const agency = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signInAt(env.base, agency, 'agency.contact', DEMO_PASSWORD);
    await agency.goto(`${env.base}/desk/${tk.id}`);
    await agency.getByTestId('flow-confirm').click();
    await agency.getByLabel('测试情况（可选）').fill('各端口业务测试正常');
    await agency
      .getByRole('button', { name: /确\s*认/ })
      .last()
      .click();
    await expect.poll(() => agency.getByText('已关闭').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const after = await call<{ status: string; closedAt: string | null }>(agency, 'GET', `/api/tickets/${tk.id}`);
    expect(after.status).toBe('closed');
    expect(after.closedAt).not.toBeNull();
    await agency.screenshot({ path: join(SHOTS, 'e2e-flow-agency-confirmed.png'), fullPage: true });
    await agency.close();
  });
});
