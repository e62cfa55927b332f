CREATE TABLE "mon_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"object" text NOT NULL,
	"state" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"value" double precision,
	"message" text NOT NULL,
	"ticket_id" uuid,
	"ticket_number" text
);
--> statement-breakpoint
CREATE TABLE "mon_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"service_line" text NOT NULL,
	"asset_id" uuid,
	"icmp" boolean NOT NULL,
	"interval_sec" integer NOT NULL,
	"snmp_version" text,
	"snmp_port" integer,
	"snmp_user" text,
	"snmp_auth_protocol" text,
	"snmp_priv_protocol" text,
	"secret_box" text,
	"has_community" boolean DEFAULT false NOT NULL,
	"has_auth_key" boolean DEFAULT false NOT NULL,
	"has_priv_key" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reachable" boolean,
	"latency_ms" double precision,
	"loss_pct" double precision,
	"icmp_state" text,
	"icmp_at" timestamp with time zone,
	"snmp_state" text,
	"snmp_error" text,
	"snmp_at" timestamp with time zone,
	"sys_up_time" bigint,
	"cpu_pct" double precision,
	"mem_pct" double precision
);
--> statement-breakpoint
CREATE TABLE "mon_interfaces" (
	"device_id" uuid NOT NULL,
	"if_index" integer NOT NULL,
	"name" text NOT NULL,
	"oper_status" smallint NOT NULL,
	"admin_status" smallint NOT NULL,
	"last_up_at" timestamp with time zone,
	"speed_bps" numeric(40, 0),
	"counter_bits" smallint,
	"in_octets" numeric(40, 0),
	"out_octets" numeric(40, 0),
	"in_errors" numeric(40, 0),
	"out_errors" numeric(40, 0),
	"in_discards" numeric(40, 0),
	"out_discards" numeric(40, 0),
	"in_bps" numeric(40, 0),
	"out_bps" numeric(40, 0),
	"utilisation" double precision,
	"counter_note" text,
	"sampled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mon_interfaces_device_id_if_index_pk" PRIMARY KEY("device_id","if_index")
);
--> statement-breakpoint
CREATE TABLE "mon_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"device_id" uuid,
	"if_index" integer,
	"raise_value" double precision,
	"clear_value" double precision,
	"min_duration_sec" integer NOT NULL,
	"severity" text NOT NULL,
	"enabled" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mon_alerts" ADD CONSTRAINT "mon_alerts_device_id_mon_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mon_interfaces" ADD CONSTRAINT "mon_interfaces_device_id_mon_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mon_thresholds" ADD CONSTRAINT "mon_thresholds_device_id_mon_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mon_alerts_live_uq" ON "mon_alerts" USING btree ("device_id","rule","object") WHERE state <> 'closed';--> statement-breakpoint
CREATE INDEX "mon_alerts_device_idx" ON "mon_alerts" USING btree ("device_id","since");--> statement-breakpoint
CREATE UNIQUE INDEX "mon_devices_name_uq" ON "mon_devices" USING btree ("name");--> statement-breakpoint
CREATE INDEX "mon_thresholds_rule_idx" ON "mon_thresholds" USING btree ("rule","device_id");