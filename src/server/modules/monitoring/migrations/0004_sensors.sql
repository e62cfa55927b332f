CREATE TABLE "mon_sensors" (
	"device_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"value" double precision,
	"unit" text,
	"state" text NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mon_sensors_device_id_key_pk" PRIMARY KEY("device_id","key")
);
--> statement-breakpoint
ALTER TABLE "mon_sensors" ADD CONSTRAINT "mon_sensors_device_id_mon_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;