-- A page dispute is one per team, kind and the portal's reference; a processor's or alert provider's is one
-- per team, source and its own id (disputes_team_source_external_idx). The kind index covered processor
-- disputes too, so the same id from two processors (a Stripe and an Adyen dispute both "X1", two alert
-- providers' numeric ids) collided and the second was refused with a 500: it now covers page disputes only.
DROP INDEX IF EXISTS "disputes_team_kind_external_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_team_kind_external_idx" ON "disputes" USING btree ("team_id","kind","external_id") WHERE "source" NOT IN ('stripe', 'adyen', 'paypal', 'ethoca', 'verifi');
