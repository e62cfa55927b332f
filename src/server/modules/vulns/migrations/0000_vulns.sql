CREATE TABLE "vuln_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"address" text NOT NULL,
	"asset_id" uuid,
	"port" integer,
	"protocol" text NOT NULL,
	"plugin_id" text NOT NULL,
	"cve" text,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"state" text NOT NULL,
	"scanner" text NOT NULL,
	"pentest_id" uuid,
	"hardening_id" uuid,
	"description" text NOT NULL,
	"solution" text NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"last_scan_id" uuid,
	"not_seen_at" timestamp with time zone,
	"due_date" text,
	"fixed_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"request_kind" text,
	"request_reason" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone,
	"decision_note" text,
	"overdue_notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "vuln_hardening" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"due_date" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "vuln_mappings" (
	"scanner" text PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_pentests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"tester" text NOT NULL,
	"tested_on" text NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "vuln_scan_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"range" text NOT NULL,
	"cadence" text NOT NULL,
	"next_due" text NOT NULL,
	"last_scan_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vuln_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"scanner" text NOT NULL,
	"file_name" text NOT NULL,
	"plan_id" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" uuid,
	"hosts" integer NOT NULL,
	"findings" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"closed" integer NOT NULL,
	"unmatched" jsonb NOT NULL,
	"unmatched_count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vuln_findings" ADD CONSTRAINT "vuln_findings_pentest_id_vuln_pentests_id_fk" FOREIGN KEY ("pentest_id") REFERENCES "public"."vuln_pentests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_findings" ADD CONSTRAINT "vuln_findings_hardening_id_vuln_hardening_id_fk" FOREIGN KEY ("hardening_id") REFERENCES "public"."vuln_hardening"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vuln_scans" ADD CONSTRAINT "vuln_scans_plan_id_vuln_scan_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."vuln_scan_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vuln_findings_key_uq" ON "vuln_findings" USING btree ("key");--> statement-breakpoint
CREATE INDEX "vuln_findings_address_idx" ON "vuln_findings" USING btree ("address");--> statement-breakpoint
CREATE INDEX "vuln_findings_state_due_idx" ON "vuln_findings" USING btree ("state","due_date");--> statement-breakpoint
CREATE INDEX "vuln_findings_asset_idx" ON "vuln_findings" USING btree ("asset_id");