-- The team's own card payments (from the processor's payments export), for Visa Compelling Evidence 3.0:
-- earlier undisputed payments on the same card. The card is its processor fingerprint or token, never a number.
CREATE TABLE "card_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"payment_id" text NOT NULL,
	"format" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"card_ref" text NOT NULL,
	"amount_minor" bigint,
	"currency" text,
	"ip_address" text,
	"device_id" text,
	"shipping_address" text,
	"account_id" text,
	"email" text,
	"order_id" text,
	"disputed" boolean DEFAULT false NOT NULL,
	"fraud_reported" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "card_payments_team_payment_idx" ON "card_payments" USING btree ("team_id","payment_id");--> statement-breakpoint
CREATE INDEX "card_payments_team_card_idx" ON "card_payments" USING btree ("team_id","card_ref","paid_at");--> statement-breakpoint
CREATE INDEX "card_payments_team_paid_idx" ON "card_payments" USING btree ("team_id","paid_at");--> statement-breakpoint
-- A dispute's payment: CE 3.0 counts an earlier payment as disputed when the team holds a dispute on it.
CREATE INDEX "disputes_team_payment_idx" ON "disputes" USING btree ("team_id","payment_ref");
