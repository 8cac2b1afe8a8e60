CREATE TABLE "case_clocks" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"case_kind" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ship_by" timestamp with time zone,
	"card_network" text,
	"marketplace_time_zone" text,
	"policy_version" integer NOT NULL,
	"policy" jsonb NOT NULL,
	"calendar" jsonb NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remaining_at_pause_ms" bigint,
	"deadline" timestamp with time zone NOT NULL,
	"no_response_needed" boolean DEFAULT false NOT NULL,
	"page_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "config_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_versions" ADD CONSTRAINT "config_versions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_versions" ADD CONSTRAINT "config_versions_created_by_agents_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_clocks_team_deadline_idx" ON "case_clocks" USING btree ("team_id","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "config_versions_team_kind_version_idx" ON "config_versions" USING btree ("team_id","kind","version");--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_updated_by_agents_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;