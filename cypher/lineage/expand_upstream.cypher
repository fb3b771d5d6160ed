// One level of dataset/job lineage: the nodes directly upstream of each frontier node, at most $limit per
// node (the caller asks for one more than its fan-out cap to see whether the cap cut anything).
// Current edges only, unless $includeStale; with $asOf, the edges that existed then.
// Parameters: $ids (elementIds), $limit, $includeStale, $asOf (datetime or null)
// Returns: fromId, id, labels, namespace, name, relation, current
UNWIND $ids AS fromId
MATCH (n) WHERE elementId(n) = fromId
CALL {
  WITH n
  MATCH (m)-[e:INPUT_TO|OUTPUTS]->(n)
  WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR e.current
             ELSE e.firstSeen <= $asOf AND (e.staleSince IS NULL OR e.staleSince > $asOf) END
  RETURN m, e
  LIMIT $limit
}
RETURN fromId, elementId(m) AS id, labels(m) AS labels, m.namespace AS namespace, m.name AS name,
       type(e) AS relation, e.current AS current
