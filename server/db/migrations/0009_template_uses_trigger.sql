-- Template insertions and what followed them on the same case (template_uses), kept as events are
-- written, so the service report reads one row per insertion instead of probing the case's events
-- three times per insertion. The rules are the report's:
-- - resolved_at: the first status event to resolved or closed at or after the insertion;
-- - decision_after: a decision strictly after it (by time, then insertion order);
-- - follow_up_after: a note or another template strictly after it (an agent had to write again).
-- An insertion looks at the events already there (back-dated outbox writes arrive late); every later
-- event updates the insertions before it. All updates only move towards the final answer (false to
-- true, a later resolution to an earlier one), so the order events arrive in does not matter.
-- One function records an insertion, for the trigger and for the backfill of existing events alike.
CREATE OR REPLACE FUNCTION caseside_record_template_use(u events) RETURNS void AS $$
  INSERT INTO template_uses (event_id, team_id, case_id, template_id, title, agent_id, created_at, seq, resolved_at, decision_after, follow_up_after)
  SELECT u.id, u.team_id, u.case_id, coalesce(u.data->>'templateId', ''), u.data->>'title', u.agent_id, u.created_at, u.seq,
    (SELECT min(e.created_at) FROM events e
      WHERE e.team_id = u.team_id AND e.case_id = u.case_id AND e.type = 'status'
        AND e.data->>'status' IN ('resolved', 'closed') AND e.created_at >= u.created_at),
    EXISTS (SELECT 1 FROM events e
      WHERE e.team_id = u.team_id AND e.case_id = u.case_id AND e.type = 'decision'
        AND (e.created_at, e.seq) > (u.created_at, u.seq)),
    EXISTS (SELECT 1 FROM events e
      WHERE e.team_id = u.team_id AND e.case_id = u.case_id AND e.type IN ('note', 'template_inserted')
        AND (e.created_at, e.seq) > (u.created_at, u.seq))
  ON CONFLICT (event_id) DO NOTHING;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION caseside_template_uses() RETURNS trigger AS $$
BEGIN
  IF NEW.type = 'template_inserted' THEN
    PERFORM caseside_record_template_use(NEW);
  END IF;
  IF NEW.type = 'decision' THEN
    UPDATE template_uses SET decision_after = true
     WHERE case_id = NEW.case_id AND NOT decision_after AND (created_at, seq) < (NEW.created_at, NEW.seq);
  ELSIF NEW.type IN ('note', 'template_inserted') THEN
    UPDATE template_uses SET follow_up_after = true
     WHERE case_id = NEW.case_id AND NOT follow_up_after AND (created_at, seq) < (NEW.created_at, NEW.seq);
  ELSIF NEW.type = 'status' AND NEW.data->>'status' IN ('resolved', 'closed') THEN
    UPDATE template_uses SET resolved_at = NEW.created_at
     WHERE case_id = NEW.case_id AND created_at <= NEW.created_at AND (resolved_at IS NULL OR resolved_at > NEW.created_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS events_template_uses ON events;
--> statement-breakpoint
CREATE TRIGGER events_template_uses AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION caseside_template_uses();
--> statement-breakpoint
SELECT caseside_record_template_use(e) FROM events e WHERE e.type = 'template_inserted';
