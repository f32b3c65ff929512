CREATE TYPE "public"."platform_role" AS ENUM('platform_admin', 'auditor');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('agency', 'programme');--> statement-breakpoint
CREATE TYPE "public"."agency_kind" AS ENUM('police', 'social_services', 'exit_programme', 'probation', 'prosecution', 'school', 'housing', 'employment', 'other');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('staff', 'manager', 'agency_admin');--> statement-breakpoint
CREATE TYPE "public"."individual_category" AS ENUM('group_member', 'associate', 'victim', 'witness');--> statement-breakpoint
CREATE TYPE "public"."individual_status" AS ENUM('active', 'in_exit_process', 'exited', 'relocated', 'incarcerated', 'deceased');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('pending', 'approved');--> statement-breakpoint
CREATE TYPE "public"."supervision" AS ENUM('none', 'probation', 'conditional_release', 'in_custody', 'in_prison');--> statement-breakpoint
CREATE TYPE "public"."assignment_role" AS ENUM('owner', 'other');--> statement-breakpoint
CREATE TYPE "public"."affiliation" AS ENUM('core', 'member', 'associate');--> statement-breakpoint
CREATE TYPE "public"."group_status" AS ENUM('active', 'dormant', 'dissolved');--> statement-breakpoint
CREATE TYPE "public"."conflict_status" AS ENUM('latent', 'active', 'escalating', 'mediated', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."group_involvement" AS ENUM('confirmed', 'likely', 'none', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."incident_kind" AS ENUM('shooting', 'attempted_shooting', 'explosion', 'stabbing', 'assault', 'threat');--> statement-breakpoint
CREATE TYPE "public"."incident_party_role" AS ENUM('victim', 'suspect', 'linked');--> statement-breakpoint
CREATE TYPE "public"."conversation_channel" AS ENUM('home', 'street', 'custody', 'phone');--> statement-breakpoint
CREATE TYPE "public"."delivery_result" AS ENUM('delivered', 'refused', 'not_found');--> statement-breakpoint
CREATE TYPE "public"."enforcement_kind" AS ENUM('arrest', 'search', 'prosecution', 'trial', 'sentence');--> statement-breakpoint
CREATE TYPE "public"."intervention_kind" AS ENUM('call_in', 'custom_notification', 'home_visit', 'support_offer', 'mediation', 'enforcement');--> statement-breakpoint
CREATE TYPE "public"."intervention_status" AS ENUM('planned', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."participant_response" AS ENUM('attended', 'declined', 'no_show', 'accepted_support', 'refused_support');--> statement-breakpoint
CREATE TYPE "public"."referral_service" AS ENUM('exit_programme', 'relocation', 'housing', 'employment', 'education', 'treatment', 'family_support', 'protection');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('sent', 'accepted', 'declined', 'in_progress', 'completed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."outcome_kind" AS ENUM('took_steps_to_leave', 'relocated', 'changed_situation_at_home', 'left_criminal_context', 'employed', 'in_education', 'reoffended', 'arrested', 'prosecuted', 'convicted', 'imprisoned', 'victim_of_violence', 'deceased');--> statement-breakpoint
CREATE TYPE "public"."note_kind" AS ENUM('fact', 'assessment');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TYPE "public"."flag_kind" AS ENUM('retaliation_risk', 'threat_to_staff', 'other');--> statement-breakpoint
CREATE TYPE "public"."access_action" AS ENUM('read', 'create', 'update', 'delete', 'export', 'sign_in', 'sign_in_failed', 'sign_out', 'role_change', 'review', 'approve');--> statement-breakpoint
CREATE TYPE "public"."access_purpose" AS ENUM('case_work', 'coordination_meeting', 'review', 'data_subject_request', 'audit');--> statement-breakpoint
CREATE TABLE "user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"platform_roles" "platform_role"[] DEFAULT '{}' NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "user_email_lowercase" CHECK ("user"."email" = lower("user"."email")),
	CONSTRAINT "user_name_not_blank" CHECK (btrim("user"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "agency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "agency_kind" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "membership_user_agency_unique" UNIQUE("user_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "individual" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"national_id" text,
	"district" text NOT NULL,
	"status" "individual_status" DEFAULT 'active' NOT NULL,
	"risk_level" "risk_level" DEFAULT 'medium' NOT NULL,
	"supervision" "supervision" DEFAULT 'none' NOT NULL,
	"registering_agency_id" uuid NOT NULL,
	"registration_reason" text NOT NULL,
	"category" "individual_category" NOT NULL,
	"registration_status" "registration_status" DEFAULT 'pending' NOT NULL,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone,
	"review_due" date NOT NULL,
	"protected_location" boolean DEFAULT false NOT NULL,
	"current_location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "individual_given_name_not_blank" CHECK (btrim("individual"."given_name") <> ''),
	CONSTRAINT "individual_family_name_not_blank" CHECK (btrim("individual"."family_name") <> ''),
	CONSTRAINT "individual_registration_reason_not_blank" CHECK (btrim("individual"."registration_reason") <> ''),
	CONSTRAINT "individual_approval_recorded" CHECK ("individual"."registration_status" = 'pending' or "individual"."approved_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"individual_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "assignment_role" DEFAULT 'other' NOT NULL,
	"started_on" date DEFAULT current_date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assignment_dates_ordered" CHECK ("assignment"."ended_on" is null or "assignment"."ended_on" >= "assignment"."started_on")
);
--> statement-breakpoint
CREATE TABLE "group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"area" text NOT NULL,
	"status" "group_status" DEFAULT 'active' NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "group_name_not_blank" CHECK (btrim("group"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "group_membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"individual_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"affiliation" "affiliation" NOT NULL,
	"from_on" date,
	"to_on" date,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "group_membership_individual_group_from_unique" UNIQUE("individual_id","group_id","from_on"),
	CONSTRAINT "group_membership_dates_ordered" CHECK ("group_membership"."to_on" is null or "group_membership"."from_on" is null or "group_membership"."to_on" >= "group_membership"."from_on")
);
--> statement-breakpoint
CREATE TABLE "alliance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_a_id" uuid NOT NULL,
	"group_b_id" uuid NOT NULL,
	"from_on" date,
	"to_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "alliance_groups_differ" CHECK ("alliance"."group_a_id" <> "alliance"."group_b_id"),
	CONSTRAINT "alliance_dates_ordered" CHECK ("alliance"."to_on" is null or "alliance"."from_on" is null or "alliance"."to_on" >= "alliance"."from_on")
);
--> statement-breakpoint
CREATE TABLE "conflict" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" "conflict_status" DEFAULT 'active' NOT NULL,
	"risk_level" "risk_level" DEFAULT 'medium' NOT NULL,
	"started_on" date,
	"resolved_on" date,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "conflict_title_not_blank" CHECK (btrim("conflict"."title") <> ''),
	CONSTRAINT "conflict_dates_ordered" CHECK ("conflict"."resolved_on" is null or "conflict"."started_on" is null or "conflict"."resolved_on" >= "conflict"."started_on")
);
--> statement-breakpoint
CREATE TABLE "conflict_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conflict_id" uuid NOT NULL,
	"group_id" uuid,
	"individual_id" uuid,
	"side" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "conflict_party_conflict_group_unique" UNIQUE("conflict_id","group_id"),
	CONSTRAINT "conflict_party_conflict_individual_unique" UNIQUE("conflict_id","individual_id"),
	CONSTRAINT "conflict_party_one_party" CHECK (num_nonnulls("conflict_party"."group_id", "conflict_party"."individual_id") = 1),
	CONSTRAINT "conflict_party_side_not_blank" CHECK (btrim("conflict_party"."side") <> '')
);
--> statement-breakpoint
CREATE TABLE "incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "incident_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"district" text NOT NULL,
	"dead" integer DEFAULT 0 NOT NULL,
	"injured" integer DEFAULT 0 NOT NULL,
	"conflict_id" uuid,
	"group_involvement" "group_involvement" DEFAULT 'unknown' NOT NULL,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "incident_dead_not_negative" CHECK ("incident"."dead" >= 0),
	CONSTRAINT "incident_injured_not_negative" CHECK ("incident"."injured" >= 0)
);
--> statement-breakpoint
CREATE TABLE "incident_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"group_id" uuid,
	"individual_id" uuid,
	"role" "incident_party_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "incident_party_one_party" CHECK (num_nonnulls("incident_party"."group_id", "incident_party"."individual_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "intervention" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "intervention_kind" NOT NULL,
	"enforcement_kind" "enforcement_kind",
	"lead_agency_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"status" "intervention_status" DEFAULT 'planned' NOT NULL,
	"summary" text,
	"visibility" "visibility" DEFAULT 'agency' NOT NULL,
	"group_id" uuid,
	"conflict_id" uuid,
	"triggering_incident_id" uuid,
	"result" text,
	"message" text,
	"channel" "conversation_channel",
	"delivery_result" "delivery_result",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "intervention_enforcement_kind_iff_enforcement" CHECK (("intervention"."kind" = 'enforcement') = ("intervention"."enforcement_kind" is not null)),
	CONSTRAINT "intervention_channel_only_for_conversation" CHECK ("intervention"."kind" = 'custom_notification' or ("intervention"."channel" is null and "intervention"."delivery_result" is null))
);
--> statement-breakpoint
CREATE TABLE "intervention_agency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "intervention_agency_unique" UNIQUE("intervention_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "intervention_participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"individual_id" uuid NOT NULL,
	"response" "participant_response",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "intervention_participant_unique" UNIQUE("intervention_id","individual_id")
);
--> statement-breakpoint
CREATE TABLE "intervention_speaker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intervention_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "intervention_speaker_name_not_blank" CHECK (btrim("intervention_speaker"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"individual_id" uuid NOT NULL,
	"from_agency_id" uuid NOT NULL,
	"to_agency_id" uuid NOT NULL,
	"service" "referral_service" NOT NULL,
	"status" "referral_status" DEFAULT 'sent' NOT NULL,
	"consent" boolean DEFAULT false NOT NULL,
	"consent_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "referral_agencies_differ" CHECK ("referral"."from_agency_id" <> "referral"."to_agency_id"),
	CONSTRAINT "referral_consent_dated" CHECK (not "referral"."consent" or "referral"."consent_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "outcome" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"individual_id" uuid NOT NULL,
	"kind" "outcome_kind" NOT NULL,
	"occurred_at" date NOT NULL,
	"recording_agency_id" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"individual_id" uuid,
	"group_id" uuid,
	"conflict_id" uuid,
	"body" text NOT NULL,
	"kind" "note_kind" NOT NULL,
	"visibility" "visibility" DEFAULT 'agency' NOT NULL,
	"author_agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "note_one_subject" CHECK (num_nonnulls("note"."individual_id", "note"."group_id", "note"."conflict_id") = 1),
	CONSTRAINT "note_body_not_blank" CHECK (btrim("note"."body") <> '')
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_on" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"assignee_id" uuid NOT NULL,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"individual_id" uuid,
	"group_id" uuid,
	"conflict_id" uuid,
	"intervention_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "task_title_not_blank" CHECK (btrim("task"."title") <> ''),
	CONSTRAINT "task_at_most_one_subject" CHECK (num_nonnulls("task"."individual_id", "task"."group_id", "task"."conflict_id", "task"."intervention_id") <= 1),
	CONSTRAINT "task_done_at_when_done" CHECK (("task"."status" = 'done') = ("task"."done_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "flag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"individual_id" uuid,
	"group_id" uuid,
	"kind" "flag_kind" NOT NULL,
	"reason" text NOT NULL,
	"raising_agency_id" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "flag_one_subject" CHECK (num_nonnulls("flag"."individual_id", "flag"."group_id") = 1),
	CONSTRAINT "flag_reason_not_blank" CHECK (btrim("flag"."reason") <> ''),
	CONSTRAINT "flag_resolved_after_raised" CHECK ("flag"."resolved_at" is null or "flag"."resolved_at" >= "flag"."raised_at")
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"membership_id" uuid,
	"agency_id" uuid,
	"action" "access_action" NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"purpose" "access_purpose",
	"fields" text[],
	"ip" text,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency" ADD CONSTRAINT "agency_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency" ADD CONSTRAINT "agency_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual" ADD CONSTRAINT "individual_registering_agency_id_agency_id_fk" FOREIGN KEY ("registering_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual" ADD CONSTRAINT "individual_approved_by_id_user_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual" ADD CONSTRAINT "individual_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual" ADD CONSTRAINT "individual_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group" ADD CONSTRAINT "group_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group" ADD CONSTRAINT "group_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance" ADD CONSTRAINT "alliance_group_a_id_group_id_fk" FOREIGN KEY ("group_a_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance" ADD CONSTRAINT "alliance_group_b_id_group_id_fk" FOREIGN KEY ("group_b_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance" ADD CONSTRAINT "alliance_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance" ADD CONSTRAINT "alliance_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict" ADD CONSTRAINT "conflict_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_party" ADD CONSTRAINT "conflict_party_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_party" ADD CONSTRAINT "conflict_party_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_party" ADD CONSTRAINT "conflict_party_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_party" ADD CONSTRAINT "conflict_party_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_party" ADD CONSTRAINT "conflict_party_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_party" ADD CONSTRAINT "incident_party_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_party" ADD CONSTRAINT "incident_party_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_party" ADD CONSTRAINT "incident_party_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_party" ADD CONSTRAINT "incident_party_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_party" ADD CONSTRAINT "incident_party_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_lead_agency_id_agency_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_triggering_incident_id_incident_id_fk" FOREIGN KEY ("triggering_incident_id") REFERENCES "public"."incident"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_agency" ADD CONSTRAINT "intervention_agency_intervention_id_intervention_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."intervention"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_agency" ADD CONSTRAINT "intervention_agency_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_agency" ADD CONSTRAINT "intervention_agency_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_agency" ADD CONSTRAINT "intervention_agency_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_participant" ADD CONSTRAINT "intervention_participant_intervention_id_intervention_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."intervention"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_participant" ADD CONSTRAINT "intervention_participant_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_participant" ADD CONSTRAINT "intervention_participant_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_participant" ADD CONSTRAINT "intervention_participant_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_speaker" ADD CONSTRAINT "intervention_speaker_intervention_id_intervention_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."intervention"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_speaker" ADD CONSTRAINT "intervention_speaker_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_speaker" ADD CONSTRAINT "intervention_speaker_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_speaker" ADD CONSTRAINT "intervention_speaker_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_from_agency_id_agency_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_to_agency_id_agency_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome" ADD CONSTRAINT "outcome_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome" ADD CONSTRAINT "outcome_recording_agency_id_agency_id_fk" FOREIGN KEY ("recording_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome" ADD CONSTRAINT "outcome_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome" ADD CONSTRAINT "outcome_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_author_agency_id_agency_id_fk" FOREIGN KEY ("author_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_conflict_id_conflict_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."conflict"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_intervention_id_intervention_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."intervention"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_individual_id_individual_id_fk" FOREIGN KEY ("individual_id") REFERENCES "public"."individual"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_group_id_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_raising_agency_id_agency_id_fk" FOREIGN KEY ("raising_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_resolved_by_id_user_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag" ADD CONSTRAINT "flag_updated_by_id_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_email_unique" ON "user" USING btree ("email");--> statement-breakpoint
CREATE INDEX "user_created_by_id_idx" ON "user" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "user_updated_by_id_idx" ON "user" USING btree ("updated_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_name_unique" ON "agency" USING btree ("name");--> statement-breakpoint
CREATE INDEX "agency_created_by_id_idx" ON "agency" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "agency_updated_by_id_idx" ON "agency" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "membership_agency_id_idx" ON "membership" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "membership_created_by_id_idx" ON "membership" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "membership_updated_by_id_idx" ON "membership" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "individual_family_name_lower_idx" ON "individual" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "individual_given_name_lower_idx" ON "individual" USING btree (lower("given_name") text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "individual_national_id_unique" ON "individual" USING btree ("national_id") WHERE "individual"."national_id" is not null;--> statement-breakpoint
CREATE INDEX "individual_status_idx" ON "individual" USING btree ("status");--> statement-breakpoint
CREATE INDEX "individual_risk_level_idx" ON "individual" USING btree ("risk_level");--> statement-breakpoint
CREATE INDEX "individual_district_idx" ON "individual" USING btree ("district");--> statement-breakpoint
CREATE INDEX "individual_registering_agency_id_idx" ON "individual" USING btree ("registering_agency_id","registration_status");--> statement-breakpoint
CREATE INDEX "individual_approved_by_id_idx" ON "individual" USING btree ("approved_by_id");--> statement-breakpoint
CREATE INDEX "individual_review_due_idx" ON "individual" USING btree ("review_due");--> statement-breakpoint
CREATE INDEX "individual_created_by_id_idx" ON "individual" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "individual_updated_by_id_idx" ON "individual" USING btree ("updated_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_current_owner_unique" ON "assignment" USING btree ("individual_id","agency_id") WHERE "assignment"."role" = 'owner' and "assignment"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "assignment_individual_id_idx" ON "assignment" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "assignment_agency_id_idx" ON "assignment" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "assignment_user_id_idx" ON "assignment" USING btree ("user_id","started_on");--> statement-breakpoint
CREATE INDEX "assignment_created_by_id_idx" ON "assignment" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "assignment_updated_by_id_idx" ON "assignment" USING btree ("updated_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_name_lower_unique" ON "group" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "group_status_idx" ON "group" USING btree ("status");--> statement-breakpoint
CREATE INDEX "group_created_by_id_idx" ON "group" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "group_updated_by_id_idx" ON "group" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "group_membership_group_id_idx" ON "group_membership" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "group_membership_created_by_id_idx" ON "group_membership" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "group_membership_updated_by_id_idx" ON "group_membership" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "alliance_group_a_id_idx" ON "alliance" USING btree ("group_a_id");--> statement-breakpoint
CREATE INDEX "alliance_group_b_id_idx" ON "alliance" USING btree ("group_b_id");--> statement-breakpoint
CREATE INDEX "alliance_created_by_id_idx" ON "alliance" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "alliance_updated_by_id_idx" ON "alliance" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "conflict_status_idx" ON "conflict" USING btree ("status");--> statement-breakpoint
CREATE INDEX "conflict_started_on_idx" ON "conflict" USING btree ("started_on");--> statement-breakpoint
CREATE INDEX "conflict_created_by_id_idx" ON "conflict" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "conflict_updated_by_id_idx" ON "conflict" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "conflict_party_group_id_idx" ON "conflict_party" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "conflict_party_individual_id_idx" ON "conflict_party" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "conflict_party_created_by_id_idx" ON "conflict_party" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "conflict_party_updated_by_id_idx" ON "conflict_party" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "incident_occurred_at_idx" ON "incident" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "incident_kind_occurred_at_idx" ON "incident" USING btree ("kind","occurred_at");--> statement-breakpoint
CREATE INDEX "incident_district_idx" ON "incident" USING btree ("district");--> statement-breakpoint
CREATE INDEX "incident_conflict_id_idx" ON "incident" USING btree ("conflict_id");--> statement-breakpoint
CREATE INDEX "incident_created_by_id_idx" ON "incident" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "incident_updated_by_id_idx" ON "incident" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "incident_party_incident_id_idx" ON "incident_party" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_party_group_id_idx" ON "incident_party" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "incident_party_individual_id_idx" ON "incident_party" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "incident_party_created_by_id_idx" ON "incident_party" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "incident_party_updated_by_id_idx" ON "incident_party" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "intervention_kind_occurred_at_idx" ON "intervention" USING btree ("kind","occurred_at");--> statement-breakpoint
CREATE INDEX "intervention_occurred_at_idx" ON "intervention" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "intervention_status_idx" ON "intervention" USING btree ("status");--> statement-breakpoint
CREATE INDEX "intervention_lead_agency_id_idx" ON "intervention" USING btree ("lead_agency_id");--> statement-breakpoint
CREATE INDEX "intervention_group_id_idx" ON "intervention" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "intervention_conflict_id_idx" ON "intervention" USING btree ("conflict_id");--> statement-breakpoint
CREATE INDEX "intervention_triggering_incident_id_idx" ON "intervention" USING btree ("triggering_incident_id");--> statement-breakpoint
CREATE INDEX "intervention_created_by_id_idx" ON "intervention" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "intervention_updated_by_id_idx" ON "intervention" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "intervention_agency_agency_id_idx" ON "intervention_agency" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "intervention_agency_created_by_id_idx" ON "intervention_agency" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "intervention_agency_updated_by_id_idx" ON "intervention_agency" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "intervention_participant_individual_id_idx" ON "intervention_participant" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "intervention_participant_created_by_id_idx" ON "intervention_participant" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "intervention_participant_updated_by_id_idx" ON "intervention_participant" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "intervention_speaker_intervention_id_idx" ON "intervention_speaker" USING btree ("intervention_id");--> statement-breakpoint
CREATE INDEX "intervention_speaker_agency_id_idx" ON "intervention_speaker" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "intervention_speaker_created_by_id_idx" ON "intervention_speaker" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "intervention_speaker_updated_by_id_idx" ON "intervention_speaker" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "referral_individual_id_idx" ON "referral" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "referral_from_agency_id_idx" ON "referral" USING btree ("from_agency_id");--> statement-breakpoint
CREATE INDEX "referral_to_agency_id_idx" ON "referral" USING btree ("to_agency_id","status");--> statement-breakpoint
CREATE INDEX "referral_created_by_id_idx" ON "referral" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "referral_updated_by_id_idx" ON "referral" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "outcome_individual_id_idx" ON "outcome" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "outcome_kind_occurred_at_idx" ON "outcome" USING btree ("kind","occurred_at");--> statement-breakpoint
CREATE INDEX "outcome_recording_agency_id_idx" ON "outcome" USING btree ("recording_agency_id");--> statement-breakpoint
CREATE INDEX "outcome_created_by_id_idx" ON "outcome" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "outcome_updated_by_id_idx" ON "outcome" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "note_individual_id_idx" ON "note" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "note_group_id_idx" ON "note" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "note_conflict_id_idx" ON "note" USING btree ("conflict_id");--> statement-breakpoint
CREATE INDEX "note_author_agency_id_idx" ON "note" USING btree ("author_agency_id");--> statement-breakpoint
CREATE INDEX "note_created_by_id_idx" ON "note" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "note_updated_by_id_idx" ON "note" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "task_assignee_id_idx" ON "task" USING btree ("assignee_id","status","due_on");--> statement-breakpoint
CREATE INDEX "task_agency_id_idx" ON "task" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "task_due_on_idx" ON "task" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "task_individual_id_idx" ON "task" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "task_group_id_idx" ON "task" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "task_conflict_id_idx" ON "task" USING btree ("conflict_id");--> statement-breakpoint
CREATE INDEX "task_intervention_id_idx" ON "task" USING btree ("intervention_id");--> statement-breakpoint
CREATE INDEX "task_created_by_id_idx" ON "task" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "task_updated_by_id_idx" ON "task" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "flag_individual_id_idx" ON "flag" USING btree ("individual_id");--> statement-breakpoint
CREATE INDEX "flag_group_id_idx" ON "flag" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "flag_raising_agency_id_idx" ON "flag" USING btree ("raising_agency_id");--> statement-breakpoint
CREATE INDEX "flag_resolved_by_id_idx" ON "flag" USING btree ("resolved_by_id");--> statement-breakpoint
CREATE INDEX "flag_created_by_id_idx" ON "flag" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "flag_updated_by_id_idx" ON "flag" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "access_log_user_id_idx" ON "access_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "access_log_membership_id_idx" ON "access_log" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "access_log_agency_id_idx" ON "access_log" USING btree ("agency_id","at");--> statement-breakpoint
CREATE INDEX "access_log_entity_idx" ON "access_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "access_log_action_idx" ON "access_log" USING btree ("action");