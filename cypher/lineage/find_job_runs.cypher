// The latest runs of a job, newest start first (runs known only as a parent, without times, last).
// Parameters: $namespace, $name, $limit
// Returns: runId, state, startedAt, endedAt, errorMessage
MATCH (r:Run)-[:OF]->(:Job {namespace: $namespace, name: $name})
WITH r, coalesce(r.startEventTime, r.firstEventTime) AS startedAt
RETURN r.runId AS runId, r.state AS state, startedAt, r.endedAt AS endedAt, r.errorMessage AS errorMessage
ORDER BY startedAt IS NULL, startedAt DESC, runId
LIMIT $limit
