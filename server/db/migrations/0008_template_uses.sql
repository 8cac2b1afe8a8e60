CREATE TABLE "template_uses" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"title" text,
	"agent_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"seq" bigint NOT NULL,
	"resolved_at" timestamp with time zone,
	"decision_after" boolean DEFAULT false NOT NULL,
	"follow_up_after" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "template_uses" ADD CONSTRAINT "template_uses_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_uses" ADD CONSTRAINT "template_uses_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_uses" ADD CONSTRAINT "template_uses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_uses" ADD CONSTRAINT "template_uses_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "template_uses_team_created_idx" ON "template_uses" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "template_uses_team_agent_created_idx" ON "template_uses" USING btree ("team_id","agent_id","created_at");--> statement-breakpoint
CREATE INDEX "template_uses_case_idx" ON "template_uses" USING btree ("case_id","created_at","seq");--> statement-breakpoint
CREATE INDEX "cases_team_responder_opened_idx" ON "cases" USING btree ("team_id","first_responder_id","opened_at");