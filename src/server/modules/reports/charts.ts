// Charts drawn on the server (ECharts server-side rendering to SVG), the same picture in the web page,
// the PDF and (as PNG, by Chromium) in Word. No animation, fixed size, CJK font names the print
// fonts carry.
import type { TChart } from '../../../common/reports.ts';
import { CHROMIUM_PATH } from '../../kernel/office/pdf.ts';

export const CHART_W = 640;
export const CHART_H = 300;
const FONT = '"Noto Sans CJK SC", "Noto Serif CJK SC", "SimSun", sans-serif';

/** The SVG of one chart (a self-contained document fragment, no scripts). */
export async function chartSvg(c: TChart, width = CHART_W, height = CHART_H): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const pie = c.type === 'pie';
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    title: { text: c.title, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
    legend: pie ? { bottom: 0, type: 'scroll' } : c.series.length > 1 ? { bottom: 0 } : undefined,
    color: ['#1677ff', '#52c41a', '#faad14', '#ff4d4f', '#722ed1', '#13c2c2'],
    ...(pie
      ? {
          series: [
            {
              type: 'pie',
              radius: ['30%', '60%'],
              center: ['50%', '52%'],
              label: { formatter: '{b}: {c}' },
              data: c.categories.map((name, i) => ({ name, value: c.series[0]?.data[i] ?? 0 })),
            },
          ],
        }
      : {
          grid: { left: 50, right: 20, top: 40, bottom: c.series.length > 1 ? 60 : 40 },
          xAxis: {
            type: 'category',
            data: c.categories,
            axisLabel: { interval: 0, fontSize: 10, rotate: c.categories.length > 6 ? 30 : 0 },
          },
          yAxis: { type: 'value' },
          series: c.series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: 'top', fontSize: 10 } })),
        }),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * PNG pictures of SVGs, in one short-lived headless Chromium (Word shows PNG everywhere; LibreOffice
 * and older Word do not read SVG). Null without Chromium: the document then carries the tables only.
 */
export async function svgsToPng(svgs: string[], width = CHART_W, height = CHART_H): Promise<Buffer[] | null> {
  if (!svgs.length) return [];
  const { existsSync } = await import('node:fs');
  if (!existsSync(CHROMIUM_PATH)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2 });
    await page.route('**/*', (r) => r.abort());
    const out: Buffer[] = [];
    for (const svg of svgs) {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
      out.push(await page.locator('svg').first().screenshot({ type: 'png' }));
    }
    return out;
  } finally {
    await browser.close();
  }
}
