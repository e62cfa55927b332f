// Screenshots of the desk's views: `node e2e/views-screenshots.ts` against a running server with the
// demo loaded (BASE_URL, default http://127.0.0.1:8097; DEMO_PASSWORD). Files a few tickets through
// the API, then shoots the queue with its filters, the SLA risk board, my work, and agency staff's
// self-service pages (desktop 1440×900, phone 390×844) into screenshots/views-*.png.
import { call, launchChromium, newPage, PHONE, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8097';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const { ctx, page } = await newPage(browser);
    await signInAt(BASE, page, 'duty', PASSWORD);
    const seed = [
      {
        serviceLine: 'NET',
        category: 'fault',
        severity: 'critical',
        title: '西办公区核心交换机端口大量丢包',
        reportedAt: ago(150),
        channel: 'hotline',
      },
      {
        serviceLine: 'SEC',
        category: 'fault',
        severity: 'high',
        title: '互联网出口防火墙 CPU 持续 95%',
        reportedAt: ago(100),
        channel: 'monitoring',
      },
      {
        serviceLine: 'VC',
        category: 'request',
        severity: 'medium',
        title: '第三会议室明日视频会议保障',
        reportedAt: ago(20),
        channel: 'web',
      },
      {
        serviceLine: 'SM',
        category: 'fault',
        severity: 'medium',
        title: '监控中心 3 号摄像机无画面',
        reportedAt: ago(3),
        channel: 'hotline',
      },
      {
        serviceLine: 'NET',
        category: 'consultation',
        severity: 'low',
        title: '六里桥办公区无线网络密码',
        reportedAt: ago(1),
        channel: 'hotline',
      },
    ];
    for (const s of seed) await call(page, 'POST', '/api/tickets', s);
    await call(page, 'POST', '/api/views', {
      scope: 'desk.queue',
      name: '网络紧急故障',
      query: { serviceLine: 'NET', severity: 'critical', open: true },
    }).catch(() => undefined);
    await page.goto(`${BASE}/desk`);
    await page.getByText('西办公区核心交换机端口大量丢包').first().waitFor();
    await shot(page, 'views-queue');
    await page.goto(`${BASE}/desk/risk`);
    await page.getByTestId('risk-item').first().waitFor();
    await shot(page, 'views-risk');
    await ctx.close();

    const phone = await newPage(browser, PHONE);
    await signInAt(BASE, phone.page, 'eng.net', PASSWORD);
    await phone.page.goto(`${BASE}/desk/risk`);
    await phone.page.getByTestId('risk-item').first().waitFor();
    await shot(phone.page, 'views-risk-phone');
    await phone.page.goto(`${BASE}/desk/mine`);
    await shot(phone.page, 'views-mywork-phone');
    await phone.ctx.close();

    const staff = await newPage(browser, PHONE);
    await signInAt(BASE, staff.page, 'agency.staff', PASSWORD);
    await staff.page.goto(`${BASE}/desk/new`);
    await staff.page.getByText('我要报修').first().waitFor();
    await shot(staff.page, 'views-self-new-phone');
    await call(staff.page, 'POST', '/api/tickets', {
      serviceLine: 'SM',
      category: 'fault',
      severity: 'medium',
      title: '办公室电脑无法打印',
      requesterPhone: '13581690243',
    });
    await staff.page.goto(`${BASE}/desk/mine`);
    await staff.page.getByText('办公室电脑无法打印').first().waitFor();
    await shot(staff.page, 'views-self-mine-phone');
    await staff.ctx.close();
  } finally {
    await browser.close();
  }
}

await main();
