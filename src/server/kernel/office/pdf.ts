// PDF from HTML by headless Chromium (ARCHITECTURE.md: "PDF from the same HTML via headless
// Chromium where present"), for labels, cards, certificates and reports, and the PNG pictures of the
// reports' charts. One Chromium per server process (decision 0005): launched on the first print,
// reused with a fresh page per print, at most PDF_CONCURRENCY pages at once (the others wait their
// turn), closed after PDF_IDLE_MS without prints and when the server closes; a browser that crashed
// or was killed is launched again by the next print. Chromium runs outside any transaction; without
// it the caller gets 503 with a clear problem.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../errors.ts';

export const CHROMIUM_PATH = process.env.YUNWEI_CHROMIUM ?? '/usr/bin/chromium';
const num = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d);
/** Pages printing at the same time in this process. */
export const PDF_CONCURRENCY = num(process.env.YUNWEI_PDF_CONCURRENCY, 2);
/** A browser with no print for this long is closed (the next print launches it again). */
export const PDF_IDLE_MS = num(process.env.YUNWEI_PDF_IDLE_MS, 120_000);

export class PdfUnavailable extends AppError {
  constructor(detail: string) {
    super(503, 'pdf.unavailable', `服务器未安装 Chromium，无法生成 PDF（${detail}）；请安装 chromium 软件包或设置 YUNWEI_CHROMIUM`);
  }
}

interface PoolState {
  browser: Promise<Browser> | null;
  idle: NodeJS.Timeout | null;
  active: number;
  waiting: (() => void)[];
  /** Observable for tests and the bench: launches so far, the most pages open at once. */
  launches: number;
  maxActive: number;
  idleMs: number;
  limit: number;
}
const pool: PoolState = {
  browser: null,
  idle: null,
  active: 0,
  waiting: [],
  launches: 0,
  maxActive: 0,
  idleMs: PDF_IDLE_MS,
  limit: PDF_CONCURRENCY,
};

export function pdfBrowserStats() {
  return { launches: pool.launches, running: pool.browser !== null, active: pool.active, maxActive: pool.maxActive };
}

/** Tests: another idle time or concurrency bound (the running browser stays). */
export function configurePdfBrowser(o: { idleMs?: number; limit?: number }): void {
  if (o.idleMs) pool.idleMs = o.idleMs;
  if (o.limit) pool.limit = o.limit;
  pool.maxActive = pool.active;
}

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new PdfUnavailable(CHROMIUM_PATH);
  // playwright-core drives the system Chromium; a production install without it answers 503 too.
  const { chromium } = await import('playwright-core').catch(() => {
    throw new PdfUnavailable('playwright-core');
  });
  try {
    pool.launches++;
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  } catch (e) {
    throw new PdfUnavailable((e as Error).message.split('\n')[0] ?? 'launch failed');
  }
}

function browser(): Promise<Browser> {
  if (pool.browser) return pool.browser;
  const p = launch().then((b) => {
    // A crash, a kill or a close: the next print launches a new one.
    b.on('disconnected', () => {
      if (pool.browser === p) pool.browser = null;
    });
    return b;
  });
  pool.browser = p;
  p.catch(() => {
    if (pool.browser === p) pool.browser = null;
  });
  return p;
}

async function acquire(): Promise<void> {
  if (pool.idle) clearTimeout(pool.idle);
  pool.idle = null;
  while (pool.active >= pool.limit) await new Promise<void>((r) => pool.waiting.push(r));
  pool.active++;
  pool.maxActive = Math.max(pool.maxActive, pool.active);
}

function release(): void {
  pool.active--;
  const next = pool.waiting.shift();
  if (next) return next();
  if (pool.active === 0 && pool.browser) {
    pool.idle = setTimeout(() => void closePdfBrowser(), pool.idleMs);
    pool.idle.unref();
  }
}

/**
 * Runs fn with a fresh page of the shared browser (offline: every request the page makes is
 * aborted); the page is closed afterwards. A browser found dead is launched once more.
 */
export async function withBrowserPage<T>(
  fn: (page: Page) => Promise<T>,
  viewport?: { width: number; height: number; scale?: number },
): Promise<T> {
  await acquire();
  try {
    const open = async () => {
      const b = await browser();
      const ctx = await b.newContext(viewport ? { viewport, deviceScaleFactor: viewport.scale ?? 1 } : {});
      return { ctx, page: await ctx.newPage() };
    };
    let opened;
    try {
      opened = await open();
    } catch (e) {
      if (e instanceof PdfUnavailable) throw e;
      // The browser died between prints without the event having arrived yet: drop it, launch anew.
      pool.browser = null;
      opened = await open();
    }
    const { ctx, page } = opened;
    try {
      await page.route('**/*', (r) => r.abort());
      return await fn(page);
    } finally {
      await ctx.close().catch(() => undefined);
    }
  } finally {
    release();
  }
}

/** Renders HTML to an A4 PDF on the shared headless Chromium (never inside a transaction). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  return withBrowserPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  });
}

/** Closes the shared browser (server shutdown, idle time); the next print launches it again. */
export async function closePdfBrowser(): Promise<void> {
  if (pool.idle) clearTimeout(pool.idle);
  pool.idle = null;
  const p = pool.browser;
  pool.browser = null;
  if (p) await p.then((b) => b.close()).catch(() => undefined);
}
