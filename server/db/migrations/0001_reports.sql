CREATE TABLE "fraud_signals" (
	"team_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"indicator" text NOT NULL,
	"points" integer NOT NULL,
	"score" integer NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fraud_signals" ADD CONSTRAINT "fraud_signals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fraud_signals_team_order_indicator_idx" ON "fraud_signals" USING btree ("team_id","order_id","indicator");--> statement-breakpoint
CREATE INDEX "fraud_signals_team_scored_idx" ON "fraud_signals" USING btree ("team_id","scored_at");--> statement-breakpoint
CREATE INDEX "cases_team_opened_idx" ON "cases" USING btree ("team_id","opened_at");--> statement-breakpoint
CREATE INDEX "decisions_team_created_idx" ON "decisions" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "events_team_type_created_idx" ON "events" USING btree ("team_id","type","created_at");