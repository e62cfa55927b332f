CREATE TABLE "evt_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"field" text NOT NULL,
	"op" text NOT NULL,
	"value" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
