-- Hand-offs to internal teams (Logistics, Warehouse, Finance, Fraud, Care ...). Receivers are agents with
-- the 'receiver' role (agents.role is plain text, checked by the app) who are members of a hand-off team.
CREATE TABLE "handoff_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL REFERENCES "teams"("id") ON DELETE cascade,
	"name" text NOT NULL,
	"kind" text DEFAULT 'general' NOT NULL,
	"allowed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"pauses_sla" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "handoff_teams_team_name_idx" ON "handoff_teams" USING btree ("team_id", lower("name")) WHERE "deleted_at" IS NULL;
--> statement-breakpoint
CREATE TABLE "handoff_team_members" (
	"team_id" uuid NOT NULL REFERENCES "teams"("id") ON DELETE cascade,
	"handoff_team_id" uuid NOT NULL REFERENCES "handoff_teams"("id") ON DELETE cascade,
	"agent_id" uuid NOT NULL REFERENCES "agents"("id") ON DELETE cascade,
	CONSTRAINT "handoff_team_members_pkey" PRIMARY KEY("team_id","handoff_team_id","agent_id")
);
--> statement-breakpoint
CREATE INDEX "handoff_team_members_agent_idx" ON "handoff_team_members" USING btree ("team_id","agent_id");
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL REFERENCES "teams"("id") ON DELETE cascade,
	"handoff_team_id" uuid NOT NULL REFERENCES "handoff_teams"("id") ON DELETE cascade,
	"case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
	"order_id" text NOT NULL,
	"question" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"requested_by" uuid REFERENCES "agents"("id") ON DELETE set null,
	"event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE cascade,
	"escalation" jsonb,
	"sla_paused" boolean DEFAULT false NOT NULL,
	"answer" text,
	"decision" text,
	"answered_by" uuid REFERENCES "agents"("id") ON DELETE set null,
	"answered_at" timestamp with time zone,
	"minutes_to_answer" integer,
	"answer_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "handoffs_team_order_idx" ON "handoffs" USING btree ("team_id","order_id","created_at");
--> statement-breakpoint
CREATE INDEX "handoffs_team_handoff_team_idx" ON "handoffs" USING btree ("team_id","handoff_team_id","created_at");
--> statement-breakpoint
CREATE INDEX "handoffs_team_created_idx" ON "handoffs" USING btree ("team_id","created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_team_event_idx" ON "handoffs" USING btree ("team_id","event_id");
