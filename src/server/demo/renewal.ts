// The demo's second year: the 2021 contract renewed for the current service year with the same
// terms and the periods moved forward (第十三条: service continues year to year), so a new user sees
// live periods and days remaining.
import type { DemoContract, DemoServiceLine } from './types.ts';

function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February moves to 28 February in a common year
  if (md === '02-29' && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return `${y}-02-28`;
  return `${y}-${md}`;
}

/** How many years a line's period must move so that it covers `today`. */
function yearsToCover(line: DemoServiceLine, today: string): number {
  let k = Number(today.slice(0, 4)) - Number(line.periodStart.slice(0, 4));
  while (shiftYears(line.periodStart, k) > today) k--;
  while (shiftYears(line.periodEnd, k) < today) k++;
  return k;
}

export function renewalFor(base: DemoContract, today: string): DemoContract {
  const net = base.serviceLines.find((l) => l.code === 'NET') ?? base.serviceLines[0]!;
  const k = yearsToCover(net, today);
  const year = Number(net.periodStart.slice(0, 4)) + k;
  return {
    ...base,
    number: base.number.replace(/20\d\d/, String(year)),
    title: base.title.replace(/20\d\d/, String(year)),
    signedAt: shiftYears(base.signedAt, k),
    bondValidUntil: shiftYears(base.bondValidUntil, k),
    serviceLines: base.serviceLines.map((l) => {
      const lk = yearsToCover(l, today);
      return { ...l, periodStart: shiftYears(l.periodStart, lk), periodEnd: shiftYears(l.periodEnd, lk) };
    }),
  };
}
