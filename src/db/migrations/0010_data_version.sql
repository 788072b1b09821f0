-- The data version: one counter per table that analyses read, moved once by each transaction that
-- writes the table, when it commits (a rolled-back write moves nothing). Cached analyses are keyed
-- on the sum of their input tables' counters, so notifications, sessions, the audit log and other
-- work tables no longer invalidate them (src/services/data-version-cache.ts).
--
-- A statement-level trigger on each input table notes (transaction, table) in
-- data_version_pending; a deferred constraint trigger on that table bumps the counters at commit,
-- in table-name order, and forgets the note. The counter rows are thus locked only for the last
-- moment of a commit, always in one order: writers of the same table do not wait on each other
-- for the length of their transactions, and no deadlock can come from the counters.
-- Setting chainlead.data_version to 'off' for a transaction (set_config(…, true)) skips the
-- counting: a restore that copies a backup's counters uses it.
CREATE TABLE "data_version" (
	"table_name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_version_pending" (
	"txid" bigint NOT NULL,
	"table_name" text NOT NULL,
	CONSTRAINT "data_version_pending_pkey" PRIMARY KEY ("txid", "table_name")
);
--> statement-breakpoint
CREATE FUNCTION data_version_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('chainlead.data_version', true), '') = 'off' THEN
    RETURN NULL;
  END IF;
  INSERT INTO data_version_pending (txid, table_name)
  VALUES (txid_current(), TG_TABLE_NAME)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  noted text;
BEGIN
  -- The first note of a transaction bumps all of its tables, in name order; later ones find none.
  FOR noted IN
    SELECT p.table_name FROM data_version_pending p WHERE p.txid = NEW.txid ORDER BY p.table_name
  LOOP
    INSERT INTO data_version AS v (table_name, version) VALUES (noted, 1)
    ON CONFLICT (table_name) DO UPDATE SET version = v.version + 1;
  END LOOP;
  DELETE FROM data_version_pending WHERE txid = NEW.txid;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_version_bump AFTER INSERT ON data_version_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "chain"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "chain_node"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "chain_flow"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprise"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprise_year"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "classification"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "target"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region_stat"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
--> statement-breakpoint
CREATE TRIGGER data_version_note AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "problem"
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_note();
