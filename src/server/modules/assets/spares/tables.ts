// Tables of spare parts (R-AST-05).
import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// R-AST-05 spare parts: stock per part and location, minimum levels, issues and returns per ticket.
export const spareParts = pgTable(
  'spare_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partNumber: text('part_number').notNull(),
    name: text('name').notNull(),
    classCode: text('class_code'),
    vendor: text('vendor').notNull().default(''),
    model: text('model').notNull().default(''),
    unit: text('unit').notNull().default('个'),
    minLevel: integer('min_level').notNull().default(0),
    serviceLine: text('service_line'),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('spare_parts_number_uq').on(t.partNumber)],
);

export const spareStock = pgTable(
  'spare_stock',
  {
    partId: uuid('part_id')
      .notNull()
      .references(() => spareParts.id, { onDelete: 'cascade' }),
    /** A site/room name or a store code: where the parts lie. */
    location: text('location').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partId, t.location] })],
);

export const spareMoves = pgTable(
  'spare_moves',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partId: uuid('part_id')
      .notNull()
      .references(() => spareParts.id, { onDelete: 'cascade' }),
    location: text('location').notNull(),
    kind: text('kind').notNull(), // receipt | issue | return | reserve | release | adjust
    qty: integer('qty').notNull(),
    ticketId: uuid('ticket_id'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    at: ts('at').notNull(),
  },
  (t) => [index('spare_moves_part_idx').on(t.partId, t.at), index('spare_moves_ticket_idx').on(t.ticketId)],
);
