-- A referral's steps after it was sent (issue 9): one referral_event row per step (accepted,
-- declined with its reason, in progress, completed, withdrawn), written in the step's own
-- transaction with the referral's new status; read by the person's timeline. The inbox and the
-- sent list, newest first, as indexes (the one on the sending agency replaces its plain index).
CREATE TABLE "referral_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" "referral_status" NOT NULL,
	"reason" text,
	"changed_by_id" uuid,
	"changed_by_agency_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_event_not_sent" CHECK ("referral_event"."status" <> 'sent'),
	CONSTRAINT "referral_event_decline_reason" CHECK ("referral_event"."status" <> 'declined' or "referral_event"."reason" is not null),
	CONSTRAINT "referral_event_reason_not_blank" CHECK ("referral_event"."reason" is null or btrim("referral_event"."reason") <> '')
);
--> statement-breakpoint
DROP INDEX "referral_from_agency_id_idx";--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_changed_by_id_user_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_changed_by_agency_id_agency_id_fk" FOREIGN KEY ("changed_by_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_event_referral_changed_at_idx" ON "referral_event" USING btree ("referral_id","changed_at","id");--> statement-breakpoint
CREATE INDEX "referral_event_changed_by_id_idx" ON "referral_event" USING btree ("changed_by_id");--> statement-breakpoint
CREATE INDEX "referral_event_changed_by_agency_id_idx" ON "referral_event" USING btree ("changed_by_agency_id");--> statement-breakpoint
CREATE INDEX "referral_to_agency_order_idx" ON "referral" USING btree ("to_agency_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referral_from_agency_order_idx" ON "referral" USING btree ("from_agency_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);