CREATE TABLE "mon_neighbours" (
	"device_id" uuid NOT NULL,
	"local_port" text NOT NULL,
	"remote_name" text NOT NULL,
	"remote_port" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mon_neighbours_device_id_local_port_remote_name_remote_port_pk" PRIMARY KEY("device_id","local_port","remote_name","remote_port")
);
--> statement-breakpoint
ALTER TABLE "mon_devices" ADD COLUMN "sys_name" text;--> statement-breakpoint
ALTER TABLE "mon_neighbours" ADD CONSTRAINT "mon_neighbours_device_id_mon_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mon_devices"("id") ON DELETE cascade ON UPDATE no action;