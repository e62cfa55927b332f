CREATE TABLE "evt_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_version" integer NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"key" text NOT NULL,
	"hits" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"sample" text NOT NULL,
	"ticket_id" uuid,
	"ticket_number" text
);
--> statement-breakpoint
CREATE TABLE "evt_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"field" text NOT NULL,
	"op" text NOT NULL,
	"value" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evt_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"yaml" text NOT NULL,
	"enabled" boolean NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evt_alerts" ADD CONSTRAINT "evt_alerts_rule_id_evt_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."evt_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evt_alerts_rule_key" ON "evt_alerts" USING btree ("rule_id","key");