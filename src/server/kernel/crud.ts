// Plain records (sites, rooms, departments, people, …) share one audited create/update/delete/list
// path, so each module states only what is its own: the table, the search columns, the order.
import { and, asc, eq, getTableColumns, ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { audit } from './audit.ts';
import { inTx, type Ctx } from './context.ts';
import { likeContains } from './db/like.ts';
import { listTotal, type PagedTotal } from './db/paged-total.ts';
import { Conflict, NotFound } from './errors.ts';

type Table = PgTable & { id: PgColumn };

export interface CrudOptions {
  objectType: string; // audit object type and error code prefix, e.g. 'site'
  label: string; // Chinese noun for messages, e.g. '地点'
  search?: PgColumn[];
  order?: PgColumn[];
}

export interface ListArgs {
  q?: string | undefined;
  where?: SQL | undefined;
  page: number;
  pageSize: number;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
}
function isFkViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  // 23503 foreign_key_violation; 23001 restrict_violation (ON DELETE RESTRICT, e.g. a site with rooms).
  const code = err.code ?? err.cause?.code;
  return code === '23503' || code === '23001';
}

export function crud<T extends Table>(table: T, o: CrudOptions) {
  type Row = T['$inferSelect'];
  type Insert = T['$inferInsert'];
  const idCol = table.id;
  const from: PgTable = table; // select().from() wants the plain table type
  const hasUpdatedAt = 'updatedAt' in table;

  async function get(ctx: Ctx, id: string): Promise<Row> {
    const [row] = (await ctx.db.select().from(from).where(eq(idCol, id)).limit(1)) as Row[];
    if (!row) throw new NotFound(`${o.objectType}.not_found`, `${o.label}不存在`);
    return row;
  }

  async function list(ctx: Ctx, a: ListArgs): Promise<{ items: Row[] } & PagedTotal> {
    const c: SQL[] = [];
    if (a.where) c.push(a.where);
    if (a.q && o.search?.length) c.push(or(...o.search.map((col) => ilike(col, likeContains(a.q!))))!);
    const where = c.length ? and(...c) : undefined;
    const offset = (a.page - 1) * a.pageSize;
    // The page and its capped total in one statement (kernel/db/paged-total.ts); a page past the end
    // has no row to carry the total, so it is counted on its own.
    const total = listTotal(ctx.db, from, { where, offset, pageSize: a.pageSize });
    const rows = await ctx.db
      .select({ row: getTableColumns(table), n: total.column })
      .from(from)
      .where(where)
      .orderBy(...(o.order ?? [idCol]).map((col) => asc(col)))
      .limit(a.pageSize)
      .offset(offset);
    const items = rows.map((r) => r.row) as Row[];
    return { items, ...(await total.of(rows[0]?.n, items.length)) };
  }

  async function guard<R>(fn: () => Promise<R>): Promise<R> {
    try {
      return await fn();
    } catch (e) {
      if (isUniqueViolation(e)) throw new Conflict(`${o.objectType}.duplicate`, `${o.label}已存在（编号或名称重复）`);
      if (isFkViolation(e)) throw new Conflict(`${o.objectType}.in_use`, `${o.label}仍被其他记录引用，或引用的记录不存在`);
      throw e;
    }
  }

  async function create(ctx: Ctx, values: Insert): Promise<Row> {
    return guard(() =>
      inTx(ctx, async (tx) => {
        const [row] = (await tx.db
          .insert(table)
          .values(values as never)
          .returning()) as Row[];
        if (!row) throw new Error('insert failed');
        await audit(tx, { action: `${o.objectType}.create`, objectType: o.objectType, objectId: (row as { id: string }).id, after: row });
        return row;
      }),
    );
  }

  async function update(ctx: Ctx, id: string, patch: Partial<Insert>): Promise<Row> {
    return guard(() =>
      inTx(ctx, async (tx) => {
        const before = await get(tx, id);
        const set = { ...patch, ...(hasUpdatedAt ? { updatedAt: tx.now() } : {}) };
        const [row] = (await tx.db
          .update(table)
          .set(set as never)
          .where(eq(idCol, id))
          .returning()) as Row[];
        if (!row) throw new NotFound(`${o.objectType}.not_found`, `${o.label}不存在`);
        await audit(tx, { action: `${o.objectType}.update`, objectType: o.objectType, objectId: id, before, after: row });
        return row;
      }),
    );
  }

  async function remove(ctx: Ctx, id: string): Promise<void> {
    await guard(() =>
      inTx(ctx, async (tx) => {
        const before = await get(tx, id);
        await tx.db.delete(table).where(eq(idCol, id));
        await audit(tx, { action: `${o.objectType}.delete`, objectType: o.objectType, objectId: id, before });
      }),
    );
  }

  return { get, list, create, update, remove, objectType: o.objectType };
}
