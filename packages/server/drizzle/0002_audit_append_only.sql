-- The audit log is append-only: no UPDATE ever; DELETE only past the retention period, by the purge job
-- (which sets xiezuo.audit_retention_days for its transaction).
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF coalesce(current_setting('xiezuo.audit_retention_days', true), '') = ''
     OR OLD.at > now() - make_interval(days => greatest(184, current_setting('xiezuo.audit_retention_days')::int)) THEN
    RAISE EXCEPTION 'audit_log entries are kept for the retention period';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();
