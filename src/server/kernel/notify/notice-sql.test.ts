// A notice written inside a single statement (noticeInStatement, used by ticket creation) must reach
// the same people with the same channels as notifyUsers, whose choice is made in Node: both paths
// side by side over users with every kind of preference, on both databases; and its bell message
// goes out on commit.
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.ts';
import { inTx } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { notificationPrefs, notifications, users } from '../db/tables.ts';
import { noticeInStatement, notifyUsers } from './inbox.ts';
import { LiveHub, type LiveEvent } from './live.ts';

let t: TestApp;
const id: Record<string, string> = {};
// ticket.sla_breached defaults to in-app and e-mail, so every branch of the choice shows.
const EVENT = 'ticket.sla_breached';

beforeAll(async () => {
  t = await testApp();
  const people: [string, string[], string | null][] = [
    ['plain', ['NET'], 'plain@yunwei.test'], // defaults: e-mail
    ['bad.mail', ['NET'], 'not an address'], // defaults, but no usable address: none
    ['no.mail', ['NET'], null],
    ['robot', ['NET'], 'robot@yunwei.test'], // chose in-app + robot, has a robot
    ['robotless', ['NET'], 'robotless@yunwei.test'], // chose e-mail + robot, has no robot: e-mail only
    ['quiet', ['NET'], 'quiet@yunwei.test'], // chose in-app only for this event
    ['other.event', ['NET'], 'other@yunwei.test'], // chose something for another event: defaults here
    ['off', ['NET'], 'off@yunwei.test'], // disabled: not told
    ['sm', ['SM'], 'sm@yunwei.test'], // another line: not told
  ];
  for (const [username, lines, email] of people) {
    await t.userAgent(username, ['engineer'], { serviceLines: lines });
    const [u] = await t.ctx.db.update(users).set({ email }).where(eq(users.username, username)).returning({ id: users.id });
    id[username] = u!.id;
  }
  await t.ctx.db.update(users).set({ disabled: true }).where(eq(users.id, id.off!));
  const robot = { kind: 'generic', sealed: 'x' };
  const updatedAt = new Date();
  await t.ctx.db.insert(notificationPrefs).values([
    { userId: id.robot!, events: { [EVENT]: ['inapp', 'webhook'] }, webhook: robot, updatedAt },
    { userId: id.robotless!, events: { [EVENT]: ['email', 'webhook'] }, webhook: null, updatedAt },
    { userId: id.quiet!, events: { [EVENT]: ['inapp'] }, webhook: robot, updatedAt },
    { userId: id['other.event']!, events: { 'ticket.assigned': ['email'] }, webhook: null, updatedAt },
  ]);
});
afterAll(async () => {
  await t?.close();
});

type Choice = Record<string, { delivery: string; want: string[] }>;

async function choices(event: string): Promise<Choice> {
  const rows = await t.ctx.db.select().from(notifications).where(eq(notifications.event, event));
  const byUser = new Map(Object.entries(id).map(([name, uid]) => [uid, name]));
  return Object.fromEntries(
    rows.map((r) => [byUser.get(r.userId)!, { delivery: r.delivery, want: (r.deliveryResults as { want?: string[] } | null)?.want ?? [] }]),
  );
}

/** The notice for the NET engineers written by one statement, its title built from the statement's own CTE. */
async function inStatement(event: string): Promise<{ told: number; title: string }> {
  const n = noticeInStatement(
    t.ctx,
    { roles: ['engineer'], serviceLine: 'NET' },
    {
      event,
      title: sql`'运维单 ' || src.number`,
      body: sql`'正文'`,
      link: '/desk/x',
      severity: 'warning',
      from: sql.raw('src'),
      name: 'n',
    },
  );
  const [r] = await queryRows<{ told: number }>(
    t.ctx.db,
    sql`WITH src AS (SELECT 'YW-2026-000042'::text AS number), n AS (${n.insert}) SELECT ${n.publish}::int AS told FROM src`,
  );
  const [row] = await t.ctx.db.select({ title: notifications.title }).from(notifications).where(eq(notifications.event, event)).limit(1);
  return { told: Number(r!.told), title: row!.title };
}

describe('a notice inside one statement', () => {
  it('reaches the same people with the same channels as notifyUsers', async () => {
    const net = ['plain', 'bad.mail', 'no.mail', 'robot', 'robotless', 'quiet', 'other.event'];
    await inTx(t.ctx, (tx) => notifyUsers(tx, { userIds: net.map((u) => id[u]!), event: EVENT, title: 'Node' }));
    const node = await choices(EVENT);
    await t.ctx.db.delete(notifications);
    const { told, title } = await inStatement(EVENT);
    const inSql = await choices(EVENT);
    expect(inSql).toEqual(node);
    expect(Object.keys(inSql).sort()).toEqual([...net].sort());
    expect(inSql).toMatchObject({
      plain: { delivery: 'pending', want: ['email'] },
      'bad.mail': { delivery: 'none', want: [] },
      'no.mail': { delivery: 'none', want: [] },
      robot: { delivery: 'pending', want: ['webhook'] },
      robotless: { delivery: 'pending', want: ['email'] },
      quiet: { delivery: 'none', want: [] },
      'other.event': { delivery: 'pending', want: ['email'] },
    });
    expect(title).toBe('运维单 YW-2026-000042');
    expect(told).toBe(1); // one bell message for all seven
  });

  it('announces the new notifications to the bell on commit', async () => {
    const hub = new LiveHub(t.ctx.db, pino({ level: 'silent' }));
    const heard: LiveEvent[] = [];
    const off = await hub.subscribe(id.robot!, (e) => heard.push(e));
    try {
      await t.ctx.db.delete(notifications);
      await inStatement('ticket.created');
      const [mine] = await t.ctx.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, id.robot!));
      const deadline = Date.now() + 5_000;
      while (!heard.some((e) => e.kind === 'new') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toContainEqual({ kind: 'new', ids: [mine!.id] });
    } finally {
      off();
      await hub.stop();
    }
  });
});
