CREATE TABLE "duty_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"check_in_at" timestamp with time zone NOT NULL,
	"check_out_at" timestamp with time zone,
	"on_roster" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_docs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"state" text NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "duty_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"from_user_id" uuid,
	"from_name" text NOT NULL,
	"to_user_id" uuid NOT NULL,
	"to_name" text NOT NULL,
	"notes" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"ack_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "duty_ics_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"layer" text NOT NULL,
	"from_user_id" uuid,
	"from_name" text,
	"to_user_id" uuid NOT NULL,
	"to_name" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"state" text NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_roster_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roster_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"line" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"layers" jsonb NOT NULL,
	"gaps" jsonb NOT NULL,
	"published_by" uuid,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_rosters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"name" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"layers" jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_name" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duty_roster_versions" ADD CONSTRAINT "duty_roster_versions_roster_id_duty_rosters_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."duty_rosters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_attendance_user_idx" ON "duty_attendance" USING btree ("user_id","check_in_at");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_docs_kind_version_uq" ON "duty_docs" USING btree ("kind","version");--> statement-breakpoint
CREATE INDEX "duty_handovers_line_idx" ON "duty_handovers" USING btree ("line","created_at");--> statement-breakpoint
CREATE INDEX "duty_overrides_line_idx" ON "duty_overrides" USING btree ("line","start_at","end_at");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_roster_versions_uq" ON "duty_roster_versions" USING btree ("roster_id","version");--> statement-breakpoint
CREATE INDEX "duty_roster_versions_line_idx" ON "duty_roster_versions" USING btree ("line","period_start","period_end");--> statement-breakpoint
CREATE INDEX "duty_rosters_line_idx" ON "duty_rosters" USING btree ("line","period_start");