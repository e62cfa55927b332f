CREATE TABLE "improvement_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "improvement_requests_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"service_line" text NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text DEFAULT '' NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_by_name" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"implementation_note" text DEFAULT '' NOT NULL,
	"implemented_at" timestamp with time zone,
	"result" text,
	"evaluation_note" text DEFAULT '' NOT NULL,
	"evaluated_by_name" text DEFAULT '' NOT NULL,
	"evaluated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "improvement_requests_status_idx" ON "improvement_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "improvement_requests_submitter_idx" ON "improvement_requests" USING btree ("submitted_by");