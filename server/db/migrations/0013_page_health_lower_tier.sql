-- Fields read below the tier they are expected at (a hook vanished, the label still worked): a redesign
-- shows in page health before any field is lost. Pages read in full but with such fields are counted too.
ALTER TABLE "page_health" ADD COLUMN "lower_tier" jsonb DEFAULT '[]'::jsonb NOT NULL;
