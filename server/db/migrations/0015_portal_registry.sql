-- Portal ids are plain text checked at the boundary by the registry's schemas (utils/portals/registry.ts),
-- so a new portal needs no migration. The one place the database spelled the portals out was this index's
-- condition ("not a portal"): it now names what it is for, the processors and alert providers.
DROP INDEX IF EXISTS "disputes_team_source_external_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_team_source_external_idx" ON "disputes" USING btree ("team_id","source","external_id") WHERE "source" IN ('stripe', 'adyen', 'paypal', 'ethoca', 'verifi');
