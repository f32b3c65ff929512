ALTER TABLE "platform_setting" ADD COLUMN "review_period_months" smallint DEFAULT 12 NOT NULL;--> statement-breakpoint
CREATE INDEX "individual_category_idx" ON "individual" USING btree ("category");--> statement-breakpoint
ALTER TABLE "platform_setting" ADD CONSTRAINT "platform_setting_review_period_range" CHECK ("platform_setting"."review_period_months" between 1 and 36);