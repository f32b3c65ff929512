-- The conflicts and people report at national scale (issue 10). Read from the case records, it
-- took 274 ms alone (1,988 ms at p95 with ten managers at once): 95,000 changes of conflicts'
-- status and 196,000 people's index entries. These tables hold the same figures in a few
-- thousand rows: each month's changes of status by district (kept as intervention_month is,
-- migration 0016), and the register's approved people by key and by review day (kept by
-- adding and taking away, as incident_month is, migration 0015).
CREATE TABLE "conflict_month" (
	"district" text NOT NULL,
	"month" date NOT NULL,
	"status" "conflict_status" NOT NULL,
	"conflicts" integer NOT NULL,
	"opened" integer NOT NULL,
	"resolved" integer NOT NULL,
	CONSTRAINT "conflict_month_unique" UNIQUE("district","month","status")
);
--> statement-breakpoint
CREATE TABLE "register_count" (
	"district" text NOT NULL,
	"status" "individual_status" NOT NULL,
	"risk_level" "risk_level" NOT NULL,
	"category" "individual_category" NOT NULL,
	"registering_agency_id" uuid NOT NULL,
	"people" integer NOT NULL,
	CONSTRAINT "register_count_unique" UNIQUE("district","status","risk_level","category","registering_agency_id")
);
--> statement-breakpoint
CREATE TABLE "register_review" (
	"district" text NOT NULL,
	"review_due" date NOT NULL,
	"registering_agency_id" uuid NOT NULL,
	"people" integer NOT NULL,
	CONSTRAINT "register_review_unique" UNIQUE("district","review_due","registering_agency_id")
);
--> statement-breakpoint
-- The register's index of migration 0017, which the report no longer reads.
DROP INDEX "individual_report_idx";--> statement-breakpoint
ALTER TABLE "register_count" ADD CONSTRAINT "register_count_registering_agency_id_agency_id_fk" FOREIGN KEY ("registering_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_review" ADD CONSTRAINT "register_review_registering_agency_id_agency_id_fk" FOREIGN KEY ("registering_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_count_registering_agency_id_idx" ON "register_count" USING btree ("registering_agency_id");--> statement-breakpoint
CREATE INDEX "register_review_registering_agency_id_idx" ON "register_review" USING btree ("registering_agency_id");
--> statement-breakpoint
-- What conflict_month counts, from the case records: each change of a conflict as +1 to the
-- status it made and -1 to the status before it (none for the change that recorded the
-- conflict), in each district the conflict concerns ('' for the whole city, the areas of its
-- group parties and the districts of its approved individual parties); it opened the conflict
-- when nothing came before it, and resolved it when it made it resolved. Pending registrations
-- count nowhere.
CREATE VIEW "conflict_status_event" AS
SELECT c."id" AS "change_id", c."conflict_id", c."changed_at", d."district",
  e."status", e."delta", e."opened", e."resolved"
FROM "conflict_change" c
CROSS JOIN LATERAL (
  SELECT ''::text AS "district"
  UNION
  SELECT g."area" FROM "conflict_party" p JOIN "group" g ON g."id" = p."group_id"
  WHERE p."conflict_id" = c."conflict_id"
  UNION
  SELECT ind."district" FROM "conflict_party" p JOIN "individual" ind ON ind."id" = p."individual_id"
  WHERE p."conflict_id" = c."conflict_id" AND ind."registration_status" = 'approved'
) d
CROSS JOIN LATERAL (VALUES
  (c."status", 1, (c."previous_status" IS NULL)::int,
    (c."status" = 'resolved' AND c."previous_status" IS DISTINCT FROM 'resolved')::int),
  (c."previous_status", -1, 0, 0)
) AS e("status", "delta", "opened", "resolved")
WHERE e."status" IS NOT NULL;
--> statement-breakpoint
-- The lock every writer of a month of conflict_month takes first, for the rest of its
-- transaction: so two transactions changing conflicts in the same month one after the other
-- each count what the other committed (each statement sees the rows committed before it).
CREATE FUNCTION "lock_conflict_month"("m" date) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended(concat_ws(' ', 'conflict_month', m), 0));
$$;
--> statement-breakpoint
-- One month's rows again from the view, in every district. SECURITY DEFINER: only the owner
-- writes the table.
CREATE FUNCTION "refresh_conflict_month"("m" date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM "lock_conflict_month"(m);
  DELETE FROM "conflict_month" WHERE "month" = m;
  INSERT INTO "conflict_month" ("district", "month", "status", "conflicts", "opened", "resolved")
  SELECT "district", m, "status", sum("delta"), sum("opened"), sum("resolved")
  FROM "conflict_status_event"
  WHERE "changed_at" >= (m::timestamp AT TIME ZONE 'Europe/Stockholm')
    AND "changed_at" < ((m + interval '1 month')::timestamp AT TIME ZONE 'Europe/Stockholm')
  GROUP BY "district", "status";
END;
$$;
--> statement-breakpoint
-- Every month again (after a bulk load that ran without triggers, as the benchmark's does).
CREATE FUNCTION "rebuild_conflict_months"() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM "conflict_month";
  INSERT INTO "conflict_month" ("district", "month", "status", "conflicts", "opened", "resolved")
  SELECT "district", "incident_month_of"("changed_at"), "status", sum("delta"), sum("opened"),
    sum("resolved")
  FROM "conflict_status_event"
  GROUP BY 1, 2, 3;
$$;
--> statement-breakpoint
-- Recounts the months a change touches: a changed or deleted change's old and new month (a new
-- one is added to its month); every month of a
-- conflict whose parties changed; every month of the conflicts of a person whose district or
-- registration changed, or of a group whose area changed. Months in order, so two
-- transactions take their locks in the same order.
CREATE FUNCTION "conflict_month_follow"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m date;
  ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'conflict_change' AND TG_OP = 'INSERT' THEN
    -- A new change (the common write): its own events added to its month, not the month
    -- recounted.
    m := "incident_month_of"(NEW."changed_at");
    PERFORM "lock_conflict_month"(m);
    INSERT INTO "conflict_month" AS x ("district", "month", "status", "conflicts", "opened", "resolved")
    SELECT "district", m, "status", sum("delta"), sum("opened"), sum("resolved")
    FROM "conflict_status_event" WHERE "change_id" = NEW."id"
    GROUP BY "district", "status"
    ON CONFLICT ("district", "month", "status") DO UPDATE SET
      "conflicts" = x."conflicts" + excluded."conflicts",
      "opened" = x."opened" + excluded."opened",
      "resolved" = x."resolved" + excluded."resolved";
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'conflict_change' THEN
    FOR m IN
      SELECT DISTINCT x FROM unnest(ARRAY[
        "incident_month_of"(OLD."changed_at"),
        CASE WHEN TG_OP = 'UPDATE' THEN "incident_month_of"(NEW."changed_at") END
      ]) AS x WHERE x IS NOT NULL ORDER BY x
    LOOP
      PERFORM "refresh_conflict_month"(m);
    END LOOP;
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'conflict_party' THEN
    IF TG_OP = 'INSERT' THEN
      ids := ARRAY[NEW."conflict_id"];
    ELSIF TG_OP = 'DELETE' THEN
      ids := ARRAY[OLD."conflict_id"];
    ELSE
      ids := ARRAY[OLD."conflict_id", NEW."conflict_id"];
    END IF;
  ELSIF TG_TABLE_NAME = 'individual' THEN
    SELECT array_agg(p."conflict_id") INTO ids
    FROM "conflict_party" p WHERE p."individual_id" = NEW."id";
  ELSE
    SELECT array_agg(p."conflict_id") INTO ids
    FROM "conflict_party" p WHERE p."group_id" = NEW."id";
  END IF;
  FOR m IN
    SELECT DISTINCT "incident_month_of"(c."changed_at") FROM "conflict_change" c
    WHERE c."conflict_id" = ANY (ids) ORDER BY 1
  LOOP
    PERFORM "refresh_conflict_month"(m);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "conflict_month_from_change"
AFTER INSERT OR DELETE OR UPDATE OF "conflict_id", "changed_at", "status", "previous_status" ON "conflict_change"
FOR EACH ROW EXECUTE FUNCTION "conflict_month_follow"();
--> statement-breakpoint
CREATE TRIGGER "conflict_month_from_party"
AFTER INSERT OR DELETE OR UPDATE OF "conflict_id", "group_id", "individual_id" ON "conflict_party"
FOR EACH ROW EXECUTE FUNCTION "conflict_month_follow"();
--> statement-breakpoint
CREATE TRIGGER "conflict_month_from_individual"
AFTER UPDATE OF "district", "registration_status" ON "individual"
FOR EACH ROW WHEN (OLD."district" IS DISTINCT FROM NEW."district"
  OR OLD."registration_status" IS DISTINCT FROM NEW."registration_status")
EXECUTE FUNCTION "conflict_month_follow"();
--> statement-breakpoint
CREATE TRIGGER "conflict_month_from_group"
AFTER UPDATE OF "area" ON "group"
FOR EACH ROW WHEN (OLD."area" IS DISTINCT FROM NEW."area")
EXECUTE FUNCTION "conflict_month_follow"();
--> statement-breakpoint
-- Adds n approved people of one key to the register's counts, in the whole city and in their
-- district: to their status, risk, category and agency, and to their review day. The whole
-- city's rows first, then the district's, so two transactions take their row locks in the same
-- order.
CREATE FUNCTION "register_count_add"("d" text, "s" "individual_status", "r" "risk_level",
  "c" "individual_category", "a" uuid, "due" date, "n" integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO "register_count" AS x ("district", "status", "risk_level", "category", "registering_agency_id", "people")
  VALUES ('', s, r, c, a, n), (d, s, r, c, a, n)
  ON CONFLICT ("district", "status", "risk_level", "category", "registering_agency_id")
  DO UPDATE SET "people" = x."people" + excluded."people";
  INSERT INTO "register_review" AS x ("district", "review_due", "registering_agency_id", "people")
  VALUES ('', due, a, n), (d, due, a, n)
  ON CONFLICT ("district", "review_due", "registering_agency_id")
  DO UPDATE SET "people" = x."people" + excluded."people";
$$;
--> statement-breakpoint
-- A person's change to the register's counts: their old row taken away, their new row added,
-- when they are (or were) approved.
CREATE FUNCTION "register_count_follow"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."registration_status" = 'approved' THEN
    PERFORM "register_count_add"(OLD."district", OLD."status", OLD."risk_level", OLD."category",
      OLD."registering_agency_id", OLD."review_due", -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."registration_status" = 'approved' THEN
    PERFORM "register_count_add"(NEW."district", NEW."status", NEW."risk_level", NEW."category",
      NEW."registering_agency_id", NEW."review_due", 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "register_count_from_individual_write"
AFTER INSERT OR DELETE ON "individual"
FOR EACH ROW EXECUTE FUNCTION "register_count_follow"();
--> statement-breakpoint
CREATE TRIGGER "register_count_from_individual"
AFTER UPDATE OF "district", "status", "risk_level", "category", "registering_agency_id", "review_due", "registration_status" ON "individual"
FOR EACH ROW WHEN ((OLD."district", OLD."status", OLD."risk_level", OLD."category",
    OLD."registering_agency_id", OLD."review_due", OLD."registration_status")
  IS DISTINCT FROM (NEW."district", NEW."status", NEW."risk_level", NEW."category",
    NEW."registering_agency_id", NEW."review_due", NEW."registration_status"))
EXECUTE FUNCTION "register_count_follow"();
--> statement-breakpoint
-- Every count again from the people (after a bulk load that ran without triggers).
CREATE FUNCTION "rebuild_register_counts"() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM "register_count";
  DELETE FROM "register_review";
  INSERT INTO "register_count" ("district", "status", "risk_level", "category", "registering_agency_id", "people")
  SELECT coalesce("district", ''), "status", "risk_level", "category", "registering_agency_id", count(*)
  FROM "individual" WHERE "registration_status" = 'approved'
  GROUP BY GROUPING SETS (("district", "status", "risk_level", "category", "registering_agency_id"),
    ("status", "risk_level", "category", "registering_agency_id"));
  INSERT INTO "register_review" ("district", "review_due", "registering_agency_id", "people")
  SELECT coalesce("district", ''), "review_due", "registering_agency_id", count(*)
  FROM "individual" WHERE "registration_status" = 'approved'
  GROUP BY GROUPING SETS (("district", "review_due", "registering_agency_id"),
    ("review_due", "registering_agency_id"));
$$;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "conflict_month", "conflict_status_event", "register_count", "register_review" FROM truce_app;
--> statement-breakpoint
SELECT "rebuild_conflict_months"();
--> statement-breakpoint
SELECT "rebuild_register_counts"();
