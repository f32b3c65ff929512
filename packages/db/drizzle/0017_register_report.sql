-- The conflicts and people report (issue 10): the changes of conflicts' status in a period, and
-- the approved register's counts, each read from an index alone at national scale.
CREATE INDEX "individual_report_idx" ON "individual" USING btree ("status","risk_level","category","registering_agency_id","review_due") WHERE "individual"."registration_status" = 'approved';--> statement-breakpoint
CREATE INDEX "conflict_change_changed_at_idx" ON "conflict_change" USING btree ("changed_at","status","previous_status");