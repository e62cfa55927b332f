// The job runner's start: queues and schedules are written only when new or changed, so a restart does
// not rewrite dozens of them, yet a changed cron reaches pg-boss and a removed one is unscheduled.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryOf } from '../site.ts';
import { testDb, TEST_KEY, type TestDb } from '../test/harness.ts';
import { keyring } from './crypto.ts';
import { startJobs } from './jobs.ts';
import { defineModule } from './module.ts';

const log = pino({ level: 'silent' });
const noop = async () => undefined;
const withJob = (cron: string | undefined) =>
  registryOf([
    defineModule({
      id: 'jobtest',
      name: { zh: '作业测试', en: 'Job test' },
      jobs: [{ name: 'jobtest-tick', scope: 'global', cron, handler: noop }],
    }),
  ]);

describe('job runner start', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await testDb([]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const schedulesAfterStart = async (cron: string | undefined) => {
    const runner = await startJobs(db.database, { log, keys: keyring(TEST_KEY), url: db.url }, withJob(cron), { work: false });
    try {
      const all = await runner.boss.getSchedules();
      const queues = await runner.boss.getQueues();
      return { schedules: all.filter((s) => s.name === 'jobtest-tick'), queue: queues.some((q) => q.name === 'jobtest-tick') };
    } finally {
      await runner.stop();
    }
  };

  it('creates the queue and schedule, keeps them on a restart, follows a changed cron and drops a removed one', async () => {
    const first = await schedulesAfterStart('*/5 * * * *');
    expect(first.queue).toBe(true);
    expect(first.schedules.map((s) => [s.cron, s.timezone])).toEqual([['*/5 * * * *', 'Asia/Shanghai']]);

    const again = await schedulesAfterStart('*/5 * * * *');
    expect(again.schedules.map((s) => s.cron)).toEqual(['*/5 * * * *']);
    // Not rewritten: the row is the one the first start made.
    expect(again.schedules[0]!.createdOn).toEqual(first.schedules[0]!.createdOn);

    const changed = await schedulesAfterStart('0 8 * * *');
    expect(changed.schedules.map((s) => s.cron)).toEqual(['0 8 * * *']);

    const removed = await schedulesAfterStart(undefined);
    expect(removed.queue).toBe(true);
    expect(removed.schedules).toEqual([]);
  });
});
