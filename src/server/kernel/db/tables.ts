// Tables owned by the kernel: identities, sessions, roles, tokens, audit, calendar, settings.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: ts('password_changed_at'),
    totpSecret: text('totp_secret'), // encrypted with the secret key
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
    // R-STF: engineers act only on the service lines they are assigned to (codes SM, NET, SEC, VC)
    serviceLines: text('service_lines')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isDemo: boolean('is_demo').notNull().default(false),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description').notNull().default(''),
  // 三员分立: 'system' | 'security' | 'audit' for the three administrator roles, else null
  adminKind: text('admin_kind'),
  builtin: boolean('builtin').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.permission] })],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleCode] })],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(), // sha256 of the cookie value; the value itself is never stored
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // the step still owed before the session may do anything else: change_password | enroll_totp | totp
    pending: text('pending'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(), // first characters, shown in lists to tell tokens apart
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

// 等保 8.1.4.3: hash-chained audit trail. `seq` is assigned under an advisory lock as last + 1, so a
// missing record shows as a gap and a changed one breaks the chain.
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    success: boolean('success').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** How `hash` was computed: 1 in Node (chainHash), 2 in the database (audit_hash(), migration 0009). */
    hashV: smallint('hash_v').notNull().default(1),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorName, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);

// Statutory holidays and make-up workdays (调休上班); dates not listed follow the ordinary week.
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  type: text('type').notNull(), // holiday | makeup_workday
  name: text('name').notNull(),
  source: text('source').notNull().default('holiday-cn'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// One row per run of a scheduled job: which node ran it and when (evidence that schedules run,
// and once across nodes).
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    job: text('job').notNull(),
    node: text('node').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    ok: boolean('ok'),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt)],
);

// kernel/files: uploaded files (ticket attachments, photos from the field, later asset documents).
// Stored in the database so backups, restores and several nodes need nothing more.
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the file belongs to: 'ticket' and the ticket id, for instance. */
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id').notNull(),
    /** photo | document */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('files_object_idx').on(t.objectType, t.objectId, t.createdAt)],
);

// kernel/notify: the in-app bell. One row per recipient; e-mail and robots are sent from it.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Event code, e.g. 'ticket.sla_warning'; preferences are per event. */
    event: text('event').notNull(),
    severity: text('severity').notNull().default('info'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** A path inside the product, e.g. a record's page; made absolute for e-mail and robots. */
    link: text('link'),
    objectType: text('object_type'),
    objectId: uuid('object_id'),
    /**
     * What the notice asks its recipient to do about the object (e.g. 'confirm', 'approve'); null for
     * a notice that only informs. resolveNotices() marks it done for every recipient once done.
     */
    action: text('action'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
    /** When the action the notice asked for was done (by anyone): the bell shows it as handled. */
    resolvedAt: ts('resolved_at'),
    /** External delivery: pending | done | failed | none, with the per-channel results. */
    delivery: text('delivery').notNull().default('none'),
    deliveryResults: jsonb('delivery_results'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_delivery_idx').on(t.delivery, t.createdAt),
    // resolveNotices: the open asks about one object, found without reading anyone's whole bell.
    index('notifications_open_action_idx')
      .on(t.objectId, t.action)
      .where(sql`${t.action} IS NOT NULL AND ${t.resolvedAt} IS NULL`),
  ],
);

// Per user and per event: which channels (inapp, email, webhook). The user's own robot is sealed.
export const notificationPrefs = pgTable('notification_prefs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** { [event]: ('inapp'|'email'|'webhook')[] }; an event absent here uses the defaults. */
  events: jsonb('events').notNull().$type<Record<string, string[]>>(),
  /** The user's chat robot (WeCom / DingTalk / Feishu / generic), sealed with the secret key. */
  webhook: jsonb('webhook'),
  updatedAt: ts('updated_at').notNull(),
});

// Saved filters of any list ("my open NET faults"), per user and per list.
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Which list: '<module>.<list>', as the module names it. */
    scope: text('scope').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').notNull().$type<Record<string, unknown>>(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('saved_views_uq').on(t.userId, t.scope, t.name)],
);

// kernel/collectors: the processes with the collector role (membership), each one's last published
// health (read by GET /api/health on any node), and the leases that split global work between them.
// All times are the database's clock (now()), never a node's.
export const collectorNodes = pgTable('collector_nodes', {
  node: text('node').primaryKey(),
  startedAt: ts('started_at').notNull(),
  seenAt: ts('seen_at').notNull(),
  /** The node's lease period: it counts as live while seen within one, and is removed after three. */
  leaseMs: integer('lease_ms').notNull(),
  /** Ids of the global collectors this node runs (it is assigned shards of those only). */
  collectors: text('collectors')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** CollectorHealth[] as of seen_at. */
  health: jsonb('health').notNull().$type<unknown[]>(),
});

// One row per (global collector, shard): the node that handles the shard until expires_at.
export const collectorLeases = pgTable(
  'collector_leases',
  {
    collector: text('collector').notNull(),
    shard: integer('shard').notNull(),
    node: text('node').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.collector, t.shard] }), index('collector_leases_node_idx').on(t.node)],
);
