CREATE TABLE "sample_polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"node" text NOT NULL,
	"polled_at" timestamp with time zone NOT NULL
);
