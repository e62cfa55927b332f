ALTER TABLE "notifications" ADD COLUMN "action" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_open_action_idx" ON "notifications" USING btree ("object_id","action") WHERE "notifications"."action" IS NOT NULL AND "notifications"."resolved_at" IS NULL;