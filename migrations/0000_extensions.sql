-- Hand-written first migration: extensions every later migration may use.
-- pg_trgm gives Chinese substring search (ILIKE '%…%') a GIN index; PGlite registers its contrib module.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
