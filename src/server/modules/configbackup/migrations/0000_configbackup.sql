CREATE TABLE "cfg_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"port" integer NOT NULL,
	"protocol" text NOT NULL,
	"vendor" text NOT NULL,
	"service_line" text NOT NULL,
	"username" text NOT NULL,
	"secret_box" text NOT NULL,
	"has_password" boolean NOT NULL,
	"has_private_key" boolean NOT NULL,
	"has_enable_password" boolean NOT NULL,
	"host_key" text,
	"pending_host_key" text,
	"last_run_at" timestamp with time zone,
	"last_state" text,
	"last_failure" text,
	"last_success_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfg_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "cfg_runs_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"state" text NOT NULL,
	"failure" text,
	"message" text DEFAULT '' NOT NULL,
	"transcript" text,
	"version_id" uuid
);
--> statement-breakpoint
CREATE TABLE "cfg_texts" (
	"sha256" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfg_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"sha256" text NOT NULL,
	"lines" integer NOT NULL,
	"covered_by" text
);
--> statement-breakpoint
ALTER TABLE "cfg_runs" ADD CONSTRAINT "cfg_runs_device_id_cfg_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."cfg_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfg_versions" ADD CONSTRAINT "cfg_versions_device_id_cfg_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."cfg_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfg_versions" ADD CONSTRAINT "cfg_versions_sha256_cfg_texts_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."cfg_texts"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cfg_devices_name_uq" ON "cfg_devices" USING btree ("name");--> statement-breakpoint
CREATE INDEX "cfg_runs_device_idx" ON "cfg_runs" USING btree ("device_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "cfg_versions_device_seq_uq" ON "cfg_versions" USING btree ("device_id","seq");