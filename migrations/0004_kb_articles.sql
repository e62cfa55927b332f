CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"service_line" text,
	"problem" text NOT NULL,
	"cause" text DEFAULT '' NOT NULL,
	"solution" text NOT NULL,
	"source_ticket_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kb_articles_text_trgm" ON "kb_articles" USING gin (("title" || ' ' || "problem" || ' ' || "cause" || ' ' || "solution") gin_trgm_ops);