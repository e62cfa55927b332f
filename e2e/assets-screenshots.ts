// Screenshots of the asset register: `node e2e/assets-screenshots.ts` against a running server with
// the demo loaded (BASE_URL, default http://127.0.0.1:8098; DEMO_PASSWORD). The register with its
// filters, an asset's page for the engineer and for the finance officer, the classification, the
// import dialog with its error table, and the phone view reached from a label's /a/{number} URL.
import { writeFileSync } from 'node:fs';
import { launchChromium, newPage, OUT, PHONE, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8098';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const { ctx, page } = await newPage(browser);
    await signInAt(BASE, page, 'eng.net', PASSWORD);
    await page.goto(`${BASE}/assets`);
    await page.getByText('NET-WEST-00001').first().waitFor();
    await shot(page, 'assets-list');
    await page.goto(`${BASE}/assets?`);
    await page.locator('.ant-select').filter({ hasText: '保修' }).first().click();
    await page.getByTitle('90 天内到期').click();
    await page.waitForTimeout(500);
    await shot(page, 'assets-list-expiring');
    await page.goto(`${BASE}/a/NET-WEST-00001`);
    await page.getByTestId('card-technical').waitFor();
    await shot(page, 'assets-page');
    await page.getByTestId('edit-technical').click();
    await page.getByRole('dialog').waitFor();
    await shot(page, 'assets-edit-technical', false);
    await page.keyboard.press('Escape');
    await page.goto(`${BASE}/assets/classes`);
    await page.getByText('信息化设备').first().waitFor();
    await shot(page, 'assets-classes');
    await page.goto(`${BASE}/assets`);
    await page.getByRole('button', { name: /导\s*入/ }).click();
    // A bad file: the error table lists each row and column.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('资产');
    ws.addRow(['名称', '分类代码', '状态', '管理IP', '地点', '房间', '保修到期']);
    ws.addRow(['接入交换机', 'A02010202', '在用', '10.1.3.1', '西办公区', '中心机房西区', '2027-01-01']);
    ws.addRow(['', 'A0999', '丢失', '10.1.x', '西办公区', '不存在', '2027-13-40']);
    ws.addRow(['防火墙', 'A02010301', '', '', '南办公区', '', '']);
    const file = `${OUT}/.assets-bad.xlsx`;
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('未写入任何数据').first().waitFor();
    await shot(page, 'assets-import-errors', false);
    await ctx.close();

    const finance = await newPage(browser);
    await signInAt(BASE, finance.page, 'agency.finance', PASSWORD);
    await finance.page.goto(`${BASE}/a/FW-WEST-00001`);
    await finance.page.getByTestId('card-finance').waitFor();
    await shot(finance.page, 'assets-page-finance');
    await finance.ctx.close();

    const phone = await newPage(browser, PHONE);
    await phone.page.goto(`${BASE}/a/NET-WEST-00001`);
    await phone.page.getByPlaceholder('用户名').waitFor();
    await shot(phone.page, 'assets-scan-login-phone', false);
    await phone.page.getByPlaceholder('用户名').fill('eng.net');
    await phone.page.getByPlaceholder('密码').fill(PASSWORD);
    await phone.page.getByRole('button', { name: /登\s*录/ }).click();
    await phone.page.getByTestId('asset-location').waitFor();
    await shot(phone.page, 'assets-page-phone');
    await phone.page.goto(`${BASE}/assets`);
    await phone.page.getByText('NET-WEST-00001').first().waitFor();
    await shot(phone.page, 'assets-list-phone');
    await phone.ctx.close();
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
