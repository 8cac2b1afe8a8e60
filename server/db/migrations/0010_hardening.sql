-- Amounts in 64-bit columns: a total of 2^31 minor units or more is a real (if rare) order in a
-- currency with many minor units, and a 32-bit column answered it with an error.
ALTER TABLE "orders" ALTER COLUMN "total_minor" SET DATA TYPE bigint;
--> statement-breakpoint
ALTER TABLE "disputes" ALTER COLUMN "amount_minor" SET DATA TYPE bigint;
--> statement-breakpoint
ALTER TABLE "disputes" ALTER COLUMN "recovered_minor" SET DATA TYPE bigint;
--> statement-breakpoint
-- A digest of the write an idempotency key was first used for, so the key reused for a different body
-- answers 409 instead of silently replaying the first result. NULL for events written before this.
ALTER TABLE "events" ADD COLUMN "request_digest" text;
--> statement-breakpoint
-- Request counts per rate-limit key and one-minute window, shared by every instance on one database.
CREATE TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_hits_pkey" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_hits_window_idx" ON "rate_limit_hits" USING btree ("window_start");
