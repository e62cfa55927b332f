// Tables of the asset topology (R-AST-03): relations between assets, and lines from port to port.
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assets } from '../register/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Relations: connected-to (port to port), installed-in, depends-on. */
export const assetRelations = pgTable(
  'asset_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromId: uuid('from_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // connected_to | installed_in | depends_on
    fromPort: text('from_port').notNull().default(''),
    toPort: text('to_port').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('asset_relations_from_idx').on(t.fromId, t.kind), index('asset_relations_to_idx').on(t.toId, t.kind)],
);

/** R-AST-03: physical links and carrier circuits, from port to port, labelled. */
export const assetLines = pgTable(
  'asset_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    label: text('label').notNull(),
    kind: text('kind').notNull(), // fiber | copper | carrier
    networkDomain: text('network_domain'),
    fromAssetId: uuid('from_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    fromPort: text('from_port').notNull().default(''),
    toAssetId: uuid('to_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    toPort: text('to_port').notNull().default(''),
    /** Carrier circuits: operator and circuit id, bandwidth. */
    carrier: text('carrier').notNull().default(''),
    circuitId: text('circuit_id').notNull().default(''),
    bandwidth: text('bandwidth').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('asset_lines_label_uq').on(t.label),
    index('asset_lines_from_idx').on(t.fromAssetId),
    index('asset_lines_to_idx').on(t.toAssetId),
  ],
);
