// One level of column lineage: the fields directly downstream of each frontier field through FEEDS, at most
// $limit per field. Current edges only, unless $includeStale; with $asOf, the edges that existed then.
// Parameters: $ids (elementIds), $limit, $includeStale, $asOf (datetime or null)
// Returns: fromId, id, labels, namespace, name (dataset), field, type, subtype, masking, jobNamespace,
//   jobName, current
UNWIND $ids AS fromId
MATCH (n) WHERE elementId(n) = fromId
CALL {
  WITH n
  MATCH (n)-[e:FEEDS]->(m:Field)
  WHERE CASE WHEN $asOf IS NULL THEN $includeStale OR e.current
             ELSE e.firstSeen <= $asOf AND (e.staleSince IS NULL OR e.staleSince > $asOf) END
  RETURN m, e
  LIMIT $limit
}
RETURN fromId, elementId(m) AS id, labels(m) AS labels, m.namespace AS namespace, m.dataset AS name,
       m.path AS field, e.type AS type, e.subtype AS subtype, e.masking AS masking,
       e.jobNamespace AS jobNamespace, e.jobName AS jobName, e.current AS current
