CREATE TABLE "sec_bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "sec_bulletins_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"source" text NOT NULL,
	"cve" text NOT NULL,
	"severity" text NOT NULL,
	"vendor" text NOT NULL,
	"product" text NOT NULL,
	"version_from" text NOT NULL,
	"version_to" text NOT NULL,
	"advice" text NOT NULL,
	"affected" jsonb NOT NULL,
	"ticket_id" uuid,
	"ticket_number" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
