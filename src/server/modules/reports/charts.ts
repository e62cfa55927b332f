// Charts drawn on the server (ECharts server-side rendering to SVG), the same picture in the web page,
// the PDF and (as PNG, by Chromium) in Word. No animation, fixed size, CJK font names the print
// fonts carry.
import type { TChart } from '../../../common/reports.ts';
import { PdfUnavailable, withBrowserPage } from '../../kernel/office/pdf.ts';

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
 * PNG pictures of SVGs, on the server's shared headless Chromium (Word shows PNG everywhere;
 * LibreOffice and older Word do not read SVG). Null without Chromium: the document then carries the
 * tables only.
 */
export async function svgsToPng(svgs: string[], width = CHART_W, height = CHART_H): Promise<Buffer[] | null> {
  if (!svgs.length) return [];
  try {
    return await withBrowserPage(
      async (page) => {
        // All charts on one page, one below the other, each pictured by itself: one load for the
        // document instead of one per chart (each load costs a round of layout on a busy host).
        const boxes = svgs.map((svg) => `<div class="c" style="width:${width}px;height:${height}px;overflow:hidden">${svg}</div>`);
        await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${boxes.join('')}</body></html>`);
        const out: Buffer[] = [];
        for (let i = 0; i < svgs.length; i++) out.push(await page.locator('div.c').nth(i).screenshot({ type: 'png' }));
        return out;
      },
      { width, height, scale: 2 },
    );
  } catch (e) {
    if (e instanceof PdfUnavailable) return null;
    throw e;
  }
}
