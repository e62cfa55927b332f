// Tables of the training module (R-TRN-01, R-STF-01/02, R-CONF-05): sessions, their attendees with
// sign-in and assessment, and staff certificates (of org's people). Materials and certificate scans are
// kernel files (objectType training_session / training_certificate).
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from '../org/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: serial('seq').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    title: text('title').notNull(),
    line: text('line'),
    topic: text('topic').notNull(),
    preferredDate: text('preferred_date'),
    requestedByName: text('requested_by_name'),
    requestedAt: ts('requested_at'),
    startAt: ts('start_at'),
    endAt: ts('end_at'),
    place: text('place').notNull().default(''),
    trainer: text('trainer').notNull().default(''),
    summary: text('summary'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('training_sessions_start_idx').on(t.startAt), index('training_sessions_state_idx').on(t.state)],
);

export const trainingAttendees = pgTable(
  'training_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    /** A user of the system; null for a named outside attendee. */
    userId: uuid('user_id'),
    username: text('username'),
    name: text('name').notNull(),
    org: text('org').notNull().default(''),
    signedInAt: ts('signed_in_at'),
    clarity: integer('clarity'),
    effect: integer('effect'),
    comment: text('comment').notNull().default(''),
    ratedAt: ts('rated_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('training_attendees_session_idx').on(t.sessionId), uniqueIndex('training_attendees_user_uq').on(t.sessionId, t.userId)],
);

export const staffCertificates = pgTable(
  'staff_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    validUntil: text('valid_until'),
    note: text('note').notNull().default(''),
    scanId: uuid('scan_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('staff_certificates_person_idx').on(t.personId), index('staff_certificates_valid_idx').on(t.validUntil)],
);
