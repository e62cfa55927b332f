// PostgreSQL advisory lock keys, in one place so no two uses collide.
export const LOCK_MIGRATE = 7100001; // one node migrates at a time
export const LOCK_AUDIT_CHAIN = 7100002; // audit records are appended one at a time (taken in SQL by audit_append, migration 0009)
export const LOCK_BOOTSTRAP = 7100003; // roles, calendar, admin and demo are seeded once
export const LOCK_SERIES = 7100004; // with a second key per series (kernel/timeseries): one change to a series at a time
