-- chainlead on Citus: run on the coordinator after the ordinary migrations (docs/scaling.md).
-- Idempotence is not attempted: run it once, on a freshly migrated database.
\set ON_ERROR_STOP on
BEGIN;

-- The data version's triggers would run on the workers' shards, where data_version_pending is not;
-- on Citus the nodes' snapshots stand for the counters instead (readDataVersion in
-- src/db/chain-analysis.repository.ts).
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           WHERE g.tgname = 'data_version_note'
  LOOP
    EXECUTE format('DROP TRIGGER data_version_note ON %I', t);
  END LOOP;
END $$;

-- The analysis aggregates' triggers (migration 0014) would run on the shards too: on Citus the
-- aggregates become views of their full recompute, so the national benchmark sums the shards'
-- placements at each analysis, as before 0014 (untested on a cluster yet).
DROP TRIGGER analysis_aggregates_insert ON classification;
DROP TRIGGER analysis_aggregates_update ON classification;
DROP TRIGGER analysis_aggregates_delete ON classification;
DROP TRIGGER analysis_aggregates_truncate ON classification;
DROP TRIGGER analysis_aggregates_insert ON enterprise_year;
DROP TRIGGER analysis_aggregates_update ON enterprise_year;
DROP TRIGGER analysis_aggregates_delete ON enterprise_year;
DROP TRIGGER analysis_aggregates_truncate ON enterprise_year;
DROP TRIGGER analysis_aggregates_delete ON enterprise;
DROP TABLE analysis_node_region, analysis_node_region_year;
CREATE VIEW analysis_node_region AS SELECT * FROM analysis_node_region_full;
CREATE VIEW analysis_node_region_year AS SELECT * FROM analysis_node_region_year_full;

-- Foreign keys to enterprise(id) go: local tables may not reference a distributed one, and the
-- distributed ones reference (region_code, id) instead (added below). What the coordinator
-- tables' keys did when a firm was deleted (cascade, set null, restrict) is kept in
-- enterprise_reference, and deleting a firm does it (src/db/enterprise.repository.ts).
CREATE TABLE enterprise_reference (
  table_name text NOT NULL,
  column_name text NOT NULL,
  on_delete "char" NOT NULL,  -- pg_constraint.confdeltype: c cascade, n set null, r/a refuse
  PRIMARY KEY (table_name, column_name)
);
INSERT INTO enterprise_reference
SELECT c.relname, a.attname, k.confdeltype
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
WHERE k.contype = 'f' AND k.confrelid = 'enterprise'::regclass
  AND c.relname NOT IN ('enterprise_year', 'classification');
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT k.conname, c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
           WHERE k.contype = 'f' AND k.confrelid = 'enterprise'::regclass
  LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', r.relname, r.conname);
  END LOOP;
END $$;

-- The USCC stays unique through a lookup table (the unique index would lack region_code).
CREATE TABLE enterprise_uscc (
  uscc text PRIMARY KEY,
  region_code text NOT NULL,
  enterprise_id bigint NOT NULL
);
INSERT INTO enterprise_uscc SELECT uscc, region_code, id FROM enterprise WHERE uscc IS NOT NULL;
DROP INDEX enterprise_uscc_idx;
CREATE INDEX enterprise_uscc_idx ON enterprise (uscc);

-- Keys widened with the distribution column, under their old names: the writers' upserts name the
-- constraint (ON CONFLICT ON CONSTRAINT …), so the same statements run on one server and here.
ALTER TABLE enterprise DROP CONSTRAINT enterprise_pkey;
ALTER TABLE enterprise ADD CONSTRAINT enterprise_pkey PRIMARY KEY (region_code, id);
ALTER TABLE enterprise_year DROP CONSTRAINT enterprise_year_enterprise_id_year_pk;
ALTER TABLE enterprise_year ADD CONSTRAINT enterprise_year_enterprise_id_year_pk
  PRIMARY KEY (region_code, enterprise_id, year);
ALTER TABLE classification DROP CONSTRAINT classification_enterprise_id_node_id_pk;
ALTER TABLE classification ADD CONSTRAINT classification_enterprise_id_node_id_pk
  PRIMARY KEY (region_code, enterprise_id, node_id);
COMMIT;

-- Reference tables: parents first (their own foreign keys point at each other).
-- One statement each (\gexec): Citus refuses several in one transaction.
SELECT format('SELECT create_reference_table(%L)', t) FROM unnest(ARRAY[
  'region', 'chain', 'chain_node', 'chain_flow', 'park', 'park_space', 'department',
  'problem_category', 'calendar_year', 'calendar_day', 'app_setting', 'region_stat', 'target',
  'enterprise_uscc'
]) AS t \gexec

-- The registry, co-located by region_code.
SELECT create_distributed_table('enterprise', 'region_code');
SELECT create_distributed_table('enterprise_year', 'region_code', colocate_with => 'enterprise');
SELECT create_distributed_table('classification', 'region_code', colocate_with => 'enterprise');
ALTER TABLE enterprise_year ADD FOREIGN KEY (region_code, enterprise_id)
  REFERENCES enterprise (region_code, id) ON DELETE CASCADE;
ALTER TABLE classification ADD FOREIGN KEY (region_code, enterprise_id)
  REFERENCES enterprise (region_code, id) ON DELETE CASCADE;

-- Everything else stays on the coordinator, known to Citus so that it joins reference tables.
SELECT format('SELECT citus_add_local_table_to_metadata(%L, cascade_via_foreign_keys => true)',
              format('%I.%I', n.nspname, c.relname))
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public'
  AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid) \gexec

SELECT logicalrelid::text AS "table",
       CASE partmethod WHEN 'h' THEN 'distributed' WHEN 'n' THEN
         CASE WHEN repmodel = 't' THEN 'reference' ELSE 'local' END END AS kind
FROM pg_dist_partition ORDER BY 2, 1;

-- Until every registry join carries region_code on both sides (docs/scaling.md), the joins on
-- enterprise_id alone are repartitioned between the workers rather than refused.
SELECT format('ALTER DATABASE %I SET citus.enable_repartition_joins = on', current_database()) \gexec
-- A transaction that reads the registry across shards in parallel and then writes a coordinator
-- table tied to it (a user naming a firm, a placement after a template's node) is refused in
-- Citus's parallel mode; one connection per worker within a transaction keeps them legal.
SELECT format('ALTER DATABASE %I SET citus.multi_shard_modify_mode = sequential', current_database())
\gexec
