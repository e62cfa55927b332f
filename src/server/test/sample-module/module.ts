// A module that exists only in tests (issue 10): it proves that a module declared in one manifest
// reaches the API, OpenAPI, the permission catalogue and the roles' grants, the notification events,
// the search box, the evidence providers and the demo, with no edit to any shared file.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ilike } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { inTx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { defineRoute } from '../../kernel/http.ts';
import type { CollectorDef } from '../../kernel/collectors/types.ts';
import { defineEvidence, defineModule, tablesIn } from '../../kernel/module.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { appendRows } from '../../kernel/timeseries/rows.ts';
import { samplePolls } from './series.ts';
import * as tables from './tables.ts';

const { sampleNotes } = tables;

/** A poller over the notes: one row per note per round, written by the kernel in batches. */
const notePoller: CollectorDef<typeof samplePolls.table.$inferInsert, { id: string }> = {
  id: 'sample.poller',
  kind: 'poller',
  scope: 'global',
  intervalMs: 100,
  targets: async (ctx) => (await ctx.db.select({ id: sampleNotes.id }).from(sampleNotes)).map((n) => ({ key: n.id, target: n })),
  poll: async (c, note) => c.emit([{ at: c.now(), noteId: note.id, node: c.nodeId }]),
  sink: { write: async (ctx, rows) => void (await appendRows(ctx, samplePolls, rows)), flushMs: 50 },
};
const ZNote = z.object({ id: z.string(), body: z.string(), createdAt: z.string() });
const view = (r: typeof sampleNotes.$inferSelect) => ({ id: r.id, body: r.body, createdAt: r.createdAt.toISOString() });

async function sampleRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    method: 'GET',
    url: '/sample/notes',
    summary: '示例模块的便条 Notes of the sample module',
    tags: ['sample'],
    access: 'sample.read',
    response: z.object({ items: z.array(ZNote) }),
    handler: async (ctx) => ({ items: (await ctx.db.select().from(sampleNotes).orderBy(sampleNotes.createdAt)).map(view) }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/sample/notes',
    summary: '写一张便条 Write a note',
    tags: ['sample'],
    access: 'sample.write',
    body: z.object({ body: z.string().trim().min(1).max(200) }),
    response: ZNote,
    status: 201,
    handler: async (ctx, { body }) =>
      inTx(ctx, async (tx) => {
        const [row] = await tx.db.insert(sampleNotes).values({ body: body.body, createdAt: tx.now() }).returning();
        await audit(tx, { action: 'sample.note', objectType: 'sample_note', objectId: row!.id, after: row });
        await notifyUsers(tx, { userIds: await usersWithRoles(tx, ['engineer']), event: 'sample.noted', title: `便条：${body.body}` });
        return view(row!);
      }),
  });
}

export const sample = defineModule({
  id: 'sample',
  name: { zh: '示例模块', en: 'Sample module' },
  summary: { zh: '只在测试中存在的便条', en: 'Notes that exist only in tests' },
  dependsOn: ['org'],
  migrations: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: {
    'sample.read': { zh: '查看便条', en: 'Read notes', group: 'sample', grants: ['contractor_pm', 'engineer'] },
    'sample.write': { zh: '写便条', en: 'Write notes', group: 'sample', grants: ['contractor_pm'] },
  },
  events: {
    'sample.noted': {
      zh: '新便条',
      en: 'New note',
      descZh: '项目经理写了一张便条（工程师）',
      descEn: 'A note was written',
      defaults: ['inapp'],
    },
  },
  routes: [sampleRoutes],
  jobs: [{ name: 'sample-tidy', scope: 'local', everyMs: 3_600_000, handler: async () => undefined }],
  collectors: [notePoller],
  series: [samplePolls],
  demo: async (ctx) => {
    for (const body of ['机房空调滤网已清洗', '核心交换机风扇声音异常'])
      await ctx.db.insert(sampleNotes).values({ body, createdAt: ctx.now() });
  },
  search: [
    {
      id: 'sample.notes',
      label: { zh: '便条', en: 'Notes' },
      access: 'sample.read',
      search: async (ctx, q, limit) =>
        (
          await ctx.db
            .select()
            .from(sampleNotes)
            .where(ilike(sampleNotes.body, likeContains(q)))
            .limit(limit)
        ).map((n) => ({
          title: n.body,
          url: `/sample/${n.id}`,
        })),
    },
  ],
  evidence: [
    defineEvidence({
      id: 'sample.count',
      title: { zh: '便条数量', en: 'Number of notes' },
      requirements: [],
      params: z.object({}),
      read: async (ctx) => ({ notes: (await ctx.db.select().from(sampleNotes)).length }),
    }),
  ],
  exportTables: tablesIn(tables),
});
