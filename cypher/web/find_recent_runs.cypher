// Web UI home (interim): the runs whose state changed last.
// Parameters: $limit
// Returns: runId, state, jobNamespace, jobName, startedAt, endedAt, stateTime
MATCH (r:Run)
WHERE r.state IS NOT NULL
RETURN r.runId AS runId, r.state AS state, r.jobNamespace AS jobNamespace, r.jobName AS jobName,
       coalesce(r.startEventTime, r.firstEventTime) AS startedAt, r.endedAt AS endedAt, r.stateTime AS stateTime
ORDER BY r.stateTime DESC
LIMIT $limit
