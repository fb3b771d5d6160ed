// One level of dataset/job lineage: the nodes directly upstream of each frontier node, at most $limit per
// node (the caller asks for one more than its fan-out cap to see whether the cap cut anything).
// Current edges only, unless $includeStale; with $asOf, the edges that existed then.
// With $lookAhead (the last level of a traversal) each node reached also brings one neighbour one more step in
// the same direction, so "is there anything beyond the depth?" needs no query of its own.
// Parameters: $ids (elementIds), $limit, $lookAhead, $includeStale, $asOf (datetime or null)
// Returns: fromId, id, labels, namespace, name, relation, current,
//   beyond (that neighbour's elementId in a list of at most one; empty without $lookAhead)
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
CALL {
  WITH m
  UNWIND CASE WHEN $lookAhead THEN [m] ELSE [] END AS a
  MATCH (x)-[b:INPUT_TO|OUTPUTS]->(a)
  WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR b.current
             ELSE b.firstSeen <= $asOf AND (b.staleSince IS NULL OR b.staleSince > $asOf) END
  WITH x
  LIMIT 1
  RETURN collect(elementId(x)) AS beyond
}
RETURN fromId, elementId(m) AS id, labels(m) AS labels, m.namespace AS namespace, m.name AS name,
       type(e) AS relation, e.current AS current, beyond
