CREATE TABLE "duty_drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"title" text NOT NULL,
	"scenario" text NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"participants" jsonb NOT NULL,
	"state" text NOT NULL,
	"held_start" timestamp with time zone,
	"held_end" timestamp with time zone,
	"timeline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"findings" text,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_emergencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line" text NOT NULL,
	"title" text NOT NULL,
	"ticket_id" uuid,
	"ticket_number" text,
	"alert_at" timestamp with time zone NOT NULL,
	"response_at" timestamp with time zone NOT NULL,
	"recovered_at" timestamp with time zone,
	"dispatch" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "duty_drills_planned_idx" ON "duty_drills" USING btree ("planned_at");--> statement-breakpoint
CREATE INDEX "duty_emergencies_alert_idx" ON "duty_emergencies" USING btree ("alert_at");