-- Submitting a defence to Stripe or Adyen, off until a lead stores the team's processor API key. The key is
-- sealed by the server's secret box before it is written (never in plain text), like the webhook secrets.
CREATE TABLE "processor_api_keys" (
	"team_id" uuid NOT NULL,
	"processor" text NOT NULL,
	"api_key" text NOT NULL,
	"merchant_account" text,
	"environment" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processor_api_keys_pkey" PRIMARY KEY("team_id","processor")
);--> statement-breakpoint
ALTER TABLE "processor_api_keys" ADD CONSTRAINT "processor_api_keys_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_api_keys" ADD CONSTRAINT "processor_api_keys_set_by_agents_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- One row per submission idempotency key: a retry with the same key is answered from here, never sent twice.
CREATE TABLE "processor_submissions" (
	"team_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"dispute_id" uuid NOT NULL,
	"processor" text NOT NULL,
	"final" boolean NOT NULL,
	"state" text NOT NULL,
	"answer" jsonb,
	"agent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processor_submissions_pkey" PRIMARY KEY("team_id","idempotency_key")
);--> statement-breakpoint
ALTER TABLE "processor_submissions" ADD CONSTRAINT "processor_submissions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_submissions" ADD CONSTRAINT "processor_submissions_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processor_submissions" ADD CONSTRAINT "processor_submissions_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;
