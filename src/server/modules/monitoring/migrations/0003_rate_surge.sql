ALTER TABLE "mon_thresholds" ADD COLUMN "floor_value" double precision;--> statement-breakpoint
ALTER TABLE "mon_thresholds" ADD COLUMN "baseline_polls" integer;