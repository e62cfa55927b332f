// Seeds the desk at scale with set-based SQL (no per-row round trips): `total` tickets over the last
// two years, about `open` of them still open (mostly recent, a few stale), and their SLA clocks as
// the contract's default policies would have started them (common/sla.ts): a call-back clock on
// every ticket; on-site, (for NET/SEC critical/high) resolve, and report clocks on faults.
//
// Each chunk is one statement: a data-modifying CTE inserts the tickets and, from what it returns,
// their clocks. Closed tickets' clocks are met (a few late); open tickets' clocks are met, running,
// paused (waiting for a vendor) or already past due. dueAt is the plain 7x24 deadline or, for 5x9
// clocks, an approximation (9 business hours ≈ 24 wall-clock hours): the SLA job corrects it on its
// first pass, which the bench reports separately from the steady-state pass.
//
// SQL accepted by PostgreSQL 15 and PGlite alike (ARCHITECTURE.md).
import type { Database } from '../../src/server/kernel/db/client.ts';

export interface DeskSeedOptions {
  total: number;
  open: number;
  /** "Now" of the data set: the newest ticket is reported just before it. */
  now: Date;
  /** Tickets per statement. */
  chunk?: number;
  onProgress?: (done: number) => void;
  onIndexes?: (n: number) => void;
}

const PLACES = [
  '六里桥办公区',
  '监控中心',
  '指挥大厅',
  '三层机房',
  '一号会议室',
  '二号会议室',
  '值班室',
  '档案室',
  '五层办公区',
  '数据中心',
  '应急指挥室',
  '西配楼',
];
const OBJECTS = [
  '核心交换机',
  '接入交换机',
  '防火墙',
  '视频墙',
  '投影仪',
  '服务器',
  '存储阵列',
  '无线AP',
  '打印机',
  'IPS',
  'VPN网关',
  '视频会议终端',
  '话筒',
  '摄像头',
  'UPS',
  '门禁',
];
const SYMPTOMS = [
  '端口故障',
  '断网',
  '黑屏',
  '无法登录',
  '持续告警',
  'CPU 持续过高',
  '无信号',
  '频繁重启',
  '丢包严重',
  '需要调整配置',
  '咨询使用方法',
  '噪音大',
  '无法开机',
  '画面卡顿',
];
const DEPARTMENTS = ['办公室', '信息中心', '财务处', '人事处', '指挥处', '后勤处', '法规处', '宣传处'];
const NAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
/** A random element of xs, from the uniform [0,1) column r. */
const pick = (xs: string[], r: string) => `(${arr(xs)})[1 + floor(${r} * ${xs.length})::int]`;
const iso = (x: string) => `to_char(${x} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Runs one statement on either driver (one connection, so setseed holds for the whole seed). */
export type Exec = (text: string) => Promise<Record<string, unknown>[]>;

export async function withExec<T>(database: Database, fn: (exec: Exec) => Promise<T>): Promise<T> {
  if (database.pglite) {
    const lite = database.pglite;
    return fn(async (text) => (await lite.exec(text)).at(-1)?.rows ?? []);
  }
  const client = await database.pool!.connect();
  try {
    return await fn(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
  } finally {
    client.release();
  }
}

function chunkSql(from: number, to: number, o: { total: number; open: number; now: Date }): string {
  const { total: n, open } = o;
  // Open tickets: mostly among the newest 2×open, the rest scattered (stale ones nobody closed).
  const recent = Math.min(n, 2 * open);
  let pRecent = Math.min(1, (0.9 * open) / Math.max(recent, 1));
  let pOld = n > recent ? (open - pRecent * recent) / (n - recent) : 0;
  if (n <= recent) pRecent = open / n;
  pOld = Math.max(0, Math.min(1, pOld));
  const now = `'${o.now.toISOString()}'::timestamptz`;
  const span = 730 * 86_400; // two years, seconds
  return `
WITH src AS (
  SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9
  FROM generate_series(${from}, ${to}) i
), t AS (
  SELECT i, r5, r6, r7, r8, r9,
    CASE WHEN r1 < 0.35 THEN 'NET' WHEN r1 < 0.65 THEN 'SM' WHEN r1 < 0.80 THEN 'SEC' ELSE 'VC' END AS sl,
    CASE WHEN r2 < 0.05 THEN 'critical' WHEN r2 < 0.20 THEN 'high' WHEN r2 < 0.65 THEN 'medium' ELSE 'low' END AS sev,
    CASE WHEN r3 < 0.60 THEN 'fault' WHEN r3 < 0.85 THEN 'request' WHEN r3 < 0.95 THEN 'consultation' ELSE 'complaint' END AS cat,
    date_trunc('milliseconds', ${now} - make_interval(secs => ${span} * (1 - i::float8 / ${n}) + 60 + r4 * 3600)) AS rep,
    CASE WHEN r5 < (CASE WHEN i > ${n - recent} THEN ${pRecent} ELSE ${pOld} END)
      THEN (CASE WHEN r6 < 0.30 THEN 'new' WHEN r6 < 0.80 THEN 'in_progress' ELSE 'resolved' END)
      ELSE (CASE WHEN r6 < 0.98 THEN 'closed' ELSE 'merged' END) END AS st
  FROM src
), ins AS (
  INSERT INTO tickets (number, service_line, category, severity, title, description, reported_at, channel, status,
    requester_name, requester_phone, requester_department, resolved_at, closed_at, created_at, updated_at)
  SELECT 'YW-' || to_char(rep AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(i::text, 6, '0'), sl, cat, sev,
    ${pick(PLACES, 'r7')} || ${pick(OBJECTS, 'r8')} || ${pick(SYMPTOMS, 'r9')},
    '来电反映：' || ${pick(PLACES, 'r8')} || ${pick(OBJECTS, 'r9')} || ${pick(SYMPTOMS, 'r7')} || '，请尽快处理。',
    rep,
    CASE WHEN r9 < 0.50 THEN 'hotline' WHEN r9 < 0.75 THEN 'web' WHEN r9 < 0.85 THEN 'onsite' ELSE 'monitoring' END,
    st,
    ${pick(NAMES, 'r6')} || CASE WHEN r7 < 0.5 THEN '工' ELSE '老师' END,
    '1' || (ARRAY['39','38','37','86','58','35'])[1 + floor(r8 * 6)::int] || lpad(((i::bigint * 7919 + 12345) % 100000000)::text, 8, '0'),
    ${pick(DEPARTMENTS, 'r9')},
    CASE WHEN st IN ('resolved', 'closed', 'merged') THEN rep + make_interval(secs => 3600 + r7 * 86400) END,
    CASE WHEN st IN ('closed', 'merged') THEN rep + make_interval(secs => 90000 + r7 * 172800) END,
    rep, rep + make_interval(secs => r7 * 3600)
  FROM t
  RETURNING id, service_line, severity, category, status, reported_at
), c AS (
  SELECT ins.id, ins.status, ins.reported_at AS rep, tg.target, tg.ms, tg.profile
  FROM ins CROSS JOIN LATERAL (
    SELECT * FROM (VALUES
      ('callback', 300000::bigint, CASE WHEN ins.service_line = 'SM' THEN '5x9' ELSE '7x24' END, true),
      ('onsite', CASE WHEN ins.service_line IN ('NET','SEC') AND ins.severity IN ('critical','high') THEN 7200000 ELSE 32400000 END::bigint,
                 CASE WHEN ins.service_line IN ('NET','SEC') AND ins.severity IN ('critical','high') THEN '7x24' ELSE '5x9' END, ins.category = 'fault'),
      ('resolve', 86400000::bigint, '7x24', ins.category = 'fault' AND ins.service_line IN ('NET','SEC') AND ins.severity IN ('critical','high')),
      ('report', 86400000::bigint, '7x24', ins.category = 'fault')
    ) v(target, ms, profile, applies) WHERE applies
  ) tg
), m AS (
  SELECT c.*, random() AS rm, random() AS rp,
    -- wall-clock length of the target: 7x24 as is, 5x9 about 24 h per 9 business hours
    make_interval(secs => (CASE WHEN c.profile = '7x24' THEN c.ms ELSE c.ms * 24 / 9 END) / 1000.0) AS wall,
    CASE
      WHEN c.status IN ('closed', 'merged') THEN true
      WHEN c.status = 'resolved' THEN c.target <> 'report' OR random() < 0.9
      WHEN c.status = 'in_progress' THEN c.target IN ('callback', 'onsite') OR (c.target = 'report' AND random() < 0.7)
      ELSE c.target = 'callback' AND random() < 0.6
    END AS met
  FROM c
), e AS (
  SELECT m.*, rep + wall AS due,
    CASE WHEN met THEN date_trunc('milliseconds', least(rep + wall * (rm * 1.15), ${now})) END AS met_at,
    (NOT met AND rp < 0.05) AS paused
  FROM m
)
INSERT INTO ticket_clocks (ticket_id, target, duration_ms, profile, events, due_at, met_at, state, paused_ms)
SELECT id, target, ms, profile,
  CASE
    WHEN met THEN jsonb_build_array(jsonb_build_object('at', ${iso('rep')}, 'kind', 'start'), jsonb_build_object('at', ${iso('met_at')}, 'kind', 'met'))
    WHEN paused THEN jsonb_build_array(jsonb_build_object('at', ${iso('rep')}, 'kind', 'start'),
      jsonb_build_object('at', ${iso(`least(rep + interval '1 minute', ${now})`)}, 'kind', 'pause', 'reason', '等待厂商备件'))
    ELSE jsonb_build_array(jsonb_build_object('at', ${iso('rep')}, 'kind', 'start'))
  END,
  due, met_at,
  CASE WHEN met THEN (CASE WHEN met_at <= due THEN 'met' ELSE 'met_late' END)
       WHEN paused THEN 'paused'
       WHEN due <= ${now} THEN 'breached' ELSE 'running' END,
  0
FROM e`;
}

/** Seeds the tickets and clocks, moves the number sequence past them, and leaves statistics fresh. */
export async function seedDesk(database: Database, o: DeskSeedOptions): Promise<{ tickets: number; clocks: number; open: number }> {
  const chunk = o.chunk ?? 50_000;
  await withExec(database, async (exec) => {
    await exec('SELECT setseed(0.2021)');
    // As a bulk load does: the secondary indexes are dropped and built once at the end (the primary
    // key and the unique ticket number stay, so the load is checked as the product would).
    const indexes = (await exec(`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('tickets', 'ticket_clocks')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)) as { name: string; def: string }[];
    for (const ix of indexes) await exec(`DROP INDEX "${ix.name}"`);
    for (let from = 1; from <= o.total; from += chunk) {
      const to = Math.min(o.total, from + chunk - 1);
      await exec(chunkSql(from, to, o));
      o.onProgress?.(to);
    }
    for (const ix of indexes) await exec(ix.def);
    o.onIndexes?.(indexes.length);
    await exec(`SELECT setval('ticket_number_seq', ${o.total})`);
    // Steady state, as autovacuum leaves a live database: statistics and the visibility map.
    await exec('VACUUM ANALYZE tickets');
    await exec('VACUUM ANALYZE ticket_clocks');
  });
  const rows = await countRows(database);
  return rows;
}

async function countRows(database: Database): Promise<{ tickets: number; clocks: number; open: number }> {
  const q = `SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM ticket_clocks)::int AS clocks,
    (SELECT count(*) FROM tickets WHERE status NOT IN ('closed', 'merged'))::int AS open`;
  const r = database.pglite
    ? await database.pglite.query<{ tickets: number; clocks: number; open: number }>(q)
    : await database.pool!.query<{ tickets: number; clocks: number; open: number }>(q);
  return r.rows[0]!;
}
