CREATE TYPE "public"."consent_decision" AS ENUM('given', 'refused');--> statement-breakpoint
CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"individual_id" uuid NOT NULL,
	"decision" "consent_decision" NOT NULL,
	"decided_on" date NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_by_agency_id" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consent_withdrawal_complete" CHECK (("consent"."withdrawn_at" is null) = ("consent"."withdrawn_by_id" is null))
);
--> statement-breakpoint
CREATE TABLE "access_log_chain_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"chain_seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "access_log_chain_head_single_row" CHECK ("access_log_chain_head"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "disabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_id_user_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_agency_id_agency_id_fk" FOREIGN KEY ("recorded_by_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawn_by_id_user_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_in_force_unique" ON "consent" USING btree ("individual_id") WHERE "consent"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "consent_individual_id_idx" ON "consent" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "consent_recorded_by_id_idx" ON "consent" USING btree ("recorded_by_id");--> statement-breakpoint
CREATE INDEX "consent_recorded_by_agency_id_idx" ON "consent" USING btree ("recorded_by_agency_id");--> statement-breakpoint
CREATE INDEX "consent_withdrawn_by_id_idx" ON "consent" USING btree ("withdrawn_by_id");--> statement-breakpoint
CREATE INDEX "consent_created_by_id_idx" ON "consent" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "consent_updated_by_id_idx" ON "consent" USING btree ("updated_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "access_log_chain_seq_unique" ON "access_log" USING btree ("chain_seq");