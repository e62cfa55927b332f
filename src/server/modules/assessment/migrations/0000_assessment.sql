CREATE TABLE "qa_criteria" (
	"id" text PRIMARY KEY NOT NULL,
	"line" text NOT NULL,
	"item" integer NOT NULL,
	"item_title" text NOT NULL,
	"no" integer NOT NULL,
	"text" text NOT NULL,
	"max_points" integer NOT NULL,
	"measure" text NOT NULL,
	"target" text NOT NULL,
	"evidence_id" text,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_months" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"result" text,
	"line_rates" jsonb,
	"signed_by" uuid,
	"signed_by_name" text DEFAULT '' NOT NULL,
	"signed_at" timestamp with time zone,
	"deduction_amount" text,
	"deduction_basis" text DEFAULT '' NOT NULL,
	"cure_required" boolean DEFAULT false NOT NULL,
	"notice_date" date,
	"cure_due" date,
	"cured_on" date,
	"cure_note" text DEFAULT '' NOT NULL,
	"incident_date" date,
	"incident_note" text DEFAULT '' NOT NULL,
	"termination_right" text,
	"termination_flagged_at" timestamp with time zone,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "qa_months_month_unique" UNIQUE("month")
);
--> statement-breakpoint
CREATE TABLE "qa_remedies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"item" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_scores" (
	"month_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"measured" jsonb,
	"suggested" text,
	"score" integer,
	"comment" text DEFAULT '' NOT NULL,
	"scored_by_name" text DEFAULT '' NOT NULL,
	"scored_at" timestamp with time zone,
	CONSTRAINT "qa_scores_month_id_criterion_id_pk" PRIMARY KEY("month_id","criterion_id")
);
--> statement-breakpoint
ALTER TABLE "qa_remedies" ADD CONSTRAINT "qa_remedies_month_id_qa_months_id_fk" FOREIGN KEY ("month_id") REFERENCES "public"."qa_months"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_scores" ADD CONSTRAINT "qa_scores_month_id_qa_months_id_fk" FOREIGN KEY ("month_id") REFERENCES "public"."qa_months"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_scores" ADD CONSTRAINT "qa_scores_criterion_id_qa_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."qa_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_remedies_month_idx" ON "qa_remedies" USING btree ("month_id");--> statement-breakpoint
CREATE INDEX "qa_remedies_due_idx" ON "qa_remedies" USING btree ("due_date");