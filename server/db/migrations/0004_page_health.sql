CREATE TABLE "page_health" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"portal" text NOT NULL,
	"page_kind" text NOT NULL,
	"status" text NOT NULL,
	"missing" jsonb NOT NULL,
	"signature" text NOT NULL,
	"sample_path" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "page_health" ADD CONSTRAINT "page_health_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "page_health_team_signature_idx" ON "page_health" USING btree ("team_id","signature");--> statement-breakpoint
CREATE INDEX "page_health_team_last_seen_idx" ON "page_health" USING btree ("team_id","last_seen");