CREATE TABLE "mon_probe_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_node" text,
	"source_device_id" uuid,
	"target" text NOT NULL,
	"service_line" text NOT NULL,
	"interval_sec" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reachable" boolean,
	"latency_ms" double precision,
	"loss_pct" double precision,
	"icmp_state" text,
	"icmp_error" text,
	"probed_at" timestamp with time zone,
	"probed_by" text,
	CONSTRAINT "mon_probe_pairs_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "mon_alerts" ALTER COLUMN "device_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mon_alerts" ADD COLUMN "pair_id" uuid;--> statement-breakpoint
ALTER TABLE "mon_probe_pairs" ADD CONSTRAINT "mon_probe_pairs_source_device_id_mon_devices_id_fk" FOREIGN KEY ("source_device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mon_alerts" ADD CONSTRAINT "mon_alerts_pair_id_mon_probe_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mon_probe_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mon_alerts_pair_live_uq" ON "mon_alerts" USING btree ("pair_id","rule","object") WHERE state <> 'closed' AND pair_id IS NOT NULL;