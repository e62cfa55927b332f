// The kernel's business calendar: holiday data in the database (seeded from the State Council
// notices shipped in ./data), editable by the system admin, cached per process.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, count, eq, gte, lte } from 'drizzle-orm';
import { BusinessCalendar, type CalendarEntry } from '../../../common/calendar.ts';
import { HolidayFileError, parseHolidayFile } from '../../../common/holiday-file.ts';
import { calendarDays } from '../db/tables.ts';
import { audit } from '../audit.ts';
import { inTx, type Ctx } from '../context.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { Db } from '../db/client.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
// Other nodes see an edit within this time; this node at once.
const CACHE_MS = 60_000;

let cache: { at: number; cal: BusinessCalendar; db: Db } | null = null;

export function shippedEntries(): { year: number; entries: CalendarEntry[] }[] {
  return readdirSync(DATA_DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => parseHolidayFile(JSON.parse(readFileSync(join(DATA_DIR, f), 'utf8'))));
}

/** Loads the shipped years into an empty calendar table (first start). */
export async function seedCalendar(ctx: Ctx): Promise<number> {
  const [n] = await ctx.db.select({ n: count() }).from(calendarDays);
  if (Number(n?.n ?? 0) > 0) return 0;
  const all = shippedEntries().flatMap((y) => y.entries);
  await inTx(ctx, async (tx) => {
    for (let i = 0; i < all.length; i += 500)
      await tx.db.insert(calendarDays).values(all.slice(i, i + 500).map((e) => ({ ...e, source: 'holiday-cn', updatedAt: tx.now() })));
    await audit(tx, { action: 'calendar.seed', objectType: 'calendar', detail: { entries: all.length } });
  });
  invalidateCalendar();
  return all.length;
}

export function invalidateCalendar(): void {
  cache = null;
}

export async function getCalendar(ctx: Pick<Ctx, 'db'>): Promise<BusinessCalendar> {
  const now = Date.now();
  if (cache && cache.db === ctx.db && now - cache.at < CACHE_MS) return cache.cal;
  const rows = await ctx.db
    .select({ date: calendarDays.date, type: calendarDays.type, name: calendarDays.name })
    .from(calendarDays)
    .orderBy(asc(calendarDays.date));
  const cal = new BusinessCalendar(rows as CalendarEntry[]);
  cache = { at: now, cal, db: ctx.db };
  return cal;
}

export async function listEntries(ctx: Ctx, year: number) {
  return ctx.db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year - 1}-12-25`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(asc(calendarDays.date));
}

export async function putEntry(ctx: Ctx, e: CalendarEntry) {
  // Validate through the calendar itself (a make-up workday must be a weekend day).
  parseFileSafe({ year: Number(e.date.slice(0, 4)), days: [{ name: e.name, date: e.date, isOffDay: e.type === 'holiday' }] });
  const row = await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(calendarDays).where(eq(calendarDays.date, e.date));
    const values = { type: e.type, name: e.name, source: 'manual', updatedAt: tx.now() };
    const [r] = await tx.db
      .insert(calendarDays)
      .values({ date: e.date, ...values })
      .onConflictDoUpdate({ target: calendarDays.date, set: values })
      .returning();
    await audit(tx, { action: 'calendar.put', objectType: 'calendar_day', objectId: e.date, before: before ?? null, after: r });
    return r;
  });
  invalidateCalendar();
  return row;
}

export async function deleteEntry(ctx: Ctx, date: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.delete(calendarDays).where(eq(calendarDays.date, date)).returning();
    if (!before) throw new NotFound('calendar.not_found', `${date} 不是节假日或调休工作日`);
    await audit(tx, { action: 'calendar.delete', objectType: 'calendar_day', objectId: date, before });
  });
  invalidateCalendar();
}

function parseFileSafe(json: unknown): { year: number; entries: CalendarEntry[] } {
  try {
    return parseHolidayFile(json);
  } catch (e) {
    if (e instanceof HolidayFileError)
      throw new Invalid(
        'calendar.invalid_file',
        e.message,
        e.issues.map((i) => ({ path: i.path, message: i.message })),
      );
    throw e;
  }
}

/** Imports one year in the holiday-cn format: replaces that year's entries, all or nothing. */
export async function importYear(ctx: Ctx, json: unknown): Promise<{ year: number; entries: number }> {
  const { year, entries } = parseFileSafe(json);
  await inTx(ctx, async (tx) => {
    const dates = entries.map((e) => e.date);
    const lo = dates.reduce((a, b) => (a < b ? a : b), `${year}-01-01`);
    const removed = await tx.db
      .delete(calendarDays)
      .where(and(gte(calendarDays.date, lo), lte(calendarDays.date, `${year}-12-31`)))
      .returning();
    if (entries.length)
      await tx.db.insert(calendarDays).values(entries.map((e) => ({ ...e, source: `import:${year}`, updatedAt: tx.now() })));
    await audit(tx, {
      action: 'calendar.import',
      objectType: 'calendar',
      objectId: String(year),
      detail: { removed: removed.length, added: entries.length },
    });
  });
  invalidateCalendar();
  return { year, entries: entries.length };
}
