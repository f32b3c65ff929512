-- A conflict's history of status and risk (issue 9): one conflict_change row per change,
-- written in the change's own transaction; the conflict list's order and title search as
-- indexes; and one open alliance between two groups at a time, whichever of them is A.
CREATE TABLE "conflict_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conflict_id" uuid NOT NULL,
	"status" "conflict_status" NOT NULL,
	"risk_level" "risk_level" NOT NULL,
	"previous_status" "conflict_status",
	"previous_risk_level" "risk_level",
	"changed_by_id" uuid,
	"changed_by_agency_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	CONSTRAINT "conflict_change_previous_together" CHECK (("conflict_change"."previous_status" is null) = ("conflict_change"."previous_risk_level" is null)),
	CONSTRAINT "conflict_change_reason_not_blank" CHECK ("conflict_change"."reason" is null or btrim("conflict_change"."reason") <> '')
);
--> statement-breakpoint
ALTER TABLE "conflict" ADD COLUMN "search_text" text GENERATED ALWAYS AS (search_fold("conflict"."title")) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "conflict_change" ADD CONSTRAINT "conflict_change_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_change" ADD CONSTRAINT "conflict_change_changed_by_id_user_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_change" ADD CONSTRAINT "conflict_change_changed_by_agency_id_agency_id_fk" FOREIGN KEY ("changed_by_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conflict_change_conflict_changed_at_idx" ON "conflict_change" USING btree ("conflict_id","changed_at");--> statement-breakpoint
CREATE INDEX "conflict_change_changed_by_id_idx" ON "conflict_change" USING btree ("changed_by_id");--> statement-breakpoint
CREATE INDEX "conflict_change_changed_by_agency_id_idx" ON "conflict_change" USING btree ("changed_by_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_open_pair_unique" ON "alliance" USING btree (least("group_a_id", "group_b_id"),greatest("group_a_id", "group_b_id")) WHERE "alliance"."to_on" is null;--> statement-breakpoint
CREATE INDEX "conflict_risk_order_idx" ON "conflict" USING btree ("risk_level" DESC NULLS LAST,"started_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "conflict_search_trgm_idx" ON "conflict" USING gin ("search_text" gin_trgm_ops);