CREATE TABLE "ho_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"party_a" text NOT NULL,
	"party_b" text NOT NULL,
	"signed_on" date NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ho_export_chunks" (
	"export_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "ho_export_chunks_export_id_seq_pk" PRIMARY KEY("export_id","seq")
);
--> statement-breakpoint
CREATE TABLE "ho_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"state" text NOT NULL,
	"started_by" uuid,
	"started_by_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"tables_done" integer DEFAULT 0 NOT NULL,
	"tables_total" integer DEFAULT 0 NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"files" integer DEFAULT 0 NOT NULL,
	"size" bigint,
	"sha256" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "ho_purge_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purge_id" uuid NOT NULL,
	"sort" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"count" integer,
	"outcome" text,
	"note" text DEFAULT '' NOT NULL,
	"evidence_file_id" uuid,
	"evidence_name" text,
	"done_by_name" text,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ho_purges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"contract_id" uuid NOT NULL,
	"contract_number" text NOT NULL,
	"contract_end" date NOT NULL,
	"requested_on" date NOT NULL,
	"requested_by_name" text NOT NULL,
	"letter" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"state" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"certified_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_name" text,
	"overdue_notified_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ho_export_chunks" ADD CONSTRAINT "ho_export_chunks_export_id_ho_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."ho_exports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ho_purge_items" ADD CONSTRAINT "ho_purge_items_purge_id_ho_purges_id_fk" FOREIGN KEY ("purge_id") REFERENCES "public"."ho_purges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ho_purge_items_purge" ON "ho_purge_items" USING btree ("purge_id","sort");