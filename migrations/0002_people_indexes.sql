DROP INDEX "people_party_idx";--> statement-breakpoint
CREATE INDEX "people_party_name_idx" ON "people" USING btree ("party_id","name");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("name");