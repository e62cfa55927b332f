ALTER TABLE "ho_exports" ADD COLUMN "written" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ho_exports" ADD COLUMN "current" text;--> statement-breakpoint
ALTER TABLE "ho_exports" ADD COLUMN "node" text;--> statement-breakpoint
ALTER TABLE "ho_exports" ADD COLUMN "heartbeat_at" timestamp with time zone;