-- The outcome reports (issue 10). The programme's start date: a platform setting the reports
-- mark on every time chart. And the incident counts read from an index alone: a kind in a
-- period, or in a district and a period, each entry holding the casualties the counts add up.
-- Each new index has the old one's columns first, so it serves their reads as well.
DROP INDEX "incident_district_idx";--> statement-breakpoint
DROP INDEX "incident_kind_occurred_at_idx";--> statement-breakpoint
ALTER TABLE "platform_setting" ADD COLUMN "programme_started_on" date;--> statement-breakpoint
CREATE INDEX "incident_district_kind_occurred_at_idx" ON "incident" USING btree ("district","kind","occurred_at","dead","injured");--> statement-breakpoint
CREATE INDEX "incident_kind_occurred_at_idx" ON "incident" USING btree ("kind","occurred_at","dead","injured");