-- One rule for "on the chain, on which node": an enterprise's primary placement on a chain is its
-- best non-rejected one (confirmed first), and it counts on the chain when it is confirmed. First
-- settle the rows written before the rule held, then the view every reader goes through.
WITH ranked AS (
  SELECT c.enterprise_id, c.node_id,
    c.decision <> 'rejected' AND row_number() OVER (
      PARTITION BY c.enterprise_id, n.chain_id
      ORDER BY c.decision = 'rejected', c.decision = 'confirmed' DESC, c.is_primary DESC,
        c.method = 'manual' DESC, c.score DESC, n.sort_order, c.node_id) = 1 AS should
  FROM classification c JOIN chain_node n ON n.id = c.node_id
)
UPDATE classification c SET is_primary = r.should
FROM ranked r
WHERE c.enterprise_id = r.enterprise_id AND c.node_id = r.node_id AND c.is_primary IS DISTINCT FROM r.should;
--> statement-breakpoint
CREATE VIEW chain_placement AS
  SELECT enterprise_id, node_id, region_code, score
  FROM classification
  WHERE decision = 'confirmed' AND is_primary;
