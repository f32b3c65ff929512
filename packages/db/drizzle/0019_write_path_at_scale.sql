-- The call-in write at national scale (found by the benchmark's full run): a call-in of ten
-- people took 45 s to record with 2,500,000 participants, and twenty writers at once got no
-- answer at all. Two causes, both in the tables the reports keep:
--
-- 1. individual_milestone_source (migration 0014) read its events in a CTE it used twice, so
--    PostgreSQL computed the events of every person before keeping the few asked for: 4 s per
--    person refreshed. The same rows, with each event doubled by a lateral VALUES (its agency,
--    and null for any agency), so the person's filter reaches the tables' indexes: 20 ms.
-- 2. intervention_month (migration 0016) recounted a key (a month's call-ins of an agency,
--    over a thousand at that scale) for the intervention and again for each participant, all
--    under the key's lock. A new done intervention and new participants are now added to the
--    key instead, under the same lock; a change or a deletion still recounts.
--
-- New participants are followed once per statement (a transition table) by both tables.
CREATE OR REPLACE VIEW "individual_milestone_source" AS
SELECT e."individual_id", e."step", a."agency_id", min(e."on_day") AS "first_on",
  ind."district", ind."registration_status" = 'approved' AS "approved"
FROM (
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
) e
CROSS JOIN LATERAL (VALUES (e."agency_id"), (NULL::uuid)) AS a("agency_id")
JOIN "individual" ind ON ind."id" = e."individual_id"
GROUP BY e."individual_id", e."step", a."agency_id", ind."district", ind."registration_status"
;
--> statement-breakpoint
-- The lock every writer of a key of intervention_month takes first (refresh_intervention_month
-- takes the same one), for the rest of its transaction.
CREATE FUNCTION "lock_intervention_month"("m" date, "k" "intervention_kind", "e" "enforcement_kind", "a" uuid) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended(concat_ws(' ', 'intervention_month', m, k, e, a), 0));
$$;
--> statement-breakpoint
-- Adds rows of counts to their keys of intervention_month: (district, month, kind, sub-kind,
-- lead agency, interventions, people), as a JSON array of the rows, the key of each locked in
-- order first.
CREATE FUNCTION "intervention_month_add"("counts" jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  key record;
BEGIN
  FOR key IN
    SELECT DISTINCT (c->>'month')::date AS m, (c->>'kind')::"intervention_kind" AS k,
      (c->>'enforcement_kind')::"enforcement_kind" AS e, (c->>'lead_agency_id')::uuid AS a
    FROM jsonb_array_elements(counts) c ORDER BY 1, 2, 3, 4
  LOOP
    PERFORM "lock_intervention_month"(key.m, key.k, key.e, key.a);
  END LOOP;
  INSERT INTO "intervention_month" AS x ("district", "month", "kind", "enforcement_kind", "lead_agency_id", "interventions", "people")
  SELECT c->>'district', (c->>'month')::date, (c->>'kind')::"intervention_kind",
    (c->>'enforcement_kind')::"enforcement_kind", (c->>'lead_agency_id')::uuid,
    sum((c->>'interventions')::int), sum((c->>'people')::int)
  FROM jsonb_array_elements(counts) c
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ("district", "month", "kind", "enforcement_kind", "lead_agency_id") DO UPDATE SET
    "interventions" = x."interventions" + excluded."interventions",
    "people" = x."people" + excluded."people";
END;
$$;
--> statement-breakpoint
-- As in migration 0016, but a new done intervention is added to its key (its rows of the view:
-- the whole city and its group's area, with whoever came if its participants are already
-- there) rather than its key recounted.
CREATE OR REPLACE FUNCTION "intervention_month_follow"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  key record;
  ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'intervention' THEN
    IF TG_OP = 'INSERT' THEN
      IF NEW."status" = 'done' THEN
        PERFORM "intervention_month_add"((
          SELECT jsonb_agg(jsonb_build_object('district', a."district", 'month', a."month",
            'kind', a."kind", 'enforcement_kind', a."enforcement_kind",
            'lead_agency_id', a."lead_agency_id", 'interventions', 1, 'people', a."people"))
          FROM "intervention_activity" a WHERE a."intervention_id" = NEW."id"));
      END IF;
      RETURN NULL;
    END IF;
    IF OLD."status" = 'done' THEN
      PERFORM "refresh_intervention_month"("incident_month_of"(OLD."occurred_at"), OLD."kind", OLD."enforcement_kind", OLD."lead_agency_id");
    END IF;
    IF TG_OP = 'UPDATE' AND NEW."status" = 'done' AND NOT (OLD."status" = 'done'
        AND "incident_month_of"(OLD."occurred_at") = "incident_month_of"(NEW."occurred_at")
        AND OLD."kind" = NEW."kind" AND OLD."enforcement_kind" IS NOT DISTINCT FROM NEW."enforcement_kind"
        AND OLD."lead_agency_id" = NEW."lead_agency_id") THEN
      PERFORM "refresh_intervention_month"("incident_month_of"(NEW."occurred_at"), NEW."kind", NEW."enforcement_kind", NEW."lead_agency_id");
    END IF;
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'intervention_participant' THEN
    IF TG_OP = 'DELETE' THEN
      ids := ARRAY[OLD."intervention_id"];
    ELSE
      ids := ARRAY[OLD."intervention_id", NEW."intervention_id"];
    END IF;
  ELSIF TG_TABLE_NAME = 'individual' THEN
    SELECT array_agg(p."intervention_id") INTO ids
    FROM "intervention_participant" p WHERE p."individual_id" = NEW."id";
  ELSE
    SELECT array_agg(i."id") INTO ids FROM "intervention" i WHERE i."group_id" = NEW."id";
  END IF;
  FOR key IN
    SELECT DISTINCT "incident_month_of"(i."occurred_at") AS "month", i."kind", i."enforcement_kind", i."lead_agency_id"
    FROM "intervention" i
    WHERE i."status" = 'done' AND i."id" = ANY (ids)
    ORDER BY 1, 2, 3, 4
  LOOP
    PERFORM "refresh_intervention_month"(key."month", key."kind", key."enforcement_kind", key."lead_agency_id");
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- New participants of done interventions, a statement's at once, added to their keys as the
-- view would count them: a district newly concerned (an approved person's district that no
-- participant before them, nor the group's area, gave the intervention) counts it once more;
-- each approved person who came to a call-in counts in the whole city and in their district.
CREATE FUNCTION "intervention_month_follow_new_participants"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM "intervention_month_add"((
    WITH "added" AS (
      SELECT n."id", n."intervention_id", n."response", ind."district"
      FROM "new_rows" n
      JOIN "individual" ind ON ind."id" = n."individual_id" AND ind."registration_status" = 'approved'
    ), "counts" AS (
      SELECT a."intervention_id", a."district", 1 AS "interventions", 0 AS "people"
      FROM (SELECT DISTINCT "intervention_id", "district" FROM "added") a
      JOIN "intervention" i ON i."id" = a."intervention_id"
      WHERE NOT EXISTS (SELECT 1 FROM "group" g WHERE g."id" = i."group_id" AND g."area" = a."district")
        AND NOT EXISTS (
          SELECT 1 FROM "intervention_participant" p
          JOIN "individual" ind ON ind."id" = p."individual_id" AND ind."registration_status" = 'approved'
          WHERE p."intervention_id" = a."intervention_id" AND ind."district" = a."district"
            AND p."id" NOT IN (SELECT "id" FROM "new_rows"))
      UNION ALL
      SELECT a."intervention_id", d."district", 0, 1
      FROM "added" a
      CROSS JOIN LATERAL (VALUES (''::text), (a."district")) AS d("district")
      WHERE a."response" IN ('attended', 'accepted_support', 'refused_support')
    )
    SELECT jsonb_agg(jsonb_build_object('district', c."district",
      'month', "incident_month_of"(i."occurred_at"), 'kind', i."kind",
      'enforcement_kind', i."enforcement_kind", 'lead_agency_id', i."lead_agency_id",
      'interventions', c."interventions",
      'people', CASE WHEN i."kind" = 'call_in' THEN c."people" ELSE 0 END))
    FROM "counts" c JOIN "intervention" i ON i."id" = c."intervention_id"
    WHERE i."status" = 'done'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The milestones of a statement's new participants, refreshed once.
CREATE FUNCTION "individual_milestone_follow_new_participants"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM "refresh_individual_milestones"(ARRAY(SELECT DISTINCT "individual_id" FROM "new_rows"));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "intervention_month_from_participant" ON "intervention_participant";
--> statement-breakpoint
CREATE TRIGGER "intervention_month_from_participant"
AFTER DELETE OR UPDATE OF "intervention_id", "individual_id", "response" ON "intervention_participant"
FOR EACH ROW EXECUTE FUNCTION "intervention_month_follow"();
--> statement-breakpoint
CREATE TRIGGER "intervention_month_from_new_participants"
AFTER INSERT ON "intervention_participant" REFERENCING NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "intervention_month_follow_new_participants"();
--> statement-breakpoint
DROP TRIGGER "individual_milestone_from_participant" ON "intervention_participant";
--> statement-breakpoint
CREATE TRIGGER "individual_milestone_from_participant"
AFTER UPDATE OR DELETE ON "intervention_participant"
FOR EACH ROW EXECUTE FUNCTION "individual_milestone_follow"();
--> statement-breakpoint
CREATE TRIGGER "individual_milestone_from_new_participants"
AFTER INSERT ON "intervention_participant" REFERENCING NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "individual_milestone_follow_new_participants"();
