CREATE TABLE "chg_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "chg_access_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person" text NOT NULL,
	"company" text NOT NULL,
	"mode" text NOT NULL,
	"purpose" text NOT NULL,
	"devices" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"comment" text,
	"logs" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chg_approval_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"change_type" text NOT NULL,
	"step" integer NOT NULL,
	"role" text NOT NULL,
	"min_risk" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chg_change_devices" (
	"change_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"name" text NOT NULL,
	"before_version_id" uuid,
	"after_version_id" uuid,
	"before_error" text,
	"after_error" text,
	CONSTRAINT "chg_change_devices_change_id_device_id_pk" PRIMARY KEY("change_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "chg_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "chg_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"template_id" uuid,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"risk" text NOT NULL,
	"reason" text NOT NULL,
	"basis" text NOT NULL,
	"basis_text" text DEFAULT '' NOT NULL,
	"systems" text DEFAULT '' NOT NULL,
	"planned_start" timestamp with time zone NOT NULL,
	"planned_end" timestamp with time zone NOT NULL,
	"steps" text NOT NULL,
	"rollback" text NOT NULL,
	"state" text NOT NULL,
	"approvals" jsonb NOT NULL,
	"approval_due_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_by_name" text,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "chg_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "chg_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"change_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_name" text NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "chg_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"versions" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chg_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"risk" text NOT NULL,
	"steps" text NOT NULL,
	"rollback" text NOT NULL,
	"approved" boolean DEFAULT false NOT NULL,
	"approved_by" uuid,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chg_change_devices" ADD CONSTRAINT "chg_change_devices_change_id_chg_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."chg_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chg_changes" ADD CONSTRAINT "chg_changes_template_id_chg_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."chg_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chg_events" ADD CONSTRAINT "chg_events_change_id_chg_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."chg_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chg_change_devices_device_idx" ON "chg_change_devices" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "chg_changes_state_idx" ON "chg_changes" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "chg_changes_window_idx" ON "chg_changes" USING btree ("planned_start","planned_end");--> statement-breakpoint
CREATE INDEX "chg_events_change_idx" ON "chg_events" USING btree ("change_id","seq");