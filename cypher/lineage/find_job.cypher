// One job with its input and output datasets (at most $limit each, current and stale, by namespace and name).
// Parameters: $namespace, $name, $limit
// Returns: job (node), inputs, outputs (lists of {namespace, name, current})
MATCH (j:Job {namespace: $namespace, name: $name})
CALL (j) {
  OPTIONAL MATCH (d:Dataset)-[e:INPUT_TO]->(j)
  WITH d, e ORDER BY d.namespace, d.name LIMIT $limit
  RETURN collect(CASE WHEN d IS NOT NULL THEN {namespace: d.namespace, name: d.name, current: e.current} END) AS inputs
}
CALL (j) {
  OPTIONAL MATCH (j)-[e:OUTPUTS]->(d:Dataset)
  WITH d, e ORDER BY d.namespace, d.name LIMIT $limit
  RETURN collect(CASE WHEN d IS NOT NULL THEN {namespace: d.namespace, name: d.name, current: e.current} END) AS outputs
}
RETURN j AS job, inputs, outputs
