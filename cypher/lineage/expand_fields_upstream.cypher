// One level of column lineage: the fields directly upstream of each frontier field through FEEDS, at most
// $limit per field. Current edges only, unless $includeStale; with $asOf, the edges that existed then.
// With $lookAhead (the last level of a traversal) each field reached also brings one neighbour one more step in
// the same direction, so "is there anything beyond the depth?" needs no query of its own.
// Parameters: $ids (elementIds), $limit, $lookAhead, $includeStale, $asOf (datetime or null)
// Returns: fromId, id, labels, namespace, name (dataset), field, type, subtype, masking, jobNamespace,
//   jobName, current,
//   beyond (that neighbour's elementId in a list of at most one; empty without $lookAhead)
UNWIND $ids AS fromId
MATCH (n) WHERE elementId(n) = fromId
CALL {
  WITH n
  MATCH (m:Field)-[e:FEEDS]->(n)
  WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR e.current
             ELSE e.firstSeen <= $asOf AND (e.staleSince IS NULL OR e.staleSince > $asOf) END
  RETURN m, e
  LIMIT $limit
}
CALL {
  WITH m
  UNWIND CASE WHEN $lookAhead THEN [m] ELSE [] END AS a
  MATCH (x:Field)-[b:FEEDS]->(a)
  WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR b.current
             ELSE b.firstSeen <= $asOf AND (b.staleSince IS NULL OR b.staleSince > $asOf) END
  WITH x
  LIMIT 1
  RETURN collect(elementId(x)) AS beyond
}
RETURN fromId, elementId(m) AS id, labels(m) AS labels, m.namespace AS namespace, m.dataset AS name,
       m.path AS field, e.type AS type, e.subtype AS subtype, e.masking AS masking,
       e.jobNamespace AS jobNamespace, e.jobName AS jobName, e.current AS current, beyond
