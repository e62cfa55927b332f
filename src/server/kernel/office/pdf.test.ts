// The shared Chromium of PDF printing (decision 0005): two prints reuse one browser, a killed
// browser is launched again by the next print, prints beyond the bound wait their turn, an idle
// browser is closed. Real Chromium; skipped where the machine has none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, PDF_CONCURRENCY, PDF_IDLE_MS, closePdfBrowser, configurePdfBrowser, htmlToPdf, pdfBrowserStats } from './pdf.ts';

/** This process's Chromium children (the browser process playwright started, not its helpers). */
function chromiumChildren(): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && /chrom/i.test(readFileSync(`/proc/${d}/cmdline`, 'utf8'))) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const isPdf = (b: Buffer) => b.subarray(0, 5).toString() === '%PDF-';
const gone = async (pid: number) => {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!existsSync(CHROMIUM_PATH))('kernel/office/pdf: one browser per process', () => {
  // The test process may be shared with other files (vitest.config.ts: isolate false): start with no
  // browser of theirs, and leave the bounds as this file found them.
  beforeAll(closePdfBrowser);
  afterAll(async () => {
    await closePdfBrowser();
    configurePdfBrowser({ idleMs: PDF_IDLE_MS, limit: PDF_CONCURRENCY });
  });

  it('prints two PDFs on one browser, and launches a new one after the browser is killed', async () => {
    const before = pdfBrowserStats().launches;
    expect(isPdf(await htmlToPdf('<!doctype html><p>第一份</p>'))).toBe(true);
    const [pid] = chromiumChildren();
    expect(pid).toBeGreaterThan(0);
    expect(isPdf(await htmlToPdf('<!doctype html><p>第二份</p>'))).toBe(true);
    expect(pdfBrowserStats().launches).toBe(before + 1);
    expect(chromiumChildren()).toEqual([pid]);

    process.kill(pid!, 'SIGKILL');
    await gone(pid!);
    expect(isPdf(await htmlToPdf('<!doctype html><p>第三份</p>'))).toBe(true);
    expect(pdfBrowserStats().launches).toBe(before + 2);
    const [again] = chromiumChildren();
    expect(again).toBeGreaterThan(0);
    expect(again).not.toBe(pid);
  });

  it('holds prints beyond the bound until a page is free, on the same browser', async () => {
    configurePdfBrowser({ limit: 2 });
    const before = pdfBrowserStats().launches;
    const files = await Promise.all([1, 2, 3, 4, 5].map((i) => htmlToPdf(`<!doctype html><p>并发 ${i}</p>`)));
    expect(files.every(isPdf)).toBe(true);
    expect(pdfBrowserStats().maxActive).toBe(2);
    expect(pdfBrowserStats().launches).toBe(before);
  });

  it('closes the browser after the idle time; the next print launches it again', async () => {
    configurePdfBrowser({ idleMs: 200 });
    await htmlToPdf('<!doctype html><p>空闲前</p>');
    const before = pdfBrowserStats().launches;
    const [pid] = chromiumChildren();
    await gone(pid!);
    expect(pdfBrowserStats().running).toBe(false);
    expect(isPdf(await htmlToPdf('<!doctype html><p>空闲后</p>'))).toBe(true);
    expect(pdfBrowserStats().launches).toBe(before + 1);
  });
});
