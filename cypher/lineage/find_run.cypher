// One run with its job, parent run, the dataset versions it read and wrote, and its child runs (at most
// $limit of each list).
// Parameters: $runId, $limit
// Returns: run (node), job (node or null), parent (node or null), parentJob (node or null),
//   inputs, outputs (lists of {namespace, name, version}),
//   children (list of {runId, state, jobNamespace, jobName})
MATCH (run:Run {runId: $runId})
OPTIONAL MATCH (run)-[:OF]->(job:Job)
OPTIONAL MATCH (run)-[:CHILD_OF]->(parent:Run)
OPTIONAL MATCH (parent)-[:OF]->(parentJob:Job)
WITH run, job, parent, parentJob
LIMIT 1
CALL (run) {
  OPTIONAL MATCH (run)-[:READ]->(v:DatasetVersion)
  WITH v ORDER BY v.namespace, v.name, v.version LIMIT $limit
  RETURN collect(v {.namespace, .name, .version}) AS inputs
}
CALL (run) {
  OPTIONAL MATCH (run)-[:WROTE]->(v:DatasetVersion)
  WITH v ORDER BY v.namespace, v.name, v.version LIMIT $limit
  RETURN collect(v {.namespace, .name, .version}) AS outputs
}
CALL (run) {
  OPTIONAL MATCH (child:Run)-[:CHILD_OF]->(run)
  WITH child ORDER BY coalesce(child.startEventTime, child.firstEventTime), child.runId LIMIT $limit
  RETURN collect(child {.runId, .state, .jobNamespace, .jobName}) AS children
}
RETURN run, job, parent, parentJob, inputs, outputs, children
