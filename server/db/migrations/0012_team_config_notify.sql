-- Every change of a team's settings or templates is announced on the caseside_team_config channel with
-- the team's id, so each backend instance drops that team's cached configuration when the writing
-- transaction commits (PostgreSQL delivers notifications only then, and folds identical ones of one
-- transaction into one). Writes made outside the server (a seed, psql) are heard the same way.
CREATE OR REPLACE FUNCTION caseside_team_config_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('caseside_team_config', OLD.team_id::text);
  ELSE
    PERFORM pg_notify('caseside_team_config', NEW.team_id::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER settings_team_config_changed AFTER INSERT OR UPDATE OR DELETE ON "settings"
  FOR EACH ROW EXECUTE FUNCTION caseside_team_config_changed();
--> statement-breakpoint
CREATE TRIGGER templates_team_config_changed AFTER INSERT OR UPDATE OR DELETE ON "templates"
  FOR EACH ROW EXECUTE FUNCTION caseside_team_config_changed();
