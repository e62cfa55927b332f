CREATE TABLE "staff_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"valid_until" text,
	"note" text DEFAULT '' NOT NULL,
	"scan_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid,
	"username" text,
	"name" text NOT NULL,
	"org" text DEFAULT '' NOT NULL,
	"signed_in_at" timestamp with time zone,
	"clarity" integer,
	"effect" integer,
	"comment" text DEFAULT '' NOT NULL,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"line" text,
	"topic" text NOT NULL,
	"preferred_date" text,
	"requested_by_name" text,
	"requested_at" timestamp with time zone,
	"start_at" timestamp with time zone,
	"end_at" timestamp with time zone,
	"place" text DEFAULT '' NOT NULL,
	"trainer" text DEFAULT '' NOT NULL,
	"summary" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_certificates_person_idx" ON "staff_certificates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "staff_certificates_valid_idx" ON "staff_certificates" USING btree ("valid_until");--> statement-breakpoint
CREATE INDEX "training_attendees_session_idx" ON "training_attendees" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendees_user_uq" ON "training_attendees" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "training_sessions_start_idx" ON "training_sessions" USING btree ("start_at");--> statement-breakpoint
CREATE INDEX "training_sessions_state_idx" ON "training_sessions" USING btree ("state");