CREATE TABLE "dlv_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "dlv_comments_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"side" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dlv_quarterlies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"state" text NOT NULL,
	"approved_how" text,
	"version" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dlv_quarterly_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarterly_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"report_ref" text,
	"note" text,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_date" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "dlv_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "dlv_requests_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"due_date" text NOT NULL,
	"requester" text NOT NULL,
	"state" text NOT NULL,
	"assignee_id" uuid,
	"assignee_name" text,
	"deliveries" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"overdue_notified_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dlv_quarterly_versions" ADD CONSTRAINT "dlv_quarterly_versions_quarterly_id_dlv_quarterlies_id_fk" FOREIGN KEY ("quarterly_id") REFERENCES "public"."dlv_quarterlies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dlv_comments_object_idx" ON "dlv_comments" USING btree ("object_type","object_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dlv_quarterlies_quarter_uq" ON "dlv_quarterlies" USING btree ("quarter");--> statement-breakpoint
CREATE INDEX "dlv_quarterlies_due_idx" ON "dlv_quarterlies" USING btree ("state","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dlv_quarterly_versions_uq" ON "dlv_quarterly_versions" USING btree ("quarterly_id","version");--> statement-breakpoint
CREATE INDEX "dlv_requests_state_due_idx" ON "dlv_requests" USING btree ("state","due_date");