// Seeds the asset register at scale with set-based SQL (no per-row round trips), on top of the demo
// (its sites and rooms, its classification and its few hundred demo assets): `total` assets spread
// over the seeded classes by a weighted catalogue of realistic devices (vendor, model, port count,
// serial prefix), over the demo's rooms (a tenth with a site but no room), five statuses (60% in
// use), management IPs on the devices that have one, warranty and end-of-support dates around today.
// Numbers follow the default rule ({class}-{site}-{seq:5}) and continue each prefix's counter, and
// the counters are moved past them, so an import afterwards gets fresh numbers. Each asset gets its
// 'created' history entry. Secondary indexes are dropped during the load and built once at the end,
// then VACUUM ANALYZE. SQL accepted by PostgreSQL 15 and PGlite alike.
import type { Database } from '../../src/server/kernel/db/client.ts';
import { withExec } from './desk-seed.ts';

export interface AssetsSeedOptions {
  total: number;
  /** Assets per statement. */
  chunk?: number;
  onProgress?: (done: number) => void;
}

/** One kind of device: class, weight in the register, name, vendor, model, ports, serial prefix, IP or not. */
interface Device {
  cls: string;
  w: number;
  name: string;
  vendor: string;
  model: string;
  ports: number | null;
  serial: string;
  ip: boolean;
  line: string | null;
  domain: string | null;
}

const D = (
  cls: string,
  w: number,
  name: string,
  vendor: string,
  model: string,
  ports: number | null,
  serial: string,
  ip: boolean,
  line: string | null,
  domain: string | null = null,
): Device => ({
  cls,
  w,
  name,
  vendor,
  model,
  ports,
  serial,
  ip,
  line,
  domain,
});

/** The catalogue: weights are shares of the register, in per mille. */
export const DEVICES: Device[] = [
  D('A02010202', 90, '接入交换机', '华为', 'S5735-L48T4X-A1', 52, '2102353', true, 'NET', 'egov'),
  D('A02010202', 50, '接入交换机', '华三', 'S5130S-52S-EI', 52, '219801A', true, 'NET', 'internet'),
  D('A02010202', 25, '汇聚交换机', '华为', 'S6730-H48X6C', 54, '2102352', true, 'NET', 'egov'),
  D('A02010202', 8, '核心交换机', '华为', 'CE12808', 384, '2102113', true, 'NET', 'egov'),
  D('A02010201', 20, '路由器', '华为', 'AR6280', 12, '2102351', true, 'NET', 'ministry'),
  D('A02010201', 10, '路由器', '锐捷', 'RG-RSR77-X', 16, 'G1LQ5A', true, 'NET', 'medicare'),
  D('A02010203', 60, '无线AP', '华为', 'AirEngine 5761-11', 2, '2102353C', true, 'NET', 'internet'),
  D('A02010203', 5, '无线控制器', '华为', 'AC6805', 12, '2102352C', true, 'NET', 'internet'),
  D('A02010204', 4, '负载均衡', 'F5', 'BIG-IP i5800', 8, 'F5-XQPM', true, 'NET', 'egov'),
  D('A02010301', 14, '防火墙', '华为', 'USG6650E', 16, '2102351F', true, 'SEC', 'egov'),
  D('A02010301', 10, '防火墙', '深信服', 'AF-2000-FH2300B', 12, 'SXF-AF', true, 'SEC', 'internet'),
  D('A02010302', 8, '入侵防御系统', '绿盟', 'NIPS NX3-N2000', 8, 'NSF-IPS', true, 'SEC', 'egov'),
  D('A02010303', 3, '防病毒服务器', '奇安信', '天擎 V10', null, 'QAX-TQ', true, 'SEC', 'egov'),
  D('A02010304', 5, '日志审计', '启明星辰', '天玥 LA-3000', 6, 'VENUS-LA', true, 'SEC', 'egov'),
  D('A02010104', 60, '机架式服务器', '华为', 'FusionServer 2288H V6', 4, '2102312', true, 'SM'),
  D('A02010104', 40, '机架式服务器', '浪潮', 'NF5280M6', 4, 'INSPUR-', true, 'SM'),
  D('A02010104', 20, '机架式服务器', '联想', 'ThinkSystem SR650', 4, 'J30A', true, 'SM'),
  D('A02019100', 10, '存储阵列', '华为', 'OceanStor 5310', 8, '2102353S', true, 'SM'),
  D('A02010105', 230, '台式计算机', '联想', '启天 M437', 1, 'PC0', false, null),
  D('A02010105', 90, '台式计算机', '华为', '擎云 W515', 1, 'HWW515', false, null),
  D('A02010108', 60, '便携式计算机', '联想', 'ThinkPad E14', 1, 'PF3', false, null),
  D('A02019201', 12, '视频会议终端', '华为', 'TE40', 2, '2102312T', true, 'VC', 'egov'),
  D('A02019201', 8, '视频会议终端', '宝利通', 'Group 500', 2, '8215', true, 'VC', 'egov'),
  D('A02019202', 2, 'MCU', '华为', 'VP9660', 8, '2102312M', true, 'VC', 'egov'),
  D('A02019203', 25, '摄像机', '海康威视', 'DS-2CD3T47', 1, 'DS2CD', true, 'VC'),
  D('A02019204', 40, '显示设备', '京东方', 'BOE 86寸会议平板', null, 'BOE86', false, 'VC'),
  D('A02019205', 30, '音频设备', '雅马哈', 'MG12XU', null, 'YMG', false, 'VC'),
  D('A02019206', 20, '投影机', '爱普生', 'CB-2265U', null, 'EPS', false, 'VC'),
  D('A02019300', 30, '正版软件', '微软', 'Windows Server 2019', null, 'MS-WS', false, 'SM'),
];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The catalogue as a VALUES list, each device repeated by its weight, so a uniform pick follows the weights. */
function catalogue(): { values: string; n: number } {
  const rows: string[] = [];
  for (const d of DEVICES)
    for (let j = 0; j < d.w; j++)
      rows.push(
        `(${rows.length + 1}, ${q(d.cls)}, ${q(d.name)}, ${q(d.vendor)}, ${q(d.model)}, ${d.ports ?? 'NULL'}::int, ${q(d.serial)}, ${d.ip}, ${d.line ? q(d.line) : 'NULL'}, ${d.domain ? q(d.domain) : 'NULL'})`,
      );
  return { values: rows.join(',\n'), n: rows.length };
}

function chunkSql(from: number, to: number): string {
  const cat = catalogue();
  return `
WITH src AS (
  SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
  FROM generate_series(${from}, ${to}) i
), cat(k, cls, name, vendor, model, ports, serial, has_ip, line, domain) AS (VALUES ${cat.values}
), cls AS (
  -- the number code: the class's own or its nearest ancestor's (at most three levels)
  SELECT c.code, c.kind, coalesce(c.number_code, p.number_code, g.number_code, 'AS') AS ncode
  FROM asset_classes c LEFT JOIN asset_classes p ON p.code = c.parent_code LEFT JOIN asset_classes g ON g.code = p.parent_code
), loc AS (
  SELECT row_number() OVER (ORDER BY s.code, r.code) AS k, r.id AS room_id, r.site_id, r.name AS room,
    coalesce(nullif(regexp_replace(upper(s.code), '[^A-Z0-9]', '', 'g'), ''), 'XX') AS seg
  FROM rooms r JOIN sites s ON s.id = r.site_id
), nloc AS (SELECT count(*)::int AS n FROM loc
), x AS (
  SELECT src.*, cat.*, cls.kind, loc.room_id, loc.site_id, loc.seg,
    cls.ncode || '-' || loc.seg || '-' AS pre,
    CASE WHEN r3 < 0.60 THEN 'in_use' WHEN r3 < 0.72 THEN 'in_stock' WHEN r3 < 0.82 THEN 'spare' WHEN r3 < 0.87 THEN 'in_repair' ELSE 'retired' END AS st
  FROM src
  JOIN cat ON cat.k = 1 + floor(src.r1 * ${cat.n})::int
  JOIN cls ON cls.code = cat.cls
  CROSS JOIN nloc
  JOIN loc ON loc.k = 1 + floor(src.r2 * nloc.n)::int
), y AS (
  SELECT x.*, row_number() OVER (PARTITION BY pre ORDER BY i) AS rn FROM x
), ins AS (
  INSERT INTO assets (number, name, class_code, kind, status, vendor, model, serial, mgmt_ip, firmware, port_count,
    network_domain, service_line, site_id, building, floor, room_id, rack, rack_unit, warranty_until, end_of_support,
    notes, created_at, updated_at)
  SELECT y.pre || lpad((coalesce(q.last, 0) + y.rn)::text, 5, '0'),
    y.name || ' ' || (1 + y.i % 97),
    y.cls, y.kind, y.st, y.vendor, y.model,
    y.serial || upper(lpad(to_hex(((y.i::bigint * 2654435761) % 4294967291)::bigint), 8, '0')) || chr(65 + (y.i % 26)),
    CASE WHEN y.has_ip THEN '10.' || (16 + y.i % 48) || '.' || ((y.i / 48) % 250) || '.' || (1 + (y.i * 7) % 253) ELSE '' END,
    CASE WHEN y.has_ip THEN 'V' || (100 + floor(y.r4 * 200)::int) || 'R0' || (10 + floor(y.r5 * 80)::int) ELSE '' END,
    y.ports, y.domain, y.line,
    CASE WHEN y.r6 < 0.10 THEN NULL ELSE y.site_id END, '', '',
    CASE WHEN y.r6 < 0.10 THEN NULL ELSE y.room_id END,
    CASE WHEN y.has_ip THEN chr(65 + floor(y.r4 * 8)::int) || lpad((1 + floor(y.r5 * 20)::int)::text, 2, '0') ELSE '' END,
    CASE WHEN y.has_ip THEN (1 + floor(y.r6 * 40)::int)::text ELSE '' END,
    current_date + (floor(y.r4 * 1800)::int - 700),
    CASE WHEN y.r5 < 0.7 THEN current_date + (floor(y.r5 * 3000)::int - 400) END,
    '', now() - make_interval(days => 1 + floor(y.r6 * 1500)::int), now()
  FROM y LEFT JOIN asset_number_seqs q ON q.prefix = y.pre || '#'
  RETURNING id, number, status, created_at
)
INSERT INTO asset_history (asset_id, at, kind, actor_name, note, data)
SELECT id, created_at, 'created', '压测', '压测数据', jsonb_build_object('number', number, 'status', status) FROM ins`;
}

/** Seeds the assets, moves the number counters past them, and leaves statistics fresh. Returns the register's size. */
export async function seedAssets(database: Database, o: AssetsSeedOptions): Promise<{ assets: number; seeded: number }> {
  const chunk = o.chunk ?? 25_000;
  let before = 0;
  let after = 0;
  await withExec(database, async (exec) => {
    await exec('SELECT setseed(0.2026)');
    before = Number((await exec('SELECT count(*)::int AS n FROM assets'))[0]!.n);
    const indexes = (await exec(`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('assets', 'asset_history')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        AND i.indexname <> 'assets_number_uq'`)) as { name: string; def: string }[];
    for (const ix of indexes) await exec(`DROP INDEX "${ix.name}"`);
    for (let from = 1; from <= o.total; from += chunk) {
      const to = Math.min(o.total, from + chunk - 1);
      await exec(chunkSql(from, to));
      // The counters past every number now in the register (the next chunk continues from them).
      await exec(`INSERT INTO asset_number_seqs (prefix, last)
        SELECT regexp_replace(number, '[0-9]+$', '#'), max(substring(number from '([0-9]+)$')::int) FROM assets GROUP BY 1
        ON CONFLICT (prefix) DO UPDATE SET last = greatest(asset_number_seqs.last, excluded.last)`);
      o.onProgress?.(to);
    }
    for (const ix of indexes) await exec(ix.def);
    await exec('VACUUM ANALYZE assets');
    await exec('VACUUM ANALYZE asset_history');
    await exec('VACUUM ANALYZE asset_number_seqs');
    after = Number((await exec('SELECT count(*)::int AS n FROM assets'))[0]!.n);
  });
  return { assets: after, seeded: after - before };
}
