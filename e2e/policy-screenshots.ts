// Screenshots of the SLA policies page: `node e2e/policy-screenshots.ts` against a running server with
// the demo loaded (BASE_URL, default http://127.0.0.1:8099; DEMO_PASSWORD). The agency manager views
// the policies, edits the NET/high fault on-site target in the modal (2 h → 3 h) and the severity
// definitions; then the new-ticket page shows the edited hint (desktop 1440×900, phone 390×844) into
// screenshots/policy-*.png.
import { call, launchChromium, newPage, PHONE, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8099';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const { ctx, page } = await newPage(browser);
    await signInAt(BASE, page, 'agency.manager', PASSWORD);
    await page.goto(`${BASE}/desk/policies`);
    await page.getByTestId('policy-line-VC').waitFor();
    await shot(page, 'policy-page');

    // NET: 紧急 通用, 紧急 故障, 高 通用, 高 故障 → the fourth row's edit button.
    await page
      .getByTestId('policy-line-NET')
      .getByRole('button', { name: /修\s*改/ })
      .nth(3)
      .click();
    const modal = page.locator('.ant-modal').filter({ hasText: '修改 SLA 策略' });
    await modal.waitFor();
    await modal.getByTestId('policy-target-onsite').getByRole('spinbutton').fill('3');
    await shot(page, 'policy-edit', false);
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('已调整').first().waitFor();
    await shot(page, 'policy-page-after');

    await page
      .getByTestId('severity-card')
      .getByRole('button', { name: /修\s*改/ })
      .click();
    const sev = page.locator('.ant-modal').filter({ hasText: '修改严重程度定义' });
    await sev.waitFor();
    await sev
      .getByPlaceholder(/核心交换机宕机/)
      .first()
      .fill('核心交换机宕机；互联网出口中断；监控中心全部黑屏');
    await shot(page, 'policy-severity-edit', false);
    await sev.getByRole('button', { name: /保\s*存/ }).click();
    await sev.waitFor({ state: 'hidden' });
    await ctx.close();

    const phone = await newPage(browser, PHONE);
    await signInAt(BASE, phone.page, 'agency.manager', PASSWORD);
    await phone.page.goto(`${BASE}/desk/policies`);
    await phone.page.getByTestId('policy-line-VC').waitFor();
    await shot(phone.page, 'policy-page-phone', false);
    await phone.page.getByTestId('policy-line-NET').scrollIntoViewIfNeeded();
    await shot(phone.page, 'policy-page-phone-net', false);
    await phone.page.getByTestId('severity-card').scrollIntoViewIfNeeded();
    await shot(phone.page, 'policy-severity-phone', false);
    await phone.page.getByTestId('policy-line-NET').getByRole('button', { name: '修改' }).nth(3).click();
    await phone.page.locator('.ant-modal').filter({ hasText: '修改 SLA 策略' }).waitFor();
    await shot(phone.page, 'policy-edit-phone', false);
    await phone.ctx.close();

    // The duty operator logs a critical fault: the hint is the agency's definition with its examples.
    const duty = await newPage(browser);
    await signInAt(BASE, duty.page, 'duty', PASSWORD);
    const sevs = await call<{ items: { code: string; examples?: string }[] }>(duty.page, 'GET', '/api/desk/severities');
    if (!sevs.items[0]?.examples) throw new Error('severity examples not saved');
    await duty.page.goto(`${BASE}/desk/new`);
    await duty.page.getByText('紧急', { exact: true }).click();
    await duty.page.getByTestId('severity-hint').getByText('核心交换机宕机').waitFor();
    await shot(duty.page, 'policy-new-ticket-hint', false);
    await duty.ctx.close();
  } finally {
    await browser.close();
  }
}

await main();
