// The test-only module's one table: notes. Its migration lives in ./migrations, in the module's own
// journal, created with `npm run db:generate -- src/server/test/sample-module`.
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const sampleNotes = pgTable('sample_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
