// Web UI dataset page (interim): the latest runs that read or wrote a dataset.
// Parameters: $namespace, $name, $limit
// Returns: runId, state, jobNamespace, jobName, startedAt, endedAt, access (READ|WROTE)
MATCH (d:Dataset {namespace: $namespace, name: $name})<-[:VERSION_OF]-(:DatasetVersion)<-[a:READ|WROTE]-(r:Run)
RETURN DISTINCT r.runId AS runId, r.state AS state, r.jobNamespace AS jobNamespace, r.jobName AS jobName,
       coalesce(r.startEventTime, r.firstEventTime) AS startedAt, r.endedAt AS endedAt, type(a) AS access
ORDER BY startedAt DESC
LIMIT $limit
