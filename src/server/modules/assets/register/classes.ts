// R-AST-02: the asset classification — the IT-equipment branches of GB/T 14885-2022 seeded as data,
// extendable with the agency's own sub-classes. `source` says where each code comes from: the
// codes below marked GB/T are those seen in public use of the standard (STANDARDS.md; to be checked
// against the published table), the others are the agency's own, so an administrator can correct
// the tree without a release. Classes in use are disabled, never deleted.
import { asc, count, eq } from 'drizzle-orm';
import type { AssetKind, TAssetClassNode } from '../../../../common/assets.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.ts';
import { assetClasses, assets } from './tables.ts';

export const GBT = 'GB/T 14885-2022';
export const AGENCY = 'agency';

interface Seed {
  code: string;
  parent: string | null;
  name: string;
  kind: AssetKind;
  source: string;
  numberCode: string | null;
}

const S = (code: string, parent: string | null, name: string, kind: AssetKind, source: string, numberCode: string | null = null): Seed => ({
  code,
  parent,
  name,
  kind,
  source,
  numberCode,
});

export const CLASS_SEED: Seed[] = [
  S('A02010000', null, '信息化设备', 'other', GBT, 'IT'),
  S('A02010100', 'A02010000', '计算机', 'computer', GBT, 'PC'),
  S('A02010104', 'A02010100', '服务器', 'server', GBT, 'SRV'),
  S('A02010105', 'A02010100', '台式计算机', 'computer', GBT, 'PC'),
  S('A02010108', 'A02010100', '便携式计算机', 'computer', GBT, 'NB'),
  S('A02010200', 'A02010000', '网络设备', 'network', GBT, 'NET'),
  // Below: sub-classes not verified against the published table, kept as the agency's own.
  S('A02010201', 'A02010200', '路由器', 'network', AGENCY, 'RT'),
  S('A02010202', 'A02010200', '交换机', 'network', AGENCY, 'NET'),
  S('A02010203', 'A02010200', '无线局域网设备', 'network', AGENCY, 'WLAN'),
  S('A02010204', 'A02010200', '负载均衡及流量管理设备', 'network', AGENCY, 'LB'),
  S('A02010300', 'A02010000', '信息安全设备', 'security', GBT, 'SEC'),
  S('A02010301', 'A02010300', '防火墙', 'security', AGENCY, 'FW'),
  S('A02010302', 'A02010300', '入侵检测与防御设备', 'security', AGENCY, 'IPS'),
  S('A02010303', 'A02010300', '防病毒系统', 'security', AGENCY, 'VIR'),
  S('A02010304', 'A02010300', '安全审计设备', 'security', AGENCY, 'AUD'),
  // The other IT branches (storage, audio-video and conference, software): their codes in
  // the standard are not verified here, so they are the agency's own (9x range) until corrected.
  S('A02019100', 'A02010000', '存储设备', 'server', AGENCY, 'STO'),
  S('A02019200', 'A02010000', '音视频及会议设备', 'av', AGENCY, 'AV'),
  S('A02019201', 'A02019200', '视频会议终端', 'av', AGENCY, 'VC'),
  S('A02019202', 'A02019200', '多点控制单元（MCU）', 'av', AGENCY, 'MCU'),
  S('A02019203', 'A02019200', '摄像机', 'av', AGENCY, 'CAM'),
  S('A02019204', 'A02019200', '显示设备', 'av', AGENCY, 'DSP'),
  S('A02019205', 'A02019200', '音频设备', 'av', AGENCY, 'AUD'),
  S('A02019206', 'A02019200', '投影机', 'av', AGENCY, 'PRJ'),
  S('A02019300', 'A02010000', '软件', 'software', AGENCY, 'SW'),
];

/** Seeds the classification into an empty table (first start); later starts keep the administrator's edits. */
export async function seedAssetClasses(ctx: Ctx): Promise<number> {
  const [n] = await ctx.db.select({ n: count() }).from(assetClasses);
  if (Number(n?.n ?? 0) > 0) return 0;
  await ctx.db.insert(assetClasses).values(
    CLASS_SEED.map((s, i) => ({
      code: s.code,
      parentCode: s.parent,
      name: s.name,
      kind: s.kind,
      source: s.source,
      numberCode: s.numberCode,
      sort: i,
    })),
  );
  await audit(ctx, { action: 'asset_class.seed', objectType: 'asset_class', detail: { classes: CLASS_SEED.length, source: GBT } });
  return CLASS_SEED.length;
}

export type ClassRow = typeof assetClasses.$inferSelect;

export interface ClassIndex {
  byCode: Map<string, ClassRow>;
  /** Root first. */
  path(code: string): ClassRow[];
  numberCode(code: string): string;
  /** The code and every code below it. */
  descendants(code: string): string[];
}

export async function classIndex(ctx: Ctx): Promise<ClassIndex> {
  const rows = await ctx.db.select().from(assetClasses).orderBy(asc(assetClasses.sort), asc(assetClasses.code));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r.code]);
  const path = (code: string): ClassRow[] => {
    const out: ClassRow[] = [];
    let c = byCode.get(code);
    while (c && out.length < 20) {
      out.unshift(c);
      c = c.parentCode ? byCode.get(c.parentCode) : undefined;
    }
    return out;
  };
  return {
    byCode,
    path,
    numberCode: (code) =>
      path(code)
        .reverse()
        .find((c) => c.numberCode)?.numberCode ?? 'AS',
    descendants(code) {
      const out: string[] = [];
      const walk = (c: string) => {
        out.push(c);
        for (const k of children.get(c) ?? []) walk(k);
      };
      if (byCode.has(code)) walk(code);
      return out;
    },
  };
}

/** The tree, with each class's asset count and the number code in effect. */
export async function classTree(ctx: Ctx): Promise<TAssetClassNode[]> {
  const idx = await classIndex(ctx);
  const counts = await ctx.db.select({ code: assets.classCode, n: count() }).from(assets).groupBy(assets.classCode);
  const n = new Map(counts.map((c) => [c.code, Number(c.n)]));
  const nodes = new Map<string, TAssetClassNode>();
  for (const r of idx.byCode.values())
    nodes.set(r.code, {
      code: r.code,
      parentCode: r.parentCode,
      name: r.name,
      kind: r.kind,
      source: r.source,
      numberCode: r.numberCode,
      effectiveNumberCode: idx.numberCode(r.code),
      sort: r.sort,
      disabled: r.disabled,
      assets: n.get(r.code) ?? 0,
      children: [],
    });
  const roots: TAssetClassNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function getClass(ctx: Ctx, code: string): Promise<ClassRow> {
  const [c] = await ctx.db.select().from(assetClasses).where(eq(assetClasses.code, code)).limit(1);
  if (!c) throw new NotFound('asset_class.not_found', `资产分类 ${code} 不存在`);
  return c;
}

/** The agency's own sub-class under an existing class; the code is unique. */
export async function createClass(
  ctx: Ctx,
  input: { code: string; parentCode: string; name: string; kind?: string | undefined; numberCode: string | null; sort: number },
): Promise<ClassRow> {
  return inTx(ctx, async (tx) => {
    const parent = await getClass(tx, input.parentCode).catch(() => {
      throw new Invalid('asset_class.parent_missing', `上级分类 ${input.parentCode} 不存在`, [
        { path: 'body.parentCode', message: '不存在' },
      ]);
    });
    const [dup] = await tx.db.select({ code: assetClasses.code }).from(assetClasses).where(eq(assetClasses.code, input.code)).limit(1);
    if (dup) throw new Conflict('asset_class.duplicate', `分类代码 ${input.code} 已存在`);
    const [row] = await tx.db
      .insert(assetClasses)
      .values({
        code: input.code,
        parentCode: parent.code,
        name: input.name,
        kind: input.kind ?? parent.kind,
        source: AGENCY,
        numberCode: input.numberCode,
        sort: input.sort,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, { action: 'asset_class.create', objectType: 'asset_class', objectId: row.code, after: row });
    return row;
  });
}

export async function updateClass(
  ctx: Ctx,
  code: string,
  patch: {
    name?: string | undefined;
    kind?: string | undefined;
    numberCode?: string | null | undefined;
    sort?: number | undefined;
    disabled?: boolean | undefined;
  },
): Promise<ClassRow> {
  return inTx(ctx, async (tx) => {
    const before = await getClass(tx, code);
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (!Object.keys(set).length) return before;
    const [row] = await tx.db.update(assetClasses).set(set).where(eq(assetClasses.code, code)).returning();
    if (!row) throw new NotFound('asset_class.not_found', `资产分类 ${code} 不存在`);
    await audit(tx, { action: 'asset_class.update', objectType: 'asset_class', objectId: code, before, after: row });
    return row;
  });
}
