CREATE TABLE "mon_link_traps" (
	"device_id" uuid NOT NULL,
	"if_index" integer NOT NULL,
	"down" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "mon_link_traps_device_id_if_index_pk" PRIMARY KEY("device_id","if_index")
);
--> statement-breakpoint
CREATE TABLE "mon_trap_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"address" text NOT NULL,
	"version" text NOT NULL,
	"trap_oid" text NOT NULL,
	"trap_name" text NOT NULL,
	"if_index" integer,
	"varbinds" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mon_trap_sources" (
	"address" text PRIMARY KEY NOT NULL,
	"unknown_traps" integer DEFAULT 0 NOT NULL,
	"garbage" integer DEFAULT 0 NOT NULL,
	"last_trap_oid" text,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mon_link_traps" ADD CONSTRAINT "mon_link_traps_device_id_mon_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mon_trap_events" ADD CONSTRAINT "mon_trap_events_device_id_mon_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mon_trap_events_device_idx" ON "mon_trap_events" USING btree ("device_id","received_at");