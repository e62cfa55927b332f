CREATE SEQUENCE "public"."ticket_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_line" text NOT NULL,
	"severity" text NOT NULL,
	"category" text,
	"targets" jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_clocks" (
	"ticket_id" uuid NOT NULL,
	"target" text NOT NULL,
	"duration_ms" bigint NOT NULL,
	"profile" text NOT NULL,
	"events" jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"state" text NOT NULL,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_clocks_ticket_id_target_pk" PRIMARY KEY("ticket_id","target")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"service_line" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"requester_name" text DEFAULT '' NOT NULL,
	"requester_phone" text DEFAULT '' NOT NULL,
	"requester_department" text DEFAULT '' NOT NULL,
	"site_id" uuid,
	"room_id" uuid,
	"assets_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "ticket_clocks" ADD CONSTRAINT "ticket_clocks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_clocks_due_idx" ON "ticket_clocks" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "tickets_queue_idx" ON "tickets" USING btree ("service_line","status","reported_at");--> statement-breakpoint
CREATE INDEX "tickets_reported_idx" ON "tickets" USING btree ("reported_at");