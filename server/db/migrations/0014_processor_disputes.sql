-- Card disputes and pre-dispute alerts from payment processors (Stripe, Adyen, PayPal exports) and alert
-- providers (Ethoca, Verifi) live in the disputes table next to the marketplaces' chargebacks and claims.
ALTER TABLE "disputes" ADD COLUMN "source" text;--> statement-breakpoint
UPDATE "disputes" SET "source" = "portal";--> statement-breakpoint
ALTER TABLE "disputes" ALTER COLUMN "source" SET NOT NULL;--> statement-breakpoint
-- alert < inquiry < chargeback < pre_arbitration; null for marketplace claims (A-to-z), which have no card stage.
ALTER TABLE "disputes" ADD COLUMN "stage" text;--> statement-breakpoint
UPDATE "disputes" SET "stage" = 'chargeback' WHERE "kind" IN ('amazon_chargeback', 'card_dispute');--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "reason_group" text;--> statement-breakpoint
-- The processor's own status word (needs_response, CHARGEBACK/Undefended ...), shown as it was sent.
ALTER TABLE "disputes" ADD COLUMN "processor_status" text;--> statement-breakpoint
-- The disputed payment (Stripe charge, Adyen original reference) and the order reference the processor carried.
ALTER TABLE "disputes" ADD COLUMN "payment_ref" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "order_ref" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "order_match" text DEFAULT 'page' NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "buyer_key" text;--> statement-breakpoint
-- When the processor says the stored state happened: older news never overwrites newer.
ALTER TABLE "disputes" ADD COLUMN "state_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- One processor dispute per team, source and processor id (page disputes keep their kind-based index).
CREATE UNIQUE INDEX "disputes_team_source_external_idx" ON "disputes" USING btree ("team_id","source","external_id") WHERE "source" NOT IN ('amazon', 'zalando', 'shop');--> statement-breakpoint
CREATE INDEX "disputes_team_match_idx" ON "disputes" USING btree ("team_id","order_match","deadline");--> statement-breakpoint
CREATE INDEX "disputes_team_stage_deadline_idx" ON "disputes" USING btree ("team_id","stage","status","deadline");--> statement-breakpoint
-- Signing secrets per team and processor. Never sent back by any route: answers say only that one is set.
CREATE TABLE "processor_secrets" (
	"team_id" uuid NOT NULL,
	"processor" text NOT NULL,
	"secret" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processor_secrets_pkey" PRIMARY KEY("team_id","processor")
);--> statement-breakpoint
ALTER TABLE "processor_secrets" ADD CONSTRAINT "processor_secrets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_secrets" ADD CONSTRAINT "processor_secrets_set_by_agents_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Every processor event id a team received, so a retried or replayed event is processed once.
CREATE TABLE "processor_events" (
	"team_id" uuid NOT NULL,
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"outcome" text NOT NULL,
	"dispute_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processor_events_pkey" PRIMARY KEY("team_id","source","event_id")
);--> statement-breakpoint
ALTER TABLE "processor_events" ADD CONSTRAINT "processor_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_events" ADD CONSTRAINT "processor_events_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "processor_events_team_received_idx" ON "processor_events" USING btree ("team_id","received_at");
