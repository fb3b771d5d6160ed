// Full-text search over the names of datasets, fields and jobs (index entity_names on searchText), best
// score first. $type narrows to one kind: 'model' (datasets labelled :Model), 'dataset' (other datasets),
// 'field' or 'job'. $options passes the index a limit when no type filter follows.
// Parameters: $query (Lucene syntax, built and escaped by the caller), $type (or null), $options, $limit
// Returns: kind, namespace, name, field, score
CALL db.index.fulltext.queryNodes('entity_names', $query, $options) YIELD node, score
WITH node, score,
     CASE WHEN node:Field THEN 'field' WHEN node:Job THEN 'job' WHEN node:Model THEN 'model' ELSE 'dataset' END AS kind
WHERE $type IS NULL OR kind = $type
RETURN kind, node.namespace AS namespace, coalesce(node.dataset, node.name) AS name,
       CASE WHEN node:Field THEN node.path END AS field, score
LIMIT $limit
