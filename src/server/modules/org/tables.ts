// Tables of the org module: parties (R-CON-01/02), sites and rooms, departments, people.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const parties = pgTable('parties', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(), // agency | contractor | vendor
  name: text('name').notNull(),
  shortName: text('short_name').notNull().default(''),
  // R-CON-01: the only valid channels for letters, e-mail and phone calls about the contract
  address: text('address').notNull().default(''),
  postcode: text('postcode').notNull().default(''),
  phone: text('phone').notNull().default(''),
  fax: text('fax').notNull().default(''),
  email: text('email').notNull().default(''),
  legalRepresentative: text('legal_representative').notNull().default(''),
  contactPerson: text('contact_person').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// R-CON-02: bank accounts per party; a change must be notified to the other party within 7 days.
export const partyBankAccounts = pgTable(
  'party_bank_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    bankName: text('bank_name').notNull(),
    accountName: text('account_name').notNull(),
    accountNumber: text('account_number').notNull(),
    changedOn: date('changed_on', { mode: 'string' }), // the day the account took effect
    notifyBy: date('notify_by', { mode: 'string' }), // changedOn + 7 days
    notifiedOn: date('notified_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('party_bank_accounts_party_idx').on(t.partyId)],
);

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sites_code_uq').on(t.code)],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    building: text('building').notNull().default(''),
    floor: text('floor').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rooms_code_uq').on(t.code), index('rooms_site_idx').on(t.siteId)],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('departments_party_name_uq').on(t.partyId, t.name)],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'restrict' }),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    phone: text('phone').notNull().default(''),
    mobile: text('mobile').notNull().default(''),
    email: text('email').notNull().default(''),
    username: text('username'), // the account this person signs in as, if any
    qualifications: text('qualifications')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('people_party_name_idx').on(t.partyId, t.name),
    index('people_name_idx').on(t.name),
    index('people_mobile_idx').on(t.mobile),
  ],
);
