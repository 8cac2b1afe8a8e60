-- The first agent answer and the first resolution of each case, kept as events are written, so the
-- service report reads them from the case row instead of probing the events of every case.
-- Same rules as the report: answers are notes, decisions and template insertions by an agent; a
-- resolution is a status event to resolved or closed. The earliest one wins (back-dated outbox writes).
CREATE OR REPLACE FUNCTION caseside_case_metrics() RETURNS trigger AS $$
BEGIN
  IF NEW.agent_id IS NOT NULL AND NEW.type IN ('note', 'decision', 'template_inserted') THEN
    UPDATE cases SET first_response_at = NEW.created_at, first_responder_id = NEW.agent_id
     WHERE id = NEW.case_id AND (first_response_at IS NULL OR first_response_at > NEW.created_at);
  END IF;
  IF NEW.type = 'status' AND NEW.data->>'status' IN ('resolved', 'closed') THEN
    UPDATE cases SET resolved_at = NEW.created_at
     WHERE id = NEW.case_id AND (resolved_at IS NULL OR resolved_at > NEW.created_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS events_case_metrics ON events;
--> statement-breakpoint
CREATE TRIGGER events_case_metrics AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION caseside_case_metrics();
--> statement-breakpoint
UPDATE cases c SET first_response_at = fr.created_at, first_responder_id = fr.agent_id
  FROM (
    SELECT DISTINCT ON (case_id) case_id, created_at, agent_id FROM events
     WHERE agent_id IS NOT NULL AND type IN ('note', 'decision', 'template_inserted')
     ORDER BY case_id, created_at, seq
  ) fr
 WHERE fr.case_id = c.id;
--> statement-breakpoint
UPDATE cases c SET resolved_at = rs.resolved_at
  FROM (
    SELECT case_id, min(created_at) AS resolved_at FROM events
     WHERE type = 'status' AND data->>'status' IN ('resolved', 'closed')
     GROUP BY case_id
  ) rs
 WHERE rs.case_id = c.id;
