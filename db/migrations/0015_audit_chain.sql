-- The audit trail as a hash chain: each event's hash covers its content and the hash of the event
-- before it, so a row changed or removed behind the append-only trigger's back (by the table's
-- owner, who can disable it) breaks the chain at that row. The canonical form and the rules are
-- documented in lib/domain/audit-chain.ts, whose verifier recomputes them from the stored rows.
CREATE OR REPLACE FUNCTION audit_event_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '-,' ELSE octet_length(value)::text || ':' || value || ',' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_event_field(e."position"::text)
    || audit_event_field(e.id::text)
    || audit_event_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || audit_event_field(e.actor_id::text)
    || audit_event_field(e.actor_email)
    || audit_event_field(e.action)
    || audit_event_field(e.entity_type)
    || audit_event_field(e.entity_id)
    || audit_event_field(e.software_id::text)
    || audit_event_field(e.before::text)
    || audit_event_field(e.after::text)
    || audit_event_field(e.reason)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_hash(previous_hash text, e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(previous_hash || audit_event_canonical(e), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Existing history is chained in the order it was written.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r audit_events;
  n bigint := 0;
  previous text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    n := n + 1;
    r."position" := n;
    r.hash := audit_event_hash(previous, r);
    UPDATE audit_events SET "position" = r."position", hash = r.hash WHERE id = r.id;
    previous := r.hash;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;
--> statement-breakpoint
-- Every new event joins the chain as it is inserted, whoever inserts it. Writers take one
-- transaction-scoped lock and keep it until they commit, so positions follow commit order (a
-- verifier never sees position n+1 committed before n), and the head is read after the lock, in
-- a fresh snapshot: the last committed event, or this transaction's own previous one.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_position bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('vetted.audit_chain'));
  SELECT "position", hash INTO head_position, head_hash FROM audit_events ORDER BY "position" DESC LIMIT 1;
  NEW."position" := coalesce(head_position, 0) + 1;
  NEW.hash := audit_event_hash(coalesce(head_hash, repeat('0', 64)), NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
