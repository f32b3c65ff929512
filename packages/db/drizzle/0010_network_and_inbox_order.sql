-- Orders the national-scale reads walk instead of sorting (issue 9's benchmark): the
-- referral inbox and sent list ascending, so that a backward walk serves "newest first" (the
-- DESC NULLS LAST indexes of 0009 never matched the query's DESC NULLS FIRST); the network
-- picture's other groups by status and name, the areas, and the forms' group and conflict
-- choices by name and title; a group's members with their period in the index, so a member
-- count reads the index alone.
DROP INDEX "group_membership_group_id_idx";--> statement-breakpoint
DROP INDEX "referral_to_agency_order_idx";--> statement-breakpoint
DROP INDEX "referral_from_agency_order_idx";--> statement-breakpoint
CREATE INDEX "group_network_order_idx" ON "group" USING btree ("status","name","id");--> statement-breakpoint
CREATE INDEX "group_area_idx" ON "group" USING btree ("area");--> statement-breakpoint
CREATE INDEX "group_name_order_idx" ON "group" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "conflict_title_order_idx" ON "conflict" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "group_membership_group_id_idx" ON "group_membership" USING btree ("group_id","individual_id","from_on","to_on");--> statement-breakpoint
CREATE INDEX "referral_to_agency_order_idx" ON "referral" USING btree ("to_agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "referral_from_agency_order_idx" ON "referral" USING btree ("from_agency_id","created_at","id");