-- Reports: disputes decided in a date range (win rate, money recovered).
CREATE INDEX IF NOT EXISTS "disputes_team_decided_idx" ON "disputes" USING btree ("team_id","decided_at") WHERE "outcome" IS NOT NULL;
