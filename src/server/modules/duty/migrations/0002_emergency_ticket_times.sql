ALTER TABLE "duty_emergencies" ALTER COLUMN "response_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "duty_emergencies" ADD COLUMN "dispatched_at" timestamp with time zone;