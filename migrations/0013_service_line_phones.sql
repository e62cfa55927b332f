ALTER TABLE "service_lines" ADD COLUMN "hotline_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_lines" ADD COLUMN "emergency_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_lines" ADD COLUMN "summary" text DEFAULT '' NOT NULL;