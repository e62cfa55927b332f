// The test-only module's one table: notes. Its migration lives in ./migrations, in the module's own
// journal, created with `npm run db:generate -- src/server/test/sample-module`.
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const sampleNotes = pgTable('sample_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

// What the sample module's poller (a collector) records: which node looked at which note, when.
export const samplePolls = pgTable('sample_polls', {
  id: uuid('id').primaryKey().defaultRandom(),
  noteId: uuid('note_id').notNull(),
  node: text('node').notNull(),
  polledAt: timestamp('polled_at', { withTimezone: true, mode: 'date' }).notNull(),
});
