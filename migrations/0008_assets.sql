CREATE TABLE "asset_classes" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"source" text NOT NULL,
	"number_code" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb,
	"ticket_id" uuid
);
--> statement-breakpoint
CREATE TABLE "asset_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"network_domain" text,
	"from_asset_id" uuid,
	"from_port" text DEFAULT '' NOT NULL,
	"to_asset_id" uuid,
	"to_port" text DEFAULT '' NOT NULL,
	"carrier" text DEFAULT '' NOT NULL,
	"circuit_id" text DEFAULT '' NOT NULL,
	"bandwidth" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_number_seqs" (
	"prefix" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_port" text DEFAULT '' NOT NULL,
	"to_port" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"approvals" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"class_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"serial" text DEFAULT '' NOT NULL,
	"mgmt_ip" text DEFAULT '' NOT NULL,
	"firmware" text DEFAULT '' NOT NULL,
	"port_count" integer,
	"signature_version" text DEFAULT '' NOT NULL,
	"signature_date" date,
	"specs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"network_domain" text,
	"service_line" text,
	"site_id" uuid,
	"building" text DEFAULT '' NOT NULL,
	"floor" text DEFAULT '' NOT NULL,
	"room_id" uuid,
	"rack" text DEFAULT '' NOT NULL,
	"rack_unit" text DEFAULT '' NOT NULL,
	"warranty_until" date,
	"end_of_support" date,
	"successor_id" uuid,
	"original_value" numeric(14, 2),
	"asset_card_number" text DEFAULT '' NOT NULL,
	"acquired_on" date,
	"depreciation_years" integer,
	"depreciation_method" text DEFAULT 'straight_line' NOT NULL,
	"using_department_id" uuid,
	"custodian_person_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_eos_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"successor_id" uuid,
	"stages" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"vendor" text NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"function_notes" text DEFAULT '' NOT NULL,
	"fit_score" integer,
	"valid_until" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"needs" text DEFAULT '' NOT NULL,
	"class_code" text,
	"quantity" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'inquiry' NOT NULL,
	"chosen_quote_id" uuid,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text DEFAULT '' NOT NULL,
	"received_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spare_moves" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"part_id" uuid NOT NULL,
	"location" text NOT NULL,
	"kind" text NOT NULL,
	"qty" integer NOT NULL,
	"ticket_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spare_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"part_number" text NOT NULL,
	"name" text NOT NULL,
	"class_code" text,
	"vendor" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '个' NOT NULL,
	"min_level" integer DEFAULT 0 NOT NULL,
	"service_line" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spare_stock" (
	"part_id" uuid NOT NULL,
	"location" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spare_stock_part_id_location_pk" PRIMARY KEY("part_id","location")
);
--> statement-breakpoint
ALTER TABLE "asset_history" ADD CONSTRAINT "asset_history_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_lines" ADD CONSTRAINT "asset_lines_from_asset_id_assets_id_fk" FOREIGN KEY ("from_asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_lines" ADD CONSTRAINT "asset_lines_to_asset_id_assets_id_fk" FOREIGN KEY ("to_asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_relations" ADD CONSTRAINT "asset_relations_from_id_assets_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_relations" ADD CONSTRAINT "asset_relations_to_id_assets_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_requests" ADD CONSTRAINT "asset_requests_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_class_code_asset_classes_code_fk" FOREIGN KEY ("class_code") REFERENCES "public"."asset_classes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_eos_cases" ADD CONSTRAINT "asset_eos_cases_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_quotes" ADD CONSTRAINT "procurement_quotes_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spare_moves" ADD CONSTRAINT "spare_moves_part_id_spare_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."spare_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spare_stock" ADD CONSTRAINT "spare_stock_part_id_spare_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."spare_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_classes_parent_idx" ON "asset_classes" USING btree ("parent_code","sort");--> statement-breakpoint
CREATE INDEX "asset_history_asset_idx" ON "asset_history" USING btree ("asset_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_lines_label_uq" ON "asset_lines" USING btree ("label");--> statement-breakpoint
CREATE INDEX "asset_lines_from_idx" ON "asset_lines" USING btree ("from_asset_id");--> statement-breakpoint
CREATE INDEX "asset_lines_to_idx" ON "asset_lines" USING btree ("to_asset_id");--> statement-breakpoint
CREATE INDEX "asset_relations_from_idx" ON "asset_relations" USING btree ("from_id","kind");--> statement-breakpoint
CREATE INDEX "asset_relations_to_idx" ON "asset_relations" USING btree ("to_id","kind");--> statement-breakpoint
CREATE INDEX "asset_requests_asset_idx" ON "asset_requests" USING btree ("asset_id","created_at");--> statement-breakpoint
CREATE INDEX "asset_requests_status_idx" ON "asset_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_number_uq" ON "assets" USING btree ("number");--> statement-breakpoint
CREATE INDEX "assets_class_idx" ON "assets" USING btree ("class_code","status");--> statement-breakpoint
CREATE INDEX "assets_status_idx" ON "assets" USING btree ("status","number");--> statement-breakpoint
CREATE INDEX "assets_site_idx" ON "assets" USING btree ("site_id","room_id");--> statement-breakpoint
CREATE INDEX "assets_line_idx" ON "assets" USING btree ("service_line","status");--> statement-breakpoint
CREATE INDEX "assets_eos_idx" ON "assets" USING btree ("end_of_support");--> statement-breakpoint
CREATE INDEX "assets_warranty_idx" ON "assets" USING btree ("warranty_until");--> statement-breakpoint
CREATE INDEX "assets_search_trgm" ON "assets" USING gin (("number" || ' ' || "name" || ' ' || "model" || ' ' || "serial" || ' ' || "mgmt_ip") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "asset_eos_cases_asset_idx" ON "asset_eos_cases" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "asset_eos_cases_stage_idx" ON "asset_eos_cases" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "procurement_quotes_proc_idx" ON "procurement_quotes" USING btree ("procurement_id");--> statement-breakpoint
CREATE INDEX "procurements_status_idx" ON "procurements" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "spare_moves_part_idx" ON "spare_moves" USING btree ("part_id","at");--> statement-breakpoint
CREATE INDEX "spare_moves_ticket_idx" ON "spare_moves" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spare_parts_number_uq" ON "spare_parts" USING btree ("part_number");