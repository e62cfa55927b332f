CREATE TABLE "contract_payment_reports" (
	"payment_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "contract_payment_reports_payment_id_version_id_pk" PRIMARY KEY("payment_id","version_id")
);
--> statement-breakpoint
ALTER TABLE "contract_payment_reports" ADD CONSTRAINT "contract_payment_reports_payment_id_contract_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."contract_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payment_reports" ADD CONSTRAINT "contract_payment_reports_version_id_rpt_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."rpt_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_payment_reports_version_idx" ON "contract_payment_reports" USING btree ("version_id");