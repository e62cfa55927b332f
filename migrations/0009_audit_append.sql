ALTER TABLE "audit_log" ADD COLUMN "hash_v" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
-- The audit chain appended in one round trip (decision 0004, revised): the lock, the read of the last
-- record, the hash and the insert all happen in the database, so a write's audit record costs one
-- statement and the chain lock is never held across a network wait. Records written this way carry
-- hash_v = 2: their hash is computed here, over the record's fields as jsonb text (a form that does not
-- depend on key order, spacing or the session's time zone). Older records (hash_v = 1) keep the hash
-- Node computed (kernel/audit.ts chainHash); verification checks each record by its own version.
CREATE FUNCTION audit_hash(
  p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_name text, p_ip text, p_action text,
  p_object_type text, p_object_id text, p_success boolean, p_detail jsonb, p_request_id text, p_prev_hash text
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor_id, p_actor_name, p_ip, p_action,
    p_object_type, p_object_id, p_success, p_detail, p_request_id, p_prev_hash
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- 7100002 is LOCK_AUDIT_CHAIN (kernel/db/locks.ts): held until the calling transaction ends.
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_actor_name text, p_ip text, p_action text,
  p_object_type text, p_object_id text, p_success boolean, p_detail jsonb, p_request_id text
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
BEGIN
  PERFORM pg_advisory_xact_lock(7100002);
  SELECT seq, hash INTO v_seq, v_prev FROM audit_log ORDER BY seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0) + 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  INSERT INTO audit_log (seq, at, actor_id, actor_name, ip, action, object_type, object_id, success, detail, request_id, prev_hash, hash, hash_v)
  VALUES (v_seq, p_at, p_actor_id, p_actor_name, p_ip, p_action, p_object_type, p_object_id, p_success, p_detail, p_request_id, v_prev,
          audit_hash(v_seq, p_at, p_actor_id, p_actor_name, p_ip, p_action, p_object_type, p_object_id, p_success, p_detail, p_request_id, v_prev), 2);
  RETURN v_seq;
END
$$;
