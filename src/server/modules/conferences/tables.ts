// Tables of the conferences module (issue 14 point 3, R-INS-04): the endpoints that join the agency's
// conference systems, and meetings with their joint-test checks, problems (tickets) and record.
import { boolean, index, jsonb, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const confEndpoints = pgTable('conf_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Order of the list (the seed's: the city government, the ministry, then the districts as Beijing lists them). */
  seq: serial('seq').notNull(),
  name: text('name').notNull().unique(),
  systems: jsonb('systems').notNull().$type<string[]>(),
  contact: text('contact').notNull().default(''),
  phone: text('phone').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
});

export interface CheckRow {
  target: string;
  item: string;
  result: 'ok' | 'fail' | 'na';
  note: string;
  byName: string;
  at: string;
}
export interface ProblemRow {
  ticketId: string;
  number: string;
  title: string;
  at: string;
}

export const confMeetings = pgTable(
  'conf_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: serial('seq').notNull(),
    title: text('title').notNull(),
    system: text('system').notNull(),
    startAt: ts('start_at').notNull(),
    endAt: ts('end_at').notNull(),
    room: text('room').notNull(),
    state: text('state').notNull(),
    /** The endpoints that join, with their names as they were when the meeting was planned. */
    endpoints: jsonb('endpoints').notNull().$type<{ id: string; name: string }[]>(),
    checks: jsonb('checks').notNull().$type<CheckRow[]>().default([]),
    testedAt: ts('tested_at'),
    problems: jsonb('problems').notNull().$type<ProblemRow[]>().default([]),
    record: text('record'),
    recordedByName: text('recorded_by_name'),
    remindedAt: ts('reminded_at'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('conf_meetings_start').on(t.startAt)],
);
