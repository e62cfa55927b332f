// The calendar feed of one person's shifts (issue 14 point 4): RFC 5545 text written here (no iCalendar
// library is installed), times as Asia/Shanghai local time with its VTIMEZONE, behind a secret link
// whose token is kept only as a hash and can be made anew (the old link then stops working).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addCalendarDays, dateOf } from '../../../common/dates.ts';
import { SERVICE_LINE_CODES, lineLabel } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { sha256 } from '../../kernel/crypto.ts';
import { userCards } from '../../kernel/directory.ts';
import { NotFound } from '../../kernel/errors.ts';
import { lineShifts } from './schedule.ts';
import { dutyIcsTokens } from './tables.ts';

const LAYER_ZH = { resident: '驻场', mobile: '机动', 'on-call': '二线值班', 'holiday-special': '节假日专项值班' } as const;
/** How far back and ahead the feed reaches. */
const BACK_DAYS = 31;
const AHEAD_DAYS = 400;

export async function newIcsToken(ctx: Ctx): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const userId = ctx.actor!.id;
  await inTx(ctx, async (tx) => {
    const values = { tokenHash: sha256(token), createdAt: tx.now() };
    await tx.db
      .insert(dutyIcsTokens)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: dutyIcsTokens.userId, set: values });
    await audit(tx, { action: 'duty.ics.token', objectType: 'duty_ics', objectId: userId });
  });
  return token;
}

/** Local Shanghai time, RFC 5545 form: 20251001T030000. */
const local = (t: number) =>
  new Date(t + 8 * 3600_000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** The feed of the token's owner; an unknown token is 404 (the same for a regenerated one). */
export async function icsFeed(ctx: Ctx, token: string): Promise<string> {
  const [t] = await ctx.db
    .select()
    .from(dutyIcsTokens)
    .where(eq(dutyIcsTokens.tokenHash, sha256(token)))
    .limit(1);
  if (!t) throw new NotFound('duty.ics_not_found', '日历链接无效或已重新生成');
  const me = (await userCards(ctx, [t.userId])).get(t.userId);
  if (!me || me.disabled) throw new NotFound('duty.ics_not_found', '日历链接无效或已重新生成');
  const today = dateOf(ctx.now());
  const from = addCalendarDays(today, -BACK_DAYS);
  const to = addCalendarDays(today, AHEAD_DAYS);
  const stamp = utc(ctx.now());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Yunwei//Duty//ZH',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(`值班表 ${me.displayName}`)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19910915T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  for (const line of SERVICE_LINE_CODES) {
    for (const s of await lineShifts(ctx, line, from, to)) {
      if (s.member !== me.id) continue;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${line}-${s.layer}-${s.start}-${me.id}@yunwei`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=Asia/Shanghai:${local(s.start)}`,
        `DTEND;TZID=Asia/Shanghai:${local(s.end)}`,
        `SUMMARY:${escapeText(`${lineLabel(line)} ${LAYER_ZH[s.layer]}`)}`,
        `CATEGORIES:${s.layer}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
