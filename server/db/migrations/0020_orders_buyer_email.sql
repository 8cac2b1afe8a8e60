-- Processor disputes find the buyer's orders by the e-mail a page showed (findOrdersOfBuyer,
-- findOrdersOfBuyers): without this index every lookup read all of the team's orders.
CREATE INDEX IF NOT EXISTS "orders_team_page_email_idx" ON "orders" USING btree ("team_id", lower(("snapshot" -> 'buyer') ->> 'email'));
