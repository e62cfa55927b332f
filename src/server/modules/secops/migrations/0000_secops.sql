CREATE TABLE "sec_cursors" (
	"key" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sec_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "sec_responses_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"alert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"asset_id" uuid NOT NULL,
	"asset_name" text NOT NULL,
	"detail" text NOT NULL,
	"done_by" uuid,
	"done_by_name" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"change_id" uuid,
	"verified_by" uuid,
	"verified_by_name" text,
	"verify_result" text,
	"verify_note" text,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sec_signature_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"engine_version" text NOT NULL,
	"signature_version" text NOT NULL,
	"virus_version" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sec_signatures" (
	"asset_id" uuid PRIMARY KEY NOT NULL,
	"engine_version" text NOT NULL,
	"signature_version" text NOT NULL,
	"virus_version" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sec_thresholds" (
	"scope" text PRIMARY KEY NOT NULL,
	"stale_days" integer NOT NULL,
	"critical_days" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sec_responses_alert_idx" ON "sec_responses" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "sec_responses_asset_idx" ON "sec_responses" USING btree ("asset_id","done_at");--> statement-breakpoint
CREATE INDEX "sec_signature_updates_asset_idx" ON "sec_signature_updates" USING btree ("asset_id","updated_at");