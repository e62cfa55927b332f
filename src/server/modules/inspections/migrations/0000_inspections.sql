CREATE TABLE "ins_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"ord" integer NOT NULL,
	"asset_id" uuid,
	"asset_number" text NOT NULL,
	"asset_name" text NOT NULL,
	"item_key" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text NOT NULL,
	"min" double precision,
	"max" double precision,
	"evidence" text NOT NULL,
	"prefill_source" text,
	"value" text,
	"note" text DEFAULT '' NOT NULL,
	"output" text DEFAULT '' NOT NULL,
	"photo_id" uuid,
	"ticket_id" uuid,
	"ticket_number" text,
	"filled_by_name" text,
	"filled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ins_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"versions" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ins_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "ins_sheets_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"template_id" uuid NOT NULL,
	"template_name" text NOT NULL,
	"service_line" text NOT NULL,
	"schedule" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"assignee_id" uuid,
	"assignee_name" text NOT NULL,
	"signed_by_name" text,
	"submitted_at" timestamp with time zone,
	"late_reason" text,
	"escalated_at" timestamp with time zone,
	"prefill" jsonb NOT NULL,
	"prefilled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ins_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"service_line" text NOT NULL,
	"device_kinds" jsonb NOT NULL,
	"schedule" text NOT NULL,
	"items" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ins_entries" ADD CONSTRAINT "ins_entries_sheet_id_ins_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."ins_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ins_sheets" ADD CONSTRAINT "ins_sheets_template_id_ins_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."ins_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ins_entries_sheet_idx" ON "ins_entries" USING btree ("sheet_id","ord");--> statement-breakpoint
CREATE UNIQUE INDEX "ins_sheets_period_uq" ON "ins_sheets" USING btree ("template_id","period_start");--> statement-breakpoint
CREATE INDEX "ins_sheets_line_idx" ON "ins_sheets" USING btree ("service_line","period_start");--> statement-breakpoint
CREATE INDEX "ins_sheets_state_idx" ON "ins_sheets" USING btree ("state","due_at");