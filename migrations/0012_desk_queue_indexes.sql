DROP INDEX "tickets_open_reported_idx";--> statement-breakpoint
CREATE INDEX "tickets_open_line_severity_idx" ON "tickets" USING btree ("service_line","severity","reported_at") WHERE "tickets"."status" NOT IN ('closed', 'merged');--> statement-breakpoint
CREATE INDEX "tickets_open_reported_idx" ON "tickets" USING btree ("reported_at","id") WHERE "tickets"."status" NOT IN ('closed', 'merged');