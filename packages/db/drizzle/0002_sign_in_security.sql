ALTER TYPE "public"."access_action" ADD VALUE 'lockout';--> statement-breakpoint
ALTER TYPE "public"."access_action" ADD VALUE 'mfa_enrolment';--> statement-breakpoint
CREATE TABLE "platform_setting" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"mfa_required_for_admins" boolean DEFAULT true NOT NULL,
	"mfa_required_for_everyone" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "platform_setting_single_row" CHECK ("platform_setting"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "recovery_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "totp_credential" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"secret" text,
	"confirmed_at" timestamp with time zone,
	"last_used_step" bigint,
	"pending_secret" text,
	"pending_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "revoked_session" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform_setting" ADD CONSTRAINT "platform_setting_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_setting" ADD CONSTRAINT "platform_setting_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_credential" ADD CONSTRAINT "totp_credential_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_credential" ADD CONSTRAINT "totp_credential_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_credential" ADD CONSTRAINT "totp_credential_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revoked_session" ADD CONSTRAINT "revoked_session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_setting_created_by_id_idx" ON "platform_setting" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "platform_setting_updated_by_id_idx" ON "platform_setting" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "totp_credential_created_by_id_idx" ON "totp_credential" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "totp_credential_updated_by_id_idx" ON "totp_credential" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "sign_in_throttle_window_started_at_idx" ON "sign_in_throttle" USING btree ("window_started_at");--> statement-breakpoint
CREATE INDEX "revoked_session_user_id_idx" ON "revoked_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "revoked_session_expires_at_idx" ON "revoked_session" USING btree ("expires_at");