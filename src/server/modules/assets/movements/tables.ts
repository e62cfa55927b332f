// Tables of asset movements (R-AST-01): requests approved at the levels they touch.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assets } from '../register/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * R-AST-01 movements: receipt, assignment, transfer, repair, retirement — requests approved at the
 * level they touch (it | finance | business). Applied to the asset when the last approval is given.
 */
export const assetRequests = pgTable(
  'asset_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // receipt | assignment | transfer | repair | retirement
    /** What the movement changes (status, location, using department, custodian …). */
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    /** The levels that must approve, and their decisions. */
    approvals: jsonb('approvals')
      .notNull()
      .$type<{ level: string; status: string; by?: string; byName?: string; at?: string; comment?: string }[]>(),
    status: text('status').notNull().default('pending'), // pending | approved | rejected | cancelled
    reason: text('reason').notNull().default(''),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    decidedAt: ts('decided_at'),
  },
  (t) => [index('asset_requests_asset_idx').on(t.assetId, t.createdAt), index('asset_requests_status_idx').on(t.status, t.createdAt)],
);
