CREATE TABLE "evt_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"vendor" text NOT NULL,
	"charset" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evt_unknown_sources" (
	"address" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"last_host" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evt_sources_address" ON "evt_sources" USING btree ("address");