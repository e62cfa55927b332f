// The rules without a database (issue 14): anomalies against ranges and 正常/异常, and the schedules on
// the shipped business calendar — a make-up Saturday is a working day, a holiday is not, a week of
// holidays has no weekly sheet, deadlines fall on the period's last working day.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../common/calendar.ts';
import { labelNumber } from '../../../common/inspections.ts';
import { shippedEntries } from '../../kernel/calendar/service.ts';
import { isAnomaly, sheetDue, valueProblem } from './evaluate.ts';

const cal = new BusinessCalendar(shippedEntries().flatMap((y) => y.entries));
const range = { kind: 'range', min: 10, max: 45 };

describe('template evaluation', () => {
  it('marks a reading outside its range, at the edges inclusive', () => {
    expect(['10', '45', '27.5'].map((v) => isAnomaly(range, v))).toEqual([false, false, false]);
    expect(['9.9', '45.1', '-3'].map((v) => isAnomaly(range, v))).toEqual([true, true, true]);
    expect(isAnomaly({ kind: 'range', min: null, max: 0 }, '2')).toBe(true);
    expect(isAnomaly({ kind: 'range', min: null, max: 0 }, '0')).toBe(false);
    expect(isAnomaly(range, null)).toBe(false);
  });
  it('marks 异常 on a check, never a text; refuses values of the wrong kind', () => {
    const check = { kind: 'check', min: null, max: null };
    expect(isAnomaly(check, '正常')).toBe(false);
    expect(isAnomaly(check, '异常')).toBe(true);
    expect(isAnomaly({ kind: 'text', min: null, max: null }, 'anything')).toBe(false);
    expect(valueProblem(check, 'ok')).toContain('正常');
    expect(valueProblem(range, 'hot')).toContain('数值');
    expect(valueProblem(range, '30')).toBeNull();
  });
  it('reads an asset number from a label URL or as typed', () => {
    expect(labelNumber('https://yunwei.example.gov.cn/a/ZC-2024-0007')).toBe('ZC-2024-0007');
    expect(labelNumber('http://127.0.0.1:3000/a/A%2F01?x=1')).toBe('A/01');
    expect(labelNumber('  ZC-0001 ')).toBe('ZC-0001');
  });
});

describe('schedules on the business calendar', () => {
  it('daily: a make-up Saturday is a working day, a holiday and an ordinary Sunday are not', () => {
    expect(sheetDue(cal, 'daily', '2025-10-11')).toMatchObject({ start: '2025-10-11', dueAt: new Date('2025-10-11T18:00:00+08:00') });
    expect(sheetDue(cal, 'daily', '2025-09-28')).not.toBeNull(); // Sunday, make-up workday
    expect(sheetDue(cal, 'daily', '2025-10-01')).toBeNull(); // 国庆节
    expect(sheetDue(cal, 'daily', '2025-10-12')).toBeNull(); // Sunday
    expect(sheetDue(cal, 'daily', '2025-10-13')).not.toBeNull();
  });
  it('weekly: from the first working day of the week, due on its last; the holiday week starts late', () => {
    expect(sheetDue(cal, 'weekly', '2025-09-29')).toMatchObject({
      start: '2025-09-29',
      end: '2025-10-05',
      dueAt: new Date('2025-09-30T18:00:00+08:00'),
    });
    // 10-06..10-08 are holidays: the week's sheet appears on Thursday 10-09 and is due on the make-up Saturday 10-11.
    expect(sheetDue(cal, 'weekly', '2025-10-07')).toBeNull();
    expect(sheetDue(cal, 'weekly', '2025-10-09')).toMatchObject({ start: '2025-10-06', dueAt: new Date('2025-10-11T18:00:00+08:00') });
  });
  it('monthly and quarterly: from the first working day, due on the last', () => {
    expect(sheetDue(cal, 'monthly', '2025-10-08')).toBeNull();
    expect(sheetDue(cal, 'monthly', '2025-10-09')).toMatchObject({
      start: '2025-10-01',
      end: '2025-10-31',
      dueAt: new Date('2025-10-31T18:00:00+08:00'),
    });
    expect(sheetDue(cal, 'quarterly', '2025-11-20')).toMatchObject({
      start: '2025-10-01',
      end: '2025-12-31',
      dueAt: new Date('2025-12-31T18:00:00+08:00'),
    });
    expect(sheetDue(cal, 'quarterly', '2026-01-01')).toBeNull(); // 元旦
  });
});
