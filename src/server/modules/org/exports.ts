// The columns of org's list exports (issue 11 point 14): what each list page shows, names instead
// of ids (party, department, site: looked up once for all exported rows).
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { Column } from '../../kernel/office/xlsx.ts';
import { departments, parties, sites } from './tables.ts';

type Row = Record<string, unknown>;
const text = (r: Row, k: string): string => (typeof r[k] === 'string' ? r[k] : '');
const col = (header: string, key: string, width = 16): Column<Row> => ({ header, width, value: (r) => text(r, key) });

/** id → name of the rows' `key` ids in `table` (parties by short name). */
async function namesOf(ctx: Ctx, rows: Row[], key: string, kind: 'party' | 'department' | 'site'): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => text(r, key)).filter(Boolean))];
  if (!ids.length) return new Map();
  if (kind === 'party') {
    const ps = await ctx.db.select().from(parties).where(inArray(parties.id, ids));
    return new Map(ps.map((p) => [p.id, p.shortName || p.name]));
  }
  const t = kind === 'site' ? sites : departments;
  const xs = await ctx.db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, ids));
  return new Map(xs.map((x) => [x.id, x.name]));
}

const named = (header: string, key: string, names: Map<string, string>, width = 16): Column<Row> => ({
  header,
  width,
  value: (r) => names.get(text(r, key)) ?? '',
});

export type OrgList = 'sites' | 'rooms' | 'departments' | 'people';

/** The export columns of one of org's plain lists. */
export async function orgColumns(ctx: Ctx, list: OrgList, rows: Row[]): Promise<Column<Row>[]> {
  switch (list) {
    case 'sites':
      return [col('编号', 'code', 12), col('名称', 'name', 20), col('地址', 'address', 40)];
    case 'rooms':
      return [
        named('地点', 'siteId', await namesOf(ctx, rows, 'siteId', 'site')),
        col('编号', 'code', 16),
        col('名称', 'name', 20),
        col('楼宇', 'building', 12),
        col('楼层', 'floor', 8),
        col('用途', 'purpose', 30),
      ];
    case 'departments':
      return [named('所属单位', 'partyId', await namesOf(ctx, rows, 'partyId', 'party')), col('部门', 'name', 24)];
    case 'people': {
      const [ps, ds] = await Promise.all([namesOf(ctx, rows, 'partyId', 'party'), namesOf(ctx, rows, 'departmentId', 'department')]);
      return [
        col('姓名', 'name', 12),
        named('所属单位', 'partyId', ps),
        named('部门', 'departmentId', ds),
        col('职务/岗位', 'title', 16),
        col('手机', 'mobile', 14),
        col('办公电话', 'phone', 14),
        col('电子邮箱', 'email', 24),
        col('关联账号', 'username', 14),
        { header: '资质证书', width: 30, value: (r) => (Array.isArray(r.qualifications) ? r.qualifications.join('、') : '') },
      ];
    }
  }
}

export const PARTY_KIND_NAMES: Record<string, string> = { agency: '甲方', contractor: '乙方', vendor: '厂商' };

export const partyColumns: Column<Row>[] = [
  { header: '类型', width: 14, value: (r) => PARTY_KIND_NAMES[text(r, 'kind')] ?? text(r, 'kind') },
  col('名称', 'name', 32),
  col('简称', 'shortName', 14),
  col('地址', 'address', 36),
  col('电话', 'phone', 14),
  col('电子邮箱', 'email', 22),
  col('联系人', 'contactPerson', 10),
];
