// The syslog receiver in a process of its own, for the kill -9 test (spool.test.ts): the real module
// code (receiver, parsers, store) under the kernel's collector runtime, writing to the PostgreSQL
// database YW_DB_URL, with its spool under YW_DATA_DIR. Its sink is slowed (a short wait before each
// batch of 50) so the spool runs ahead of the database and a kill finds rows spooled but not written.
// Prints "ready" once listening; SIGTERM stops it cleanly.
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import pino from 'pino';
import { keyring } from '../../../kernel/crypto.ts';
import { startCollectors } from '../../../kernel/collectors/runtime.ts';
import type { CollectorDef } from '../../../kernel/collectors/types.ts';
import { openDatabase } from '../../../kernel/db/client.ts';
import { ensureAllSeries, registryOf } from '../../../site.ts';
import type { EventRow } from '../normalise.ts';
import { syslogCollector } from '../receiver.ts';
import { writeEvents } from '../store.ts';

const env = (name: string) => process.env[name] ?? (console.error(`${name} missing`), process.exit(2));
const dataDir = env('YW_DATA_DIR');
const database = await openDatabase({ url: env('YW_DB_URL'), pgliteDir: null, poolSize: 4 });
await ensureAllSeries(database, registryOf());
const slow: CollectorDef<EventRow> = {
  ...syslogCollector,
  sink: {
    ...syslogCollector.sink,
    batchSize: 50,
    flushMs: 50,
    write: async (ctx, rows) => {
      await delay(Number(process.env.YW_SINK_DELAY_MS ?? 40));
      await writeEvents(ctx, rows);
    },
  },
};
const rt = await startCollectors({
  database,
  nodeId: `spool-child-${process.pid}`,
  log: pino({ level: process.env.COLLECTORS_LOG ?? 'silent' }),
  keys: keyring(Buffer.alloc(32, 7)),
  defs: [slow],
  leaseMs: 1000,
  retryMs: { min: 20, max: 200 },
  site: {
    dataDir,
    syslog: { host: '127.0.0.1', port: Number(env('YW_PORT')) },
    spool: { dir: join(dataDir, 'spool'), maxBytes: 64 << 20 },
  },
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void rt
    .stop()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
