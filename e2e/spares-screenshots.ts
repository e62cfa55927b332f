// Screenshots of spare parts and procurement consulting: `node e2e/spares-screenshots.ts` against a
// running server with the demo loaded (BASE_URL, default http://127.0.0.1:8095; DEMO_PASSWORD).
// Shoots the parts list (one below its minimum), a part's page with its issue form, the import
// error table, the procurement list and the quotes compared (desktop 1440×900, phone 390×844) into
// screenshots/spares-*.png.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { launchChromium, newPage, PHONE, shot, signInAt } from './shots.ts';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8095';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Pass1';

async function badFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('备品备件');
  ws.addRow(['备件编号', '名称', '分类代码', '厂商', '型号', '单位', '最低库存', '服务项目', '存放位置', '入库数量', '备注']);
  ws.addRow(['BJ-NET-009', '千兆电口模块', '', '华为', 'SFP-1000BaseT', '个', 2, 'NET', '西办公区 中心机房西区 备件柜', 4, '']);
  ws.addRow(['', '缺编号的行', '', '', '', '', -2, 'LAN', '', '', '']);
  ws.addRow(['BJ-NET-009', '重复编号', '', '', '', '', '', '', '仓库', '三', '']);
  const file = join(tmpdir(), 'spares-bad.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const { ctx, page } = await newPage(browser);
    await signInAt(BASE, page, 'pm', PASSWORD);
    await page.goto(`${BASE}/assets/spares`);
    await page.getByText('BJ-VC-002').first().waitFor();
    await shot(page, 'spares-list');
    await page.getByRole('button', { name: /导\s*入/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择 Excel 文件/ }).click();
    await (await chooser).setFiles(await badFile());
    await page.getByText('未写入任何数据').first().waitFor();
    await shot(page, 'spares-import-errors');
    await page.keyboard.press('Escape');
    await page.getByText('千兆单模光模块').first().click();
    await page.getByText('出入库记录').waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'spares-part');
    await page.getByRole('button', { name: /^领\s*用$/ }).click();
    await page.getByText('输入运维单编号或标题').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'spares-issue-form');
    await page.keyboard.press('Escape');
    await page.goto(`${BASE}/assets/procurements`);
    await page.getByText('六里桥办公区接入交换机更换').first().click();
    await page.getByText('报价比较').first().waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'spares-procurement');
    await ctx.close();

    const phone = await newPage(browser, PHONE);
    await signInAt(BASE, phone.page, 'eng.net', PASSWORD);
    await phone.page.goto(`${BASE}/assets/spares`);
    await phone.page.getByText('BJ-NET-001').first().waitFor();
    await shot(phone.page, 'spares-list-phone');
    await phone.page.getByText('BJ-NET-001').first().click();
    await phone.page.getByText('出入库记录').waitFor();
    await phone.page.waitForTimeout(500);
    await shot(phone.page, 'spares-part-phone');
    await phone.ctx.close();

    const mgr = await newPage(browser, PHONE);
    await signInAt(BASE, mgr.page, 'agency.manager', PASSWORD);
    await mgr.page.goto(`${BASE}/assets/procurements`);
    await mgr.page.getByText('六里桥办公区接入交换机更换').first().click();
    await mgr.page.getByText('报价比较').first().waitFor();
    await mgr.page.waitForTimeout(800);
    await shot(mgr.page, 'spares-procurement-phone');
    await mgr.ctx.close();
  } finally {
    await browser.close();
  }
}

await main();
