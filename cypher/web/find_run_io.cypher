// Web UI run page (interim): the dataset versions a run read and wrote, and its child runs.
// Parameters: $runId
// Returns: io (list of maps: access READ|WROTE, namespace, name, version), children (list of maps: runId,
//          state, jobNamespace, jobName)
MATCH (r:Run {runId: $runId})
CALL {
  WITH r
  OPTIONAL MATCH (r)-[a:READ|WROTE]->(v:DatasetVersion)
  WITH a, v ORDER BY type(a), v.namespace, v.name
  RETURN collect(CASE WHEN v IS NULL THEN null
                      ELSE {access: type(a), namespace: v.namespace, name: v.name, version: v.version} END) AS io
}
CALL {
  WITH r
  OPTIONAL MATCH (c:Run)-[:CHILD_OF]->(r)
  WITH c ORDER BY c.firstEventTime
  LIMIT 100
  RETURN collect(c {.runId, .state, .jobNamespace, .jobName}) AS children
}
RETURN io, children
