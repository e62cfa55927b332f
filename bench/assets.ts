// The asset register at scale (issue 4's acceptance): 50,000 assets on PostgreSQL (and on PGlite),
// seeded with set-based SQL on top of the demo (lib/assets-seed.ts); then through real HTTP against
// the real app (buildApp, default logging, an agency contact holding asset.read and asset.write,
// signed in with a real session):
//   - the filtered list and three searches (a model, an IP and a serial fragment): p50/p95/p99 at a
//     few concurrent clients in child processes, next to GET /api/health on the same server at the
//     same concurrency (the baseline of the ratio);
//   - the import: a 10,000-row .xlsx built from the real template (GET /api/assets/import-template)
//     uploaded as multipart to POST /api/assets/import, timed end to end, while this process (the
//     app's) samples its memory every 50 ms.
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { asc, count, sql, type SQL } from 'drizzle-orm';
import { bootstrap } from '../src/server/bootstrap.ts';
import { createUser } from '../src/server/kernel/auth/users.ts';
import { queryRows, type Database } from '../src/server/kernel/db/client.ts';
import { assetFilter, searchPageQuery } from '../src/server/modules/assets/register/search.ts';
import { assets } from '../src/server/modules/assets/register/tables.ts';
import { ASSET_STATUS_NAMES, NETWORK_DOMAIN_NAMES, type TAssetQuery } from '../src/common/assets.ts';
import { benchCtx, getJson, startBenchApp } from './lib/session.ts';
import { onCleanup } from './lib/cleanup.ts';
import { freshDb } from './lib/seed.ts';
import { DEVICES, seedAssets } from './lib/assets-seed.ts';
import { latency, type LatencyResult } from './lib/latency.ts';

export const KEEPER = { username: 'bench_assets', password: 'Bench-Pass-1', role: 'agency_contact' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface AssetsConfig {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  pgAssets: number;
  liteAssets: number;
  importRows: number;
  /** Run the import on PGlite too. */
  liteImport: boolean;
  log: (s: string) => void;
}

export interface AssetQueryRun {
  id: string;
  label: string;
  path: string;
  /** Carries the issue's p95 target. */
  target: boolean;
  result: LatencyResult;
  total: number;
  /** EXPLAIN ANALYZE of the page and the count, idle: node chain and execution time. */
  pagePlan: string;
  pageMs: number;
  countPlan: string;
  countMs: number;
  /** The full EXPLAIN ANALYZE text of the page and the count. */
  planText: string;
}

export interface ImportRun {
  rows: number;
  fileBytes: number;
  buildSeconds: number;
  seconds: number;
  created: number;
  /** RSS and heap before the upload (after a GC), their peaks during it, sampled every 50 ms. */
  rssBeforeMb: number;
  rssPeakMb: number;
  heapBeforeMb: number;
  heapPeakMb: number;
  externalPeakMb: number;
  samples: number;
  /** The longest gap between two samples: how long the event loop was held at a stretch. */
  maxGapMs: number;
}

export interface AssetsRun {
  label: 'PostgreSQL' | 'PGlite';
  version: string;
  assets: number;
  seeded: number;
  seedSeconds: number;
  demoSeconds: number;
  health: LatencyResult;
  queries: AssetQueryRun[];
  imported: ImportRun | null;
}

/** EXPLAIN ANALYZE: the plan's nodes outermost first, the execution time, and the whole text. */
async function explain(database: Database, query: SQL): Promise<{ chain: string; ms: number; text: string }> {
  const rows = await queryRows<Record<string, string>>(database.db, sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
  const lines = rows.map((r) => Object.values(r)[0] ?? '');
  const chain = lines
    .map((line) => /^\s*(?:->\s*)?([A-Za-z][\w ]*?(?: on \w+)?(?: using \w+)?)\s*(?:on \w+\s*)?\(cost/.exec(line)?.[1])
    .filter((x): x is string => !!x)
    .join(' → ');
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? NaN);
  return { chain, ms, text: lines.join('\n') };
}

interface QuerySpec {
  id: string;
  label: string;
  query: Partial<TAssetQuery>;
  target: boolean;
}

async function querySpecs(database: Database, registerSize: number): Promise<QuerySpec[]> {
  // Search terms taken from the data: a subnet (an IP without its last part) and a serial's tail.
  const [a] = await queryRows<{ ip: string; serial: string }>(
    database.db,
    sql`SELECT mgmt_ip AS ip, serial FROM assets WHERE mgmt_ip <> '' AND status = 'in_use' ORDER BY number OFFSET ${Math.min(777, Math.floor(registerSize / 20))} LIMIT 1`,
  );
  if (!a) throw new Error('no asset to search for');
  const subnet = a.ip.slice(0, a.ip.lastIndexOf('.') + 1);
  const serial = a.serial.slice(-8);
  return [
    {
      id: 'filtered',
      label: 'filtered: network devices (class A02010200 and below), in use',
      query: { classCode: 'A02010200', status: 'in_use' },
      target: true,
    },
    { id: 'qmodel', label: 'searched: q = model fragment "S5735"', query: { q: 'S5735' }, target: true },
    { id: 'qip', label: `searched: q = IP fragment "${subnet}"`, query: { q: subnet }, target: true },
    { id: 'qserial', label: `searched: q = serial fragment "${serial}"`, query: { q: serial }, target: true },
    { id: 'all', label: 'whole register, first page (no filter)', query: {}, target: false },
  ];
}

const qs = (q: Partial<TAssetQuery>) =>
  new URLSearchParams({ ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])), page: '1', pageSize: '20' }).toString();

/** Fills the real template with `n` valid rows: the demo's sites and rooms, the catalogue's devices. */
async function buildImportFile(database: Database, base: string, headers: Record<string, string>, n: number): Promise<Buffer> {
  const res = await fetch(`${base}/api/assets/import-template`, { headers, signal: AbortSignal.timeout(60_000) });
  if (res.status !== 200) throw new Error(`GET /api/assets/import-template: ${res.status} ${(await res.text()).slice(0, 300)}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.getWorksheet('资产');
  if (!ws) throw new Error('the template has no sheet 资产');
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((c, i) => col.set(c.text.trim(), i));
  for (const need of ['名称', '分类代码', '状态', '厂商', '型号', '序列号', '管理IP', '地点', '房间', '保修到期'])
    if (!col.has(need)) throw new Error(`the template has no column ${need}`);
  const classes = new Map(
    (await queryRows<{ code: string; name: string }>(database.db, sql`SELECT code, name FROM asset_classes`)).map((c) => [c.code, c.name]),
  );
  const places = await queryRows<{ site: string; room: string }>(
    database.db,
    sql`SELECT s.name AS site, r.name AS room FROM rooms r JOIN sites s ON s.id = r.site_id ORDER BY s.code, r.code`,
  );
  if (!places.length) throw new Error('no rooms to import into');
  const devices = DEVICES.flatMap((d) => Array.from({ length: Math.max(1, Math.round(d.w / 10)) }, () => d));
  const statuses = ['in_use', 'in_use', 'in_use', 'in_stock', 'spare'] as const;
  const today = new Date();
  const day = (k: number) => new Date(today.getTime() + k * 86_400_000).toISOString().slice(0, 10);
  ws.spliceRows(2, 1); // the example row
  for (let i = 0; i < n; i++) {
    const d = devices[i % devices.length]!;
    const p = places[(i * 7) % places.length]!;
    const v: Record<string, string | number> = {
      名称: `${d.name} 导入${i + 1}`,
      分类代码: `${d.cls} ${classes.get(d.cls) ?? ''}`.trim(),
      状态: ASSET_STATUS_NAMES[statuses[i % statuses.length]!],
      厂商: d.vendor,
      型号: d.model,
      序列号: `${d.serial}IMP${String(i + 1).padStart(6, '0')}`,
      管理IP: d.ip ? `172.${16 + (i % 16)}.${Math.floor(i / 16) % 250}.${1 + (i % 250)}` : '',
      固件版本: d.ip ? 'V200R021C10' : '',
      网络域: d.domain ? NETWORK_DOMAIN_NAMES[d.domain as keyof typeof NETWORK_DOMAIN_NAMES] : '',
      服务项目: d.line ?? '',
      地点: p.site,
      楼宇: '主楼',
      楼层: String(1 + (i % 12)),
      房间: p.room,
      机柜: d.ip ? `B${String(1 + (i % 20)).padStart(2, '0')}` : '',
      U位: d.ip ? String(1 + (i % 40)) : '',
      保修到期: day(365 + (i % 1000)),
      停止支持: day(1500 + (i % 1000)),
      备注: '压测导入',
    };
    if (d.ports !== null) v['端口数'] = d.ports;
    const row = ws.getRow(i + 2);
    for (const [k, x] of Object.entries(v)) if (x !== '' && col.has(k)) row.getCell(col.get(k)!).value = x;
    row.font = {};
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A full GC when this process can do one (v8 flag set at run time), so the "before" figure is steady. */
function collect(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    /* no GC: the figure is what it is */
  }
}

async function runImport(
  database: Database,
  base: string,
  headers: Record<string, string>,
  rows: number,
  log: (s: string) => void,
): Promise<ImportRun> {
  const t0 = performance.now();
  const file = await buildImportFile(database, base, headers, rows);
  const buildSeconds = (performance.now() - t0) / 1000;
  const [{ n: before }] = (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM assets`)) as [{ n: number }];
  collect();
  await new Promise((r) => setTimeout(r, 200));
  collect();
  const m0 = process.memoryUsage();
  let rssPeak = m0.rss;
  let heapPeak = m0.heapUsed;
  let extPeak = m0.external;
  let samples = 0;
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
    extPeak = Math.max(extPeak, m.external);
    samples++;
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 50);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: XLSX }), `资产导入-${rows}.xlsx`);
  const t = performance.now();
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${base}/api/assets/import`, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(300_000) });
    status = res.status;
    text = await res.text();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t) / 1000;
  const m1 = process.memoryUsage();
  rssPeak = Math.max(rssPeak, m1.rss);
  heapPeak = Math.max(heapPeak, m1.heapUsed);
  if (status !== 201) throw new Error(`POST /api/assets/import: ${status} ${text.slice(0, 800)}`);
  const body = JSON.parse(text) as { created: number; numbers: string[] };
  const [{ n: after }] = (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM assets`)) as [{ n: number }];
  if (body.created !== rows || after - before !== rows)
    throw new Error(`import: ${body.created} created, register grew by ${after - before}, expected ${rows}`);
  const mb = (b: number) => b / 1024 / 1024;
  const r: ImportRun = {
    rows,
    fileBytes: file.length,
    buildSeconds,
    seconds,
    created: body.created,
    rssBeforeMb: mb(m0.rss),
    rssPeakMb: mb(rssPeak),
    heapBeforeMb: mb(m0.heapUsed),
    heapPeakMb: mb(heapPeak),
    externalPeakMb: mb(extPeak),
    samples,
    maxGapMs: maxGap,
  };
  log(
    `  import of ${rows.toLocaleString('en')} rows (${(file.length / 1024).toFixed(0)} KiB .xlsx, built in ${buildSeconds.toFixed(1)} s): ${seconds.toFixed(2)} s; ` +
      `RSS ${r.rssBeforeMb.toFixed(0)} → peak ${r.rssPeakMb.toFixed(0)} MB (+${(r.rssPeakMb - r.rssBeforeMb).toFixed(0)}), heap ${r.heapBeforeMb.toFixed(0)} → peak ${r.heapPeakMb.toFixed(0)} MB; ` +
      `${samples} samples, longest gap ${maxGap.toFixed(0)} ms`,
  );
  return r;
}

async function benchOne(baseUrl: string | null, c: AssetsConfig): Promise<AssetsRun> {
  const secretKey = randomBytes(32);
  const onPg = baseUrl !== null;
  const total = onPg ? c.pgAssets : c.liteAssets;
  c.log(`\nAssets on ${onPg ? 'PostgreSQL' : 'PGlite'}: the demo, then ${total.toLocaleString('en')} assets…`);
  const bdb = await freshDb(baseUrl);
  const removeDrop = onCleanup(`${bdb.label} assets database`, () => bdb.drop());
  const ctx = benchCtx(bdb.database, secretKey, 'bench-assets');
  let t = performance.now();
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo: true, demoPassword: 'Demo-Pass-1' });
  const demoSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const seeded = await seedAssets(bdb.database, {
    total,
    onProgress: (done) => {
      if (done < total) c.log(`    … ${done.toLocaleString('en')} assets in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    },
  });
  const seedSeconds = (performance.now() - t) / 1000;
  c.log(
    `  ${bdb.label}: demo in ${demoSeconds.toFixed(1)} s; seeded ${seeded.seeded.toLocaleString('en')} assets (register: ${seeded.assets.toLocaleString('en')}) in ${seedSeconds.toFixed(1)} s`,
  );
  await createUser(
    ctx,
    { username: KEEPER.username, displayName: '压测资产管理员', password: KEEPER.password, roles: [KEEPER.role], serviceLines: [] },
    { mustChangePassword: false, allowRoles: true },
  );

  const app = await startBenchApp(bdb.database, secretKey, 'assets app', KEEPER);
  const { base, headers } = app;
  const read = { headers, connections: c.connections, warmupSeconds: c.warmupSeconds, durationSeconds: c.durationSeconds };

  const health = await latency({ ...read, url: `${base}/api/health`, headers: {} });
  c.log(
    `  ${'GET /api/health (baseline)'.padEnd(64)} p50 ${health.p50Ms.toFixed(1).padStart(6)}  p95 ${health.p95Ms.toFixed(1).padStart(6)}  p99 ${health.p99Ms.toFixed(1).padStart(6)} ms`,
  );
  const queries: AssetQueryRun[] = [];
  for (const s of await querySpecs(bdb.database, seeded.assets)) {
    const path = `/api/assets?${qs(s.query)}`;
    const body = (await getJson(`${base}${path}`, headers)) as { items: { classCode: string; status: string }[]; total: number };
    if (body.items.length === 0 || body.items.length > 20) throw new Error(`${path}: ${body.items.length} items`);
    if (s.id === 'filtered' && body.items.some((i) => i.status !== 'in_use' || !i.classCode.startsWith('A020102')))
      throw new Error(`${path}: expected network devices in use, got ${JSON.stringify(body.items.slice(0, 2)).slice(0, 300)}`);
    const where = await assetFilter({ ...ctx, actor: null }, s.query);
    // The statements the endpoint runs (search.ts): a search pages and counts in one statement.
    const page = await explain(
      bdb.database,
      s.query.q
        ? searchPageQuery(where, 20, 0)
        : bdb.database.db.select().from(assets).where(where).orderBy(asc(assets.number)).limit(20).getSQL(),
    );
    const cnt = s.query.q
      ? { chain: '(counted by the page statement)', ms: NaN, text: '(counted by the page statement)' }
      : await explain(bdb.database, bdb.database.db.select({ n: count() }).from(assets).where(where).getSQL());
    const result = await latency({ ...read, url: `${base}${path}` });
    queries.push({
      ...s,
      path,
      result,
      total: body.total,
      pagePlan: page.chain,
      pageMs: page.ms,
      countPlan: cnt.chain,
      countMs: cnt.ms,
      planText: `-- page\n${page.text}\n-- count\n${cnt.text}`,
    });
    c.log(
      `  ${s.label.padEnd(64)} p50 ${result.p50Ms.toFixed(1).padStart(6)}  p95 ${result.p95Ms.toFixed(1).padStart(6)}  p99 ${result.p99Ms.toFixed(1).padStart(6)} ms  ${result.perSecond.toFixed(0)}/s  total ${body.total}  (idle: page ${page.ms.toFixed(1)} ms${Number.isFinite(cnt.ms) ? `, count ${cnt.ms.toFixed(1)} ms` : ', counted with it'})`,
    );
  }

  const imported = onPg || c.liteImport ? await runImport(bdb.database, base, headers, c.importRows, c.log) : null;
  await app.close();
  await bdb.drop();
  removeDrop();
  return {
    label: bdb.label,
    version: bdb.version,
    assets: seeded.assets,
    seeded: seeded.seeded,
    seedSeconds,
    demoSeconds,
    health,
    queries,
    imported,
  };
}

export async function benchAssets(pgUrl: string | null, wantLite: boolean, c: AssetsConfig): Promise<AssetsRun[]> {
  const runs: AssetsRun[] = [];
  if (pgUrl) runs.push(await benchOne(pgUrl, c));
  if (wantLite) runs.push(await benchOne(null, c));
  return runs;
}
