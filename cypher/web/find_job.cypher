// Web UI job page (interim): one job and its latest runs.
// Parameters: $namespace, $name, $limit
// Returns: job (node), runs (list of maps: runId, state, startedAt, endedAt, newest first)
MATCH (j:Job {namespace: $namespace, name: $name})
CALL {
  WITH j
  OPTIONAL MATCH (r:Run)-[:OF]->(j)
  WITH r ORDER BY coalesce(r.startEventTime, r.firstEventTime) DESC
  LIMIT $limit
  RETURN collect(r {.runId, .state, startedAt: coalesce(r.startEventTime, r.firstEventTime), .endedAt}) AS runs
}
RETURN j AS job, runs
