// The latest runs that read or wrote a dataset, newest first, one row per run, access and version.
// Parameters: $namespace, $name (the dataset's own key), $limit
// Returns: runId, state, startedAt, endedAt, jobNamespace, jobName, access (READ or WROTE), version
MATCH (r:Run)-[a:READ|WROTE]->(v:DatasetVersion)-[:VERSION_OF]->(:Dataset {namespace: $namespace, name: $name})
WITH r, a, v, coalesce(r.startEventTime, r.firstEventTime) AS startedAt
RETURN r.runId AS runId, r.state AS state, startedAt, r.endedAt AS endedAt, r.jobNamespace AS jobNamespace,
       r.jobName AS jobName, type(a) AS access, v.version AS version
ORDER BY coalesce(endedAt, startedAt) DESC, runId, access
LIMIT $limit
