// What other modules may read of org (ARCHITECTURE.md: a module uses another only through its read
// functions). Parties, sites, rooms, departments and people are written only through org's own
// routes; its stores (service.ts) stay private to it.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { compactSql, likeContains } from '../../kernel/db/like.ts';
import { departmentStore, partyStore, personStore, roomStore, siteStore } from './service.ts';
import { departments, parties, people, rooms, sites } from './tables.ts';

export type Party = typeof parties.$inferSelect;
export type Site = typeof sites.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Person = typeof people.$inferSelect;

// ---- one record, or 404 as org's own routes answer ({kind}.not_found) ----------------------------

export const getParty = (ctx: Ctx, id: string): Promise<Party> => partyStore.get(ctx, id);
export const getSite = (ctx: Ctx, id: string): Promise<Site> => siteStore.get(ctx, id);
export const getRoom = (ctx: Ctx, id: string): Promise<Room> => roomStore.get(ctx, id);
export const getDepartment = (ctx: Ctx, id: string): Promise<Department> => departmentStore.get(ctx, id);
export const getPerson = (ctx: Ctx, id: string): Promise<Person> => personStore.get(ctx, id);

// ---- those of these ids that exist (any order; one statement, none for no ids) ------------------

export async function sitesByIds(ctx: Ctx, ids: string[]): Promise<Site[]> {
  return ids.length ? ctx.db.select().from(sites).where(inArray(sites.id, ids)) : [];
}
export async function roomsByIds(ctx: Ctx, ids: string[]): Promise<Room[]> {
  return ids.length ? ctx.db.select().from(rooms).where(inArray(rooms.id, ids)) : [];
}
export async function departmentsByIds(ctx: Ctx, ids: string[]): Promise<Department[]> {
  return ids.length ? ctx.db.select().from(departments).where(inArray(departments.id, ids)) : [];
}
export async function peopleByIds(ctx: Ctx, ids: string[]): Promise<Person[]> {
  return ids.length ? ctx.db.select().from(people).where(inArray(people.id, ids)) : [];
}

/**
 * The names (and site codes) of these sites and rooms in one statement: a list page names the
 * places of its rows only.
 */
export async function placeNames(
  ctx: Ctx,
  siteIds: string[],
  roomIds: string[],
): Promise<{ sites: Map<string, { name: string; code: string }>; rooms: Map<string, { name: string }> }> {
  const out = { sites: new Map<string, { name: string; code: string }>(), rooms: new Map<string, { name: string }>() };
  if (!siteIds.length && !roomIds.length) return out;
  const list = (xs: string[]) =>
    xs.length
      ? sql.join(
          xs.map((i) => sql`${i}::uuid`),
          sql`, `,
        )
      : sql`NULL::uuid`;
  const rows = await queryRows<{ kind: string; id: string; name: string; code: string }>(
    ctx.db,
    sql`SELECT 's' AS kind, id, name, code FROM sites WHERE id IN (${list(siteIds)})
        UNION ALL SELECT 'r', id, name, code FROM rooms WHERE id IN (${list(roomIds)})`,
  );
  for (const p of rows) {
    if (p.kind === 's') out.sites.set(p.id, { name: p.name, code: p.code });
    else out.rooms.set(p.id, { name: p.name });
  }
  return out;
}

/**
 * The sites and rooms a search term names (the asset register's q=, issue 11 point 12): a site by
 * name or code, a room by name, code, building or floor (4 as 4层), compared as searches compare
 * (lower case, spaces ignored). Small tables: read whole.
 */
export async function placesMatching(ctx: Ctx, term: string): Promise<{ siteIds: string[]; roomIds: string[] }> {
  const like = likeContains(term);
  const floor = sql`CASE WHEN ${rooms.floor} = '' OR ${rooms.floor} ~* '(层|f$)' THEN ${rooms.floor} ELSE ${rooms.floor} || '层' END`;
  const rows = await queryRows<{ kind: string; id: string }>(
    ctx.db,
    sql`SELECT 's' AS kind, id FROM sites WHERE ${compactSql(sql`${sites.name} || '|' || ${sites.code}`)} LIKE ${like}
        UNION ALL SELECT 'r', id FROM rooms
        WHERE ${compactSql(sql`${rooms.name} || '|' || ${rooms.code} || '|' || ${rooms.building} || '|' || ${floor}`)} LIKE ${like}`,
  );
  return { siteIds: rows.filter((r) => r.kind === 's').map((r) => r.id), roomIds: rows.filter((r) => r.kind === 'r').map((r) => r.id) };
}

// ---- whole lists, in org's own order, for forms and imports that choose among them --------------

const first = (limit: number) => ({ page: 1, pageSize: limit });
/** Sites by code. */
export const listSites = async (ctx: Ctx, limit = 1000): Promise<Site[]> => (await siteStore.list(ctx, first(limit))).items;
/** Rooms by code. */
export const listRooms = async (ctx: Ctx, limit = 1000): Promise<Room[]> => (await roomStore.list(ctx, first(limit))).items;
/** Departments by their sort order, then name. */
export const listDepartments = async (ctx: Ctx, limit = 1000): Promise<Department[]> =>
  (await departmentStore.list(ctx, first(limit))).items;
/** People by name. */
export const listPeople = async (ctx: Ctx, limit = 1000): Promise<Person[]> => (await personStore.list(ctx, first(limit))).items;

/** The parties of a kind ('agency', 'contractor', 'vendor'), oldest first. */
export async function partiesByKind(ctx: Ctx, kind: string): Promise<Party[]> {
  return ctx.db.select().from(parties).where(eq(parties.kind, kind)).orderBy(asc(parties.createdAt));
}

/** The person who signs in as `username` (people.username), with their department's name; null if none. */
export async function personOfUser(ctx: Ctx, username: string): Promise<(Person & { departmentName: string }) | null> {
  const [row] = await ctx.db
    .select({ p: people, departmentName: departments.name })
    .from(people)
    .leftJoin(departments, eq(departments.id, people.departmentId))
    .where(sql`lower(${people.username}) = lower(${username})`)
    .limit(1);
  return row ? { ...row.p, departmentName: row.departmentName ?? '' } : null;
}
