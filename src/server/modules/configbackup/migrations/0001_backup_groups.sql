CREATE TABLE "cfg_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"every_minutes" integer,
	"daily_times" text[] DEFAULT '{}' NOT NULL,
	"window_start" text,
	"window_end" text,
	"working_days_only" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cfg_devices" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "cfg_devices" ADD COLUMN "last_scheduled_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "cfg_groups_name_uq" ON "cfg_groups" USING btree ("name");--> statement-breakpoint
ALTER TABLE "cfg_devices" ADD CONSTRAINT "cfg_devices_group_id_cfg_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."cfg_groups"("id") ON DELETE set null ON UPDATE no action;