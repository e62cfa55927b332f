// The register's free-text search at scale, planned and timed idle (issue 11 point 12): the demo plus
// N assets (lib/assets-seed.ts), then EXPLAIN (ANALYZE, BUFFERS) of the one statement a search runs
// (search.ts searchPageQuery) for a set of terms, each run three times (the best kept). Not part of
// `npm run bench`: a check of plans before and after a change of the search.
//   node bench/assets-search.ts [postgres-url] [assets]   (no URL: PGlite in memory)
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../src/server/bootstrap.ts';
import { queryRows } from '../src/server/kernel/db/client.ts';
import { assetFilter, searchPageQuery } from '../src/server/modules/assets/register/search.ts';
import { seedAssets } from './lib/assets-seed.ts';
import { freshDb } from './lib/seed.ts';
import { benchCtx } from './lib/session.ts';

const url = process.argv[2] && process.argv[2] !== '-' ? process.argv[2] : null;
const total = Number(process.argv[3] ?? 100_000);
const TERMS = ['S5735', '10.16.82.', 'E29BE0DA', '华为', 'huawei', '4层', '4 层', '华为 4层', '监控中心', '西办公区 S5735', '交换机'];

const bdb = await freshDb(url);
try {
  const ctx = benchCtx(bdb.database, randomBytes(32), 'bench-assets-search');
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo: true, demoPassword: 'Demo-Pass-1' });
  const seeded = await seedAssets(bdb.database, { total });
  console.log(`${bdb.version}: ${seeded.assets} assets`);
  for (const q of TERMS) {
    const where = await assetFilter({ ...ctx, actor: null }, { q });
    let best = Infinity;
    let chain = '';
    let found = 0;
    for (let i = 0; i < 3; i++) {
      const rows = await queryRows<Record<string, string>>(
        bdb.database.db,
        sql`EXPLAIN (ANALYZE, BUFFERS) ${searchPageQuery(where, 20, 0)}`,
      );
      const lines = rows.map((r) => Object.values(r)[0] ?? '');
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? NaN);
      if (ms < best) best = ms;
      chain = lines
        .map(
          (l) => /^\s*(?:->\s*)?((?:Bitmap |Index |Seq |Parallel )[\w ]*?(?: on \w+)?(?: using \w+)?)\s*(?:on \w+\s*)?\(cost/.exec(l)?.[1],
        )
        .filter(Boolean)
        .join(' → ');
    }
    const [n] = await queryRows<{ total: number }>(bdb.database.db, searchPageQuery(where, 1, 0));
    found = Number(n?.total ?? 0);
    console.log(`${JSON.stringify(q).padEnd(18)} ${best.toFixed(1).padStart(7)} ms  ${String(found).padStart(6)} found  ${chain}`);
  }
} finally {
  await bdb.drop();
}
