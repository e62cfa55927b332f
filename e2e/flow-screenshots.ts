// Screenshots of the fault flow's screens: `node e2e/flow-screenshots.ts` against a running server
// with the demo loaded (BASE_URL, default http://127.0.0.1:8097; DEMO_PASSWORD). Drives two faults
// through the API (one closed and followed up, one awaiting the agency), then shoots the ticket page
// tabs, the follow-ups list and statistics, the bell and the notification preferences (desktop
// 1440×900, phone 390×844) into screenshots/flow-*.png.
import type { Page } from 'playwright-core';
import { call, launchChromium, newPage, PHONE, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8097';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

async function fault(eng: Page, pm: Page, title: string, minutesAgo: number): Promise<string> {
  const tk = await call<{ id: string }>(pm, 'POST', '/api/tickets', {
    serviceLine: 'NET',
    category: 'fault',
    severity: 'high',
    title,
    channel: 'hotline',
    reportedAt: ago(minutesAgo),
    requesterName: '刘静',
    requesterPhone: '13910257731',
    requesterDepartment: '信息中心',
  });
  const engId = (await call<{ id: string }>(eng, 'GET', '/api/auth/me')).id;
  await call(pm, 'POST', `/api/tickets/${tk.id}/events`, { kind: 'callback', at: ago(minutesAgo - 3) });
  await call(pm, 'POST', `/api/tickets/${tk.id}/assign`, { assigneeId: engId });
  await call(eng, 'POST', `/api/tickets/${tk.id}/events`, { kind: 'arrive', at: ago(minutesAgo - 50) });
  await call(eng, 'PUT', `/api/tickets/${tk.id}/documents/diagnosis`, {
    sceneRecord: '3 层弱电间接入交换机电源指示灯熄灭，下联 40 个信息点全部断网',
    severity: 'high',
    emergencyActions: '临时改接备用交换机，恢复财务处、信息中心办公',
    preliminaryCause: '电源模块故障',
  });
  await call(eng, 'PUT', `/api/tickets/${tk.id}/documents/plan`, {
    steps: '1. 更换电源模块\n2. 切回原交换机\n3. 逐端口测试',
    fallbackPlan: '备件不到则使用备用交换机过渡',
  });
  await call(eng, 'POST', `/api/tickets/${tk.id}/worklogs`, {
    mode: 'onsite',
    startAt: ago(minutesAgo - 50),
    endAt: ago(minutesAgo - 110),
    summary: '更换电源模块，24 个端口测试正常',
  });
  await call(eng, 'PUT', `/api/tickets/${tk.id}/documents/report`, {
    faultDescription: '3 层接入交换机断电，40 个信息点断网',
    cause: '交换机电源模块老化损坏',
    actions: '临时改接备用交换机恢复业务；更换电源模块后切回原交换机',
    result: '恢复正常，观察 30 分钟无异常',
    partsUsed: '电源模块 ×1',
    startedAt: ago(minutesAgo - 50),
    finishedAt: ago(minutesAgo - 110),
  });
  return tk.id;
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const pm = await newPage(browser);
    await signInAt(BASE, pm.page, 'pm', PASSWORD);
    const eng = await newPage(browser, PHONE);
    await signInAt(BASE, eng.page, 'eng.net', PASSWORD);
    const agency = await newPage(browser);
    await signInAt(BASE, agency.page, 'agency.contact', PASSWORD);

    const closed = await fault(eng.page, pm.page, '西办公区 3 层接入交换机断电', 300);
    await call(agency.page, 'POST', `/api/tickets/${closed}/confirm`, { outcome: 'confirmed', comment: '各端口业务测试正常' });
    await call(pm.page, 'POST', `/api/tickets/${closed}/followup`, { reachable: true, satisfaction: 5, comment: '响应及时' });
    const waiting = await fault(eng.page, pm.page, '六里桥办公区核心交换机端口故障', 200);
    const other = await call<{ id: string }>(pm.page, 'POST', '/api/tickets', {
      serviceLine: 'SEC',
      category: 'fault',
      severity: 'medium',
      title: '防病毒服务器病毒库未更新',
      reportedAt: ago(90),
    });
    await call(pm.page, 'POST', `/api/tickets/${other.id}/events`, { kind: 'callback', at: ago(88) });
    await call(pm.page, 'POST', `/api/tickets/${other.id}/events`, { kind: 'arrive', at: ago(60) });
    await call(pm.page, 'PUT', `/api/tickets/${other.id}/documents/diagnosis`, { sceneRecord: '病毒库停在 3 天前', severity: 'medium' });
    await call(pm.page, 'PUT', `/api/tickets/${other.id}/documents/plan`, { steps: '检查升级服务器与外网代理' });
    await call(pm.page, 'PUT', `/api/tickets/${other.id}/documents/report`, {
      faultDescription: '病毒库未更新',
      cause: '升级代理证书过期',
      actions: '更换证书，手动触发升级',
      result: '病毒库已是最新',
      startedAt: ago(60),
      finishedAt: ago(30),
    });
    await call(agency.page, 'POST', `/api/tickets/${other.id}/confirm`, { outcome: 'confirmed', comment: '' });

    // The agency contact: the ticket awaiting confirmation, and the bell.
    await agency.page.goto(`${BASE}/desk/${waiting}`);
    await agency.page.getByTestId('flow-card').waitFor();
    await shot(agency.page, 'flow-agency-to-confirm');
    await agency.page
      .getByRole('button', { name: /通知|notifications/i })
      .first()
      .click()
      .catch(() => undefined);
    await shot(agency.page, 'flow-agency-bell', false);

    // The engineer on a phone: the ticket's documents, work log and attachments.
    await eng.page.goto(`${BASE}/desk/${waiting}`);
    await eng.page.getByTestId('flow-card').waitFor();
    await shot(eng.page, 'flow-engineer-ticket-phone');
    await eng.page.getByRole('tab', { name: '附件与照片' }).click();
    await shot(eng.page, 'flow-engineer-files-phone', false);

    // The project manager: follow-ups and their statistics.
    await pm.page.goto(`${BASE}/desk/followups`);
    await pm.page.getByText('待回访').first().waitFor();
    await shot(pm.page, 'flow-followups');
    await pm.page.getByRole('tab', { name: '回访统计' }).click();
    await shot(pm.page, 'flow-followups-stats');
    await pm.page.goto(`${BASE}/me/notify`);
    await shot(pm.page, 'flow-notify-prefs');
  } finally {
    await browser.close();
  }
}

await main();
