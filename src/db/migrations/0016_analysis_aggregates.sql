-- The chain analysis's sums, kept incrementally: per node and region code (as placed, usually a
-- district; a prefix sums a city or province), the counted enterprises (chain_placement), and per
-- year the counted enterprises with figures that year, those reporting output (or revenue) and
-- their output. The national benchmark (every region) reads these
-- instead of joining ~600,000 placements with a year of figures after every write.
--
-- Maintained by statement-level triggers with transition tables on the two inputs
-- (classification, enterprise_year), so every writer keeps them — the import's set-based
-- statements, classification decisions, merges, deletes (a firm's delete runs its cascades
-- itself, see below), template revisions — inside its own transaction. Each statement adds its
-- delta (the rows that left the count subtracted, the rows that entered it added) by upsert in key
-- order, then drops rows that reached zero; a statement that changes nothing the sums read (a
-- score, the evidence) adds nothing. Two writers of the same sums wait for each other's commit.
-- The views analysis_*_full are the full recompute: analysis_aggregates_rebuild() loads the tables
-- from them (here, after a TRUNCATE of an input, and for a backfill), and tests compare against
-- them row by row.
-- Writes in a transaction with chainlead.data_version 'off' (a restore copying a backup's rows,
-- these tables included) leave the aggregates alone, as they leave the data version.
CREATE TABLE "analysis_node_region" (
	"node_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"enterprises" integer NOT NULL,
	CONSTRAINT "analysis_node_region_pkey" PRIMARY KEY ("node_id", "region_code")
);
--> statement-breakpoint
CREATE TABLE "analysis_node_region_year" (
	"node_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"region_code" text NOT NULL,
	"enterprises" integer NOT NULL,
	"reporting" integer NOT NULL,
	"output_yuan" numeric NOT NULL,
	CONSTRAINT "analysis_node_region_year_pkey" PRIMARY KEY ("node_id", "year", "region_code")
);
--> statement-breakpoint
-- Rows that reached zero, found without a scan (the index is empty between statements).
CREATE INDEX "analysis_node_region_zero_idx" ON "analysis_node_region" ("node_id") WHERE enterprises = 0;
--> statement-breakpoint
CREATE INDEX "analysis_node_region_year_zero_idx" ON "analysis_node_region_year" ("node_id") WHERE enterprises = 0;
--> statement-breakpoint
CREATE VIEW analysis_node_region_full AS
  SELECT node_id, region_code, count(*)::int AS enterprises
  FROM chain_placement
  GROUP BY node_id, region_code;
--> statement-breakpoint
CREATE VIEW analysis_node_region_year_full AS
  SELECT c.node_id, y.year, c.region_code, count(*)::int AS enterprises,
         count(coalesce(y.output_yuan, y.revenue_yuan))::int AS reporting,
         coalesce(sum(coalesce(y.output_yuan, y.revenue_yuan)), 0) AS output_yuan
  FROM chain_placement c
  JOIN enterprise_year y ON y.enterprise_id = c.enterprise_id
  GROUP BY c.node_id, y.year, c.region_code;
--> statement-breakpoint
CREATE FUNCTION analysis_aggregates_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analysis_node_region;
  DELETE FROM analysis_node_region_year;
  INSERT INTO analysis_node_region (node_id, region_code, enterprises)
    SELECT node_id, region_code, enterprises FROM analysis_node_region_full;
  INSERT INTO analysis_node_region_year (node_id, year, region_code, enterprises, reporting, output_yuan)
    SELECT node_id, year, region_code, enterprises, reporting, output_yuan
    FROM analysis_node_region_year_full;
END
$$;
--> statement-breakpoint
-- The statements that add `changed` (d: +1 entering / -1 leaving; node_id, region_code;
-- placement: a row of the count; year and value, the year's output or revenue: a row of the
-- year's figures) to both tables, then drop rows that reached zero. Returned as text for the
-- trigger to run itself: only the trigger's own statements see its transition tables.
CREATE FUNCTION analysis_aggregates_statements(changed text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    format($q$
      WITH changed AS (%s)
      INSERT INTO analysis_node_region AS a (node_id, region_code, enterprises)
      SELECT node_id, region_code, sum(d)::int FROM changed WHERE placement
      GROUP BY node_id, region_code HAVING sum(d) <> 0
      ORDER BY node_id, region_code
      ON CONFLICT (node_id, region_code)
      DO UPDATE SET enterprises = a.enterprises + excluded.enterprises
    $q$, changed),
    format($q$
      WITH changed AS (%s)
      INSERT INTO analysis_node_region_year AS a
        (node_id, year, region_code, enterprises, reporting, output_yuan)
      SELECT node_id, year, region_code, sum(d)::int,
             coalesce(sum(d) FILTER (WHERE value IS NOT NULL), 0)::int,
             coalesce(sum(d * value), 0)
      FROM changed WHERE NOT placement
      GROUP BY node_id, year, region_code
      HAVING sum(d) <> 0 OR coalesce(sum(d) FILTER (WHERE value IS NOT NULL), 0) <> 0
          OR coalesce(sum(d * value), 0) <> 0
      ORDER BY node_id, year, region_code
      ON CONFLICT (node_id, year, region_code)
      DO UPDATE SET enterprises = a.enterprises + excluded.enterprises,
                    reporting = a.reporting + excluded.reporting,
                    output_yuan = a.output_yuan + excluded.output_yuan
    $q$, changed),
    'DELETE FROM analysis_node_region WHERE enterprises = 0',
    'DELETE FROM analysis_node_region_year WHERE enterprises = 0'
  ]
$$;
--> statement-breakpoint
-- A statement on classification: the counted placements that left (old rows) and entered (new
-- rows), an unchanged pair (same key, still counted in the same region) dropped, each joined with
-- the enterprise's yearly figures as they are now (this statement did not change them).
CREATE FUNCTION analysis_aggregates_classification() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  leaving text := $s$
    SELECT -1 AS d, o.enterprise_id, o.node_id, o.region_code FROM old_rows o
    WHERE o.decision = 'confirmed' AND o.is_primary$s$;
  entering text := $s$
    SELECT 1 AS d, n.enterprise_id, n.node_id, n.region_code FROM new_rows n
    WHERE n.decision = 'confirmed' AND n.is_primary$s$;
  placements text;
  statement text;
BEGIN
  IF coalesce(current_setting('chainlead.data_version', true), '') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM analysis_aggregates_rebuild();
    RETURN NULL;
  END IF;
  placements := CASE TG_OP
    WHEN 'INSERT' THEN entering
    WHEN 'DELETE' THEN leaving
    ELSE leaving || $s$ AND NOT EXISTS (
        SELECT 1 FROM new_rows n WHERE n.enterprise_id = o.enterprise_id AND n.node_id = o.node_id
          AND n.region_code = o.region_code AND n.decision = 'confirmed' AND n.is_primary)
      UNION ALL $s$ || entering || $s$ AND NOT EXISTS (
        SELECT 1 FROM old_rows o WHERE o.enterprise_id = n.enterprise_id AND o.node_id = n.node_id
          AND o.region_code = n.region_code AND o.decision = 'confirmed' AND o.is_primary)$s$
  END;
  FOREACH statement IN ARRAY analysis_aggregates_statements(format($s$
    SELECT p.d, p.node_id, p.region_code, true AS placement, NULL::smallint AS year,
           NULL::numeric AS value
    FROM (%1$s) p
    UNION ALL
    SELECT p.d, p.node_id, p.region_code, false, y.year, coalesce(y.output_yuan, y.revenue_yuan)
    FROM (%1$s) p JOIN enterprise_year y ON y.enterprise_id = p.enterprise_id
  $s$, placements)) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A statement on enterprise_year: the yearly rows that left and entered (an unchanged pair, same
-- enterprise, year and value, dropped), each on the enterprise's counted placements as they are.
CREATE FUNCTION analysis_aggregates_enterprise_year() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  leaving text := $s$
    SELECT -1 AS d, o.enterprise_id, o.year, coalesce(o.output_yuan, o.revenue_yuan) AS value
    FROM old_rows o$s$;
  entering text := $s$
    SELECT 1 AS d, n.enterprise_id, n.year, coalesce(n.output_yuan, n.revenue_yuan) AS value
    FROM new_rows n$s$;
  figures text;
  statement text;
BEGIN
  IF coalesce(current_setting('chainlead.data_version', true), '') = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM analysis_aggregates_rebuild();
    RETURN NULL;
  END IF;
  figures := CASE TG_OP
    WHEN 'INSERT' THEN entering
    WHEN 'DELETE' THEN leaving
    ELSE leaving || $s$ WHERE NOT EXISTS (
        SELECT 1 FROM new_rows n WHERE n.enterprise_id = o.enterprise_id AND n.year = o.year
          AND coalesce(n.output_yuan, n.revenue_yuan) IS NOT DISTINCT FROM
              coalesce(o.output_yuan, o.revenue_yuan))
      UNION ALL $s$ || entering || $s$ WHERE NOT EXISTS (
        SELECT 1 FROM old_rows o WHERE o.enterprise_id = n.enterprise_id AND o.year = n.year
          AND coalesce(n.output_yuan, n.revenue_yuan) IS NOT DISTINCT FROM
              coalesce(o.output_yuan, o.revenue_yuan))$s$
  END;
  FOREACH statement IN ARRAY analysis_aggregates_statements(format($s$
    SELECT f.d, c.node_id, c.region_code, false AS placement, f.year, f.value
    FROM (%s) f
    JOIN classification c ON c.enterprise_id = f.enterprise_id
      AND c.decision = 'confirmed' AND c.is_primary
  $s$, figures)) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_insert AFTER INSERT ON "classification"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_classification();
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_update AFTER UPDATE ON "classification"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_classification();
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_delete AFTER DELETE ON "classification"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_classification();
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_truncate AFTER TRUNCATE ON "classification"
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_classification();
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_insert AFTER INSERT ON "enterprise_year"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_enterprise_year();
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_update AFTER UPDATE ON "enterprise_year"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_enterprise_year();
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_delete AFTER DELETE ON "enterprise_year"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_enterprise_year();
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_truncate AFTER TRUNCATE ON "enterprise_year"
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_aggregates_enterprise_year();
--> statement-breakpoint
-- Deleting a firm: its figures and placements go by cascades, which run both deletes before
-- either statement trigger, so each would find the other table already empty of the firm and the
-- figures of its placements would stay counted. Deleted here first, one after the other: the
-- figures while the placements still count them, then the placements.
CREATE FUNCTION analysis_aggregates_enterprise_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('chainlead.data_version', true), '') <> 'off' THEN
    DELETE FROM enterprise_year WHERE enterprise_id = OLD.id;
    DELETE FROM classification WHERE enterprise_id = OLD.id;
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analysis_aggregates_delete BEFORE DELETE ON "enterprise"
  FOR EACH ROW EXECUTE FUNCTION analysis_aggregates_enterprise_delete();
--> statement-breakpoint
SELECT analysis_aggregates_rebuild();
