-- Fuzzy-match keys are scoped to the enterprise's city (see src/services/registry/enterprise-keys.ts).
UPDATE "enterprise"
SET "match_keys" = ARRAY(
  SELECT CASE WHEN k LIKE 'u:%' THEN k ELSE left("region_code", 4) || '|' || k END
  FROM unnest("match_keys") AS k
)
WHERE "match_keys" <> '{}';--> statement-breakpoint
DROP INDEX "enterprise_match_keys_idx";--> statement-breakpoint
CREATE INDEX "enterprise_match_keys_idx" ON "enterprise" USING gin ("match_keys") WITH (fastupdate=false);
