// Web UI search (interim, until the lineage feature's search service lands): datasets, jobs and fields
// whose name, namespace or path match a Lucene query over the entity_names full-text index.
// Parameters: $query (Lucene query, user text escaped by the caller), $limit
// Returns: kind (dataset|model|job|field), namespace, name, field, score
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WITH node, score,
     CASE WHEN node:Job THEN 'job' WHEN node:Field THEN 'field' WHEN node:Model THEN 'model' ELSE 'dataset' END AS kind
RETURN kind, node.namespace AS namespace, CASE WHEN kind = 'field' THEN node.dataset ELSE node.name END AS name,
       CASE WHEN kind = 'field' THEN node.path ELSE null END AS field, score
ORDER BY score DESC, namespace, name
LIMIT $limit
