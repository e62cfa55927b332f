// The holiday files the product ships (src/server/kernel/calendar/data), for the calendar and SLA
// tests of src/common, which may not read files themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { BusinessCalendar } from '../../common/calendar.ts';

const DATA_DIR = new URL('../kernel/calendar/data/', import.meta.url);

/** Each shipped file by name, parsed as JSON only (not yet checked). */
export const HOLIDAY_FILES: { file: string; json: unknown }[] = readdirSync(DATA_DIR)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort()
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(new URL(f, DATA_DIR), 'utf8')) as unknown }));

/** The calendar of the shipped files. */
export const shippedCalendar = (): BusinessCalendar => BusinessCalendar.fromHolidayFiles(HOLIDAY_FILES.map((f) => f.json));

/** An instant written in Shanghai local time, parsed by the platform (an oracle independent of calendar.ts). */
export const sh = (local: string): Date => new Date(`${local}+08:00`);
