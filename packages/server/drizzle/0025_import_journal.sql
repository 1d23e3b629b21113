-- The undo journal of a ledger commit through write() on PGlite (platform/ledgers/journal.ts). The commit runs
-- in slices of short transactions, each setting xiezuo.import_journal to '<import id>|<slice>' for itself; while
-- it is set, a row trigger on every table (attached by xz_import_journal_attach) writes what each row was
-- into ledger_import_undo, and audit entries wait there for the commit's last transaction (the log is
-- append-only: an undone slice must leave no entry). Unset — every other transaction — the triggers' WHEN
-- clause is false and nothing runs. The held audit entries keep their actor, so they can be written after the
-- commit, in short transactions, even by the next start after a crash (flushJournalAudit, apply.ts).
CREATE OR REPLACE FUNCTION xz_import_journal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v text := current_setting('xiezuo.import_journal', true);
BEGIN
  INSERT INTO ledger_import_undo (import_id, slice, ord, tbl, op, before, after)
  VALUES (split_part(v, '|', 1), split_part(v, '|', 2)::int, -1, TG_TABLE_NAME, lower(left(TG_OP, 1)),
          CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END, CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION xz_import_journal_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v text := current_setting('xiezuo.import_journal', true);
BEGIN
  INSERT INTO ledger_import_undo (import_id, slice, ord, tbl, audit)
  VALUES (split_part(v, '|', 1), split_part(v, '|', 2)::int, 0, 'audit_log',
          jsonb_build_object('action', NEW.action, 'entity', NEW.entity, 'entityId', NEW.entity_id,
                             'before', NEW.before, 'after', NEW.after,
                             'actorId', NEW.actor_id, 'actorName', NEW.actor_name, 'ip', NEW.ip));
  RETURN NULL; -- kept in the journal, not written now
END $$;
--> statement-breakpoint
CREATE TRIGGER xz_import_journal_audit BEFORE INSERT ON audit_log FOR EACH ROW
  WHEN (coalesce(current_setting('xiezuo.import_journal', true), '') <> '')
  EXECUTE FUNCTION xz_import_journal_audit();
--> statement-breakpoint
-- Attaches the journal trigger to every table with a primary key that lacks it, but the log, the import's own
-- tables and the indicator engine's (its queue is filled by triggers and drained by the refresher; an undone
-- row queues its slice again). Called before each journaled commit, so a table a later migration adds is
-- covered without naming it anywhere. Returns how many tables it attached to.
CREATE OR REPLACE FUNCTION xz_import_journal_attach() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  t record;
  n int := 0;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = current_schema() AND c.relkind = 'r'
      AND c.relname NOT IN ('audit_log', 'sessions', 'report_jobs', 'indicator_dirty', 'indicator_leaves',
                            'indicator_rollups', 'indicator_state')
      AND c.relname NOT LIKE 'ledger\_import%'
      AND EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'xz_import_journal')
  LOOP
    EXECUTE format('CREATE TRIGGER xz_import_journal AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
      'WHEN (coalesce(current_setting(''xiezuo.import_journal'', true), '''') <> '''') '
      'EXECUTE FUNCTION xz_import_journal()', t.relname);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
--> statement-breakpoint
-- Undoes one slice of a journaled commit, newest change first: an inserted row deleted, an updated row given
-- back every column as it was, a deleted row put back. Rows are found by their primary key.
CREATE OR REPLACE FUNCTION xz_import_journal_undo(p_import text, p_slice int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  e record;
  pk text;
  cols text;
  n int := 0;
BEGIN
  FOR e IN SELECT tbl, op, before, after FROM ledger_import_undo
           WHERE import_id = p_import AND slice = p_slice AND op IS NOT NULL ORDER BY seq DESC
  LOOP
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO pk
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = e.tbl::regclass AND i.indisprimary;
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO cols
      FROM pg_attribute a WHERE a.attrelid = e.tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
    IF e.op = 'i' THEN
      EXECUTE format('DELETE FROM %I WHERE (%s) = (SELECT %s FROM jsonb_populate_record(null::%I, $1))', e.tbl, pk, pk, e.tbl)
        USING e.after;
    ELSIF e.op = 'u' THEN
      EXECUTE format('UPDATE %I SET (%s) = (SELECT %s FROM jsonb_populate_record(null::%I, $1)) '
                     'WHERE (%s) = (SELECT %s FROM jsonb_populate_record(null::%I, $2))', e.tbl, cols, cols, e.tbl, pk, pk, e.tbl)
        USING e.before, e.after;
    ELSE
      EXECUTE format('INSERT INTO %I (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM jsonb_populate_record(null::%I, $1)',
                     e.tbl, cols, cols, e.tbl)
        USING e.before;
    END IF;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
