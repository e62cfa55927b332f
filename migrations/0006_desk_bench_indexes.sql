CREATE INDEX "ticket_clocks_open_idx" ON "ticket_clocks" USING btree ("ticket_id","target") WHERE state IN ('running', 'paused', 'warning', 'breached');--> statement-breakpoint
CREATE INDEX "tickets_severity_idx" ON "tickets" USING btree ("severity","reported_at");--> statement-breakpoint
CREATE INDEX "tickets_title_trgm" ON "tickets" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tickets_number_trgm" ON "tickets" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tickets_phone_trgm" ON "tickets" USING gin ("requester_phone" gin_trgm_ops);