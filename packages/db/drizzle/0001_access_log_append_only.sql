-- The access log is append-only: the database itself refuses to change or remove a row,
-- whatever the application (or a slip in it) asks. Rows are only ever inserted.
CREATE FUNCTION "access_log_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "access_log_no_update_or_delete"
	BEFORE UPDATE OR DELETE ON "access_log"
	FOR EACH ROW EXECUTE FUNCTION "access_log_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate"
	BEFORE TRUNCATE ON "access_log"
	FOR EACH STATEMENT EXECUTE FUNCTION "access_log_refuse_change"();
