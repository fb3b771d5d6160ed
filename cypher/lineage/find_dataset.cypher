// One dataset, found by its own key or through a symlink alias, with its aliases and its producing and
// consuming jobs (at most $limit each, current and stale, by namespace and name).
// Parameters: $namespace, $name, $limit
// Returns: dataset (node), labels, aliases (list of {namespace, name, type}),
//   producers, consumers (lists of {namespace, name, current})
OPTIONAL MATCH (own:Dataset {namespace: $namespace, name: $name})
OPTIONAL MATCH (:DatasetAlias {namespace: $namespace, name: $name})-[:ALIAS_OF]->(aliased:Dataset)
WITH coalesce(own, aliased) AS d
WHERE d IS NOT NULL
CALL (d) {
  OPTIONAL MATCH (a:DatasetAlias)-[:ALIAS_OF]->(d)
  WITH a ORDER BY a.namespace, a.name
  RETURN collect(a {.namespace, .name, .type}) AS aliases
}
CALL (d) {
  OPTIONAL MATCH (j:Job)-[e:OUTPUTS]->(d)
  WITH j, e ORDER BY j.namespace, j.name LIMIT $limit
  RETURN collect(CASE WHEN j IS NOT NULL THEN {namespace: j.namespace, name: j.name, current: e.current} END) AS producers
}
CALL (d) {
  OPTIONAL MATCH (d)-[e:INPUT_TO]->(j:Job)
  WITH j, e ORDER BY j.namespace, j.name LIMIT $limit
  RETURN collect(CASE WHEN j IS NOT NULL THEN {namespace: j.namespace, name: j.name, current: e.current} END) AS consumers
}
RETURN d AS dataset, labels(d) AS labels, aliases, producers, consumers
