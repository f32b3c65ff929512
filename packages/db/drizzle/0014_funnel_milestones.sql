-- The exit funnel's counts at national scale (issue 10): each person's first day at each step
-- of the way out, kept by triggers from the case records, so the funnel counts one index
-- range instead of every intervention of the period (3 s over ten years at national scale).
CREATE TYPE "public"."funnel_step" AS ENUM('reached', 'accepted_support', 'took_steps', 'relocated_or_changed', 'relocated', 'changed_situation', 'left_criminal_context');--> statement-breakpoint
CREATE TABLE "individual_milestone" (
	"individual_id" uuid NOT NULL,
	"step" "funnel_step" NOT NULL,
	"agency_id" uuid,
	"first_on" date NOT NULL,
	"district" text NOT NULL,
	"approved" boolean NOT NULL,
	CONSTRAINT "individual_milestone_unique" UNIQUE NULLS NOT DISTINCT("individual_id","step","agency_id")
);
--> statement-breakpoint
ALTER TABLE "individual_milestone" ADD CONSTRAINT "individual_milestone_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_milestone" ADD CONSTRAINT "individual_milestone_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "individual_milestone_step_idx" ON "individual_milestone" USING btree ("step","agency_id","first_on") WHERE "individual_milestone"."approved";--> statement-breakpoint
CREATE INDEX "individual_milestone_district_idx" ON "individual_milestone" USING btree ("district","step","agency_id","first_on") WHERE "individual_milestone"."approved";--> statement-breakpoint
CREATE INDEX "individual_milestone_agency_id_idx" ON "individual_milestone" USING btree ("agency_id");--> statement-breakpoint
-- What the table holds, from the case records themselves: for each person and step, the first
-- day by any agency (agency_id null) and by each agency that recorded it. Reached: a done
-- call-in they came to (attended, or answered the offer of support), or a done one-to-one
-- conversation that was delivered, led by the agency. Accepted support: their answer to a done
-- intervention. The other steps: outcomes, recorded by the agency. Days on the programme's
-- calendar.
CREATE VIEW "individual_milestone_source" AS
WITH "event" AS (
  SELECT p."individual_id", 'reached'::"funnel_step" AS "step", i."lead_agency_id" AS "agency_id",
    (i."occurred_at" AT TIME ZONE 'Europe/Stockholm')::date AS "on_day"
  FROM "intervention_participant" p JOIN "intervention" i ON i."id" = p."intervention_id"
  WHERE i."status" = 'done' AND (
    (i."kind" = 'call_in' AND p."response" IN ('attended', 'accepted_support', 'refused_support'))
    OR (i."kind" = 'custom_notification' AND i."delivery_result" = 'delivered'))
  UNION ALL
  SELECT p."individual_id", 'accepted_support', i."lead_agency_id",
    (i."occurred_at" AT TIME ZONE 'Europe/Stockholm')::date
  FROM "intervention_participant" p JOIN "intervention" i ON i."id" = p."intervention_id"
  WHERE i."status" = 'done' AND p."response" = 'accepted_support'
  UNION ALL
  SELECT o."individual_id",
    (CASE o."kind" WHEN 'took_steps_to_leave' THEN 'took_steps' WHEN 'relocated' THEN 'relocated'
      WHEN 'changed_situation_at_home' THEN 'changed_situation'
      ELSE 'left_criminal_context' END)::"funnel_step",
    o."recording_agency_id", o."occurred_at"
  FROM "outcome" o
  WHERE o."kind" IN ('took_steps_to_leave', 'relocated', 'changed_situation_at_home', 'left_criminal_context')
  UNION ALL
  SELECT o."individual_id", 'relocated_or_changed', o."recording_agency_id", o."occurred_at"
  FROM "outcome" o WHERE o."kind" IN ('relocated', 'changed_situation_at_home')
), "by_agency" AS (
  SELECT "individual_id", "step", "agency_id", "on_day" FROM "event"
  UNION ALL
  SELECT "individual_id", "step", NULL, "on_day" FROM "event"
)
SELECT e."individual_id", e."step", e."agency_id", min(e."on_day") AS "first_on",
  ind."district", ind."registration_status" = 'approved' AS "approved"
FROM "by_agency" e JOIN "individual" ind ON ind."id" = e."individual_id"
GROUP BY e."individual_id", e."step", e."agency_id", ind."district", ind."registration_status";
--> statement-breakpoint
-- The rows of these people, again from the source. SECURITY DEFINER: the app's role reads
-- the table but may not write it, so only this function (the owner's) does.
CREATE FUNCTION "refresh_individual_milestones"("people" uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM "individual_milestone" WHERE "individual_id" = ANY ("people");
  INSERT INTO "individual_milestone" ("individual_id", "step", "agency_id", "first_on", "district", "approved")
  SELECT "individual_id", "step", "agency_id", "first_on", "district", "approved"
  FROM "individual_milestone_source" WHERE "individual_id" = ANY ("people");
$$;
--> statement-breakpoint
-- Everyone's rows (after a bulk load that ran without triggers, as the benchmark's does).
CREATE FUNCTION "rebuild_individual_milestones"() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM "individual_milestone";
  INSERT INTO "individual_milestone" ("individual_id", "step", "agency_id", "first_on", "district", "approved")
  SELECT "individual_id", "step", "agency_id", "first_on", "district", "approved"
  FROM "individual_milestone_source";
$$;
--> statement-breakpoint
CREATE FUNCTION "individual_milestone_follow"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  people uuid[];
BEGIN
  IF TG_TABLE_NAME = 'intervention' THEN
    SELECT array_agg(p."individual_id") INTO people FROM "intervention_participant" p
    WHERE p."intervention_id" = NEW."id";
  ELSIF TG_TABLE_NAME = 'individual' THEN
    people := ARRAY[NEW."id"];
  ELSIF TG_OP = 'INSERT' THEN
    people := ARRAY[NEW."individual_id"];
  ELSIF TG_OP = 'DELETE' THEN
    people := ARRAY[OLD."individual_id"];
  ELSE
    people := ARRAY[OLD."individual_id", NEW."individual_id"];
  END IF;
  IF people IS NOT NULL THEN
    PERFORM "refresh_individual_milestones"(people);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "individual_milestone_from_participant"
AFTER INSERT OR UPDATE OR DELETE ON "intervention_participant"
FOR EACH ROW EXECUTE FUNCTION "individual_milestone_follow"();
--> statement-breakpoint
CREATE TRIGGER "individual_milestone_from_outcome"
AFTER INSERT OR UPDATE OR DELETE ON "outcome"
FOR EACH ROW EXECUTE FUNCTION "individual_milestone_follow"();
--> statement-breakpoint
CREATE TRIGGER "individual_milestone_from_intervention"
AFTER UPDATE OF "status", "kind", "occurred_at", "delivery_result", "lead_agency_id" ON "intervention"
FOR EACH ROW EXECUTE FUNCTION "individual_milestone_follow"();
--> statement-breakpoint
CREATE TRIGGER "individual_milestone_from_individual"
AFTER UPDATE OF "district", "registration_status" ON "individual"
FOR EACH ROW EXECUTE FUNCTION "individual_milestone_follow"();
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "individual_milestone" FROM truce_app;
--> statement-breakpoint
SELECT "rebuild_individual_milestones"();
