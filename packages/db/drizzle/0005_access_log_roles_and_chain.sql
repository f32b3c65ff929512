-- Two roles, and a hash chain over the access log (docs/database-roles.md).
--
-- The role that runs this (the owner) owns every table. The apps connect as a login role
-- that is a member of truce_app: it may read and write the case tables but only insert
-- into and select from the access log, and it owns nothing, so it cannot drop or disable
-- the log's triggers. The owner still can: the hash chain makes that detectable, by
-- `npm run audit:verify`, which recomputes every hash in its own code.
--
-- truce_app is a cluster-wide group role without login. Creating it needs CREATEROLE (or a
-- superuser); where the owner has neither, an administrator creates it beforehand.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'truce_app') THEN
		BEGIN
			CREATE ROLE truce_app NOLOGIN;
		EXCEPTION WHEN insufficient_privilege THEN
			RAISE EXCEPTION 'The role truce_app does not exist, and %, which runs the migrations, may not create roles.', current_user
				USING ERRCODE = 'insufficient_privilege',
					HINT = 'As a superuser, run CREATE ROLE truce_app NOLOGIN (or ALTER ROLE ' || quote_ident(current_user) || ' CREATEROLE), then migrate again; see docs/database-roles.md.';
		END;
	END IF;
END;
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA "public" TO truce_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO truce_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO truce_app;--> statement-breakpoint
-- Tables and sequences that later migrations create (as this same owner) are granted too;
-- a later table that must be restricted like the access log revokes in its own migration.
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO truce_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT USAGE, SELECT ON SEQUENCES TO truce_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "access_log" FROM truce_app;--> statement-breakpoint
-- Written only by the seal trigger below, which runs with the owner's rights.
REVOKE ALL ON "access_log_chain_head" FROM truce_app;--> statement-breakpoint
-- SHA-256 over a canonical text of every column but `hash` (prev_hash included): a JSON
-- array of each value's text, `at` in UTC to the microsecond whatever the session's time
-- zone. Used by the seal trigger and to chain the existing rows; `npm run audit:verify`
-- does not call it (the owner could replace it) but computes the same in
-- packages/db/src/audit/canonical.ts. A new column of access_log changes both.
CREATE FUNCTION "access_log_chain_hash"(r "public"."access_log") RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT encode(sha256(convert_to(json_build_array(
		r.chain_seq::text,
		r.prev_hash,
		r.id::text,
		to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
		r.user_id::text,
		r.membership_id::text,
		r.agency_id::text,
		r.action::text,
		r.entity_type,
		r.entity_id,
		r.purpose::text,
		array_to_json(r.fields)::text,
		r.ip,
		r.detail::text
	)::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- The chain's lock is the head row, held from a transaction's first log insert until it
-- commits: every log-writing transaction passes it one at a time. Write the log row as the
-- last statement of a transaction (as the services do) so that a transaction never waits
-- for another lock while it holds this one (a deadlock otherwise, which PostgreSQL breaks
-- by failing one of the two). `at` is the database's clock once the lock is held, so it
-- never goes backwards along the chain (short of the server's clock itself), and whatever
-- the insert said is overwritten, like the chain's three columns. Any other BEFORE INSERT
-- trigger that changes NEW must sort before this one (triggers fire in name order).
CREATE FUNCTION "access_log_seal"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	head_seq bigint;
	head_hash text;
BEGIN
	SELECT chain_seq, hash INTO head_seq, head_hash
		FROM public.access_log_chain_head WHERE id = 1 FOR UPDATE;
	IF NOT FOUND THEN
		IF EXISTS (SELECT 1 FROM public.access_log WHERE chain_seq IS NOT NULL) THEN
			RAISE EXCEPTION 'access_log_chain_head is missing although the access log has chained rows: the chain was tampered with (run npm run audit:verify)'
				USING ERRCODE = 'data_corrupted';
		END IF;
		INSERT INTO public.access_log_chain_head (id, chain_seq, hash)
			VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
		SELECT chain_seq, hash INTO STRICT head_seq, head_hash
			FROM public.access_log_chain_head WHERE id = 1 FOR UPDATE;
	END IF;
	NEW.at := clock_timestamp();
	NEW.chain_seq := head_seq + 1;
	NEW.prev_hash := head_hash;
	NEW.hash := public.access_log_chain_hash(NEW);
	UPDATE public.access_log_chain_head SET chain_seq = NEW.chain_seq, hash = NEW.hash WHERE id = 1;
	RETURN NEW;
END;
$$;--> statement-breakpoint
-- Trigger functions run whoever inserts; nobody calls these directly.
REVOKE ALL ON FUNCTION "access_log_seal"() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION "access_log_chain_hash"("public"."access_log") FROM PUBLIC;--> statement-breakpoint
-- Chain the rows already there, in id order (the closest to the order they were written in
-- that they record), keeping their `at`. No insert may slip in meanwhile; the append-only
-- trigger stands aside for this update only, in this transaction.
LOCK TABLE "access_log" IN EXCLUSIVE MODE;--> statement-breakpoint
ALTER TABLE "access_log" DISABLE TRIGGER "access_log_no_update_or_delete";--> statement-breakpoint
DO $$
DECLARE
	r public.access_log;
	seq bigint := 0;
	prev text := repeat('0', 64);
BEGIN
	FOR r IN SELECT * FROM public.access_log ORDER BY id LOOP
		seq := seq + 1;
		r.chain_seq := seq;
		r.prev_hash := prev;
		r.hash := public.access_log_chain_hash(r);
		UPDATE public.access_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash
			WHERE id = r.id;
		prev := r.hash;
	END LOOP;
	INSERT INTO public.access_log_chain_head (id, chain_seq, hash) VALUES (1, seq, prev);
END;
$$;--> statement-breakpoint
ALTER TABLE "access_log" ENABLE TRIGGER "access_log_no_update_or_delete";--> statement-breakpoint
CREATE TRIGGER "access_log_seal"
	BEFORE INSERT ON "access_log"
	FOR EACH ROW EXECUTE FUNCTION "access_log_seal"();
