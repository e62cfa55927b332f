// PDF from HTML by headless Chromium (ARCHITECTURE.md: "PDF from the same HTML via headless
// Chromium where present"), for labels, cards and later reports. Chromium runs outside any
// transaction; without it the caller gets 503 with a clear problem.
import { existsSync } from 'node:fs';
import { AppError } from '../errors.ts';

export const CHROMIUM_PATH = process.env.YUNWEI_CHROMIUM ?? '/usr/bin/chromium';

export class PdfUnavailable extends AppError {
  constructor(detail: string) {
    super(503, 'pdf.unavailable', `服务器未安装 Chromium，无法生成 PDF（${detail}）；请安装 chromium 软件包或设置 YUNWEI_CHROMIUM`);
  }
}

/** Renders HTML to an A4 PDF in a short-lived headless Chromium (never inside a transaction). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM_PATH)) throw new PdfUnavailable(CHROMIUM_PATH);
  // playwright-core drives the system Chromium; a production install without it answers 503 too.
  const { chromium } = await import('playwright-core').catch(() => {
    throw new PdfUnavailable('playwright-core');
  });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  } catch (e) {
    throw new PdfUnavailable((e as Error).message.split('\n')[0] ?? 'launch failed');
  }
  try {
    const page = await browser.newPage();
    // Offline content only: no request may leave the page.
    await page.route('**/*', (r) => r.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
