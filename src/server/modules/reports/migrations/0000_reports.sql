CREATE TABLE "rpt_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "rpt_reports_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"versions" integer NOT NULL,
	"latest_at" timestamp with time zone NOT NULL,
	"latest_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rpt_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"narrative" jsonb NOT NULL,
	"generated_by" uuid,
	"generated_by_name" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"narrative_by_name" text,
	"narrative_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "rpt_versions" ADD CONSTRAINT "rpt_versions_report_id_rpt_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."rpt_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rpt_reports_period_uq" ON "rpt_reports" USING btree ("kind","period_start");--> statement-breakpoint
CREATE INDEX "rpt_reports_start_idx" ON "rpt_reports" USING btree ("period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "rpt_versions_uq" ON "rpt_versions" USING btree ("report_id","version");