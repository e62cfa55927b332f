// Tables of end-of-support handling (R-AST-06).
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assets } from '../register/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** R-AST-06: report → agency approval → replacement → install-and-integrate, to its end. */
export const eosCases = pgTable(
  'asset_eos_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(), // reported | approved | replaced | integrated | closed
    reason: text('reason').notNull().default(''),
    successorId: uuid('successor_id'),
    stages: jsonb('stages').notNull().$type<{ stage: string; at: string; by: string; note?: string }[]>(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('asset_eos_cases_asset_idx').on(t.assetId), index('asset_eos_cases_stage_idx').on(t.stage)],
);
