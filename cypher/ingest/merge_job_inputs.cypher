// Dataset-level lineage into a job. An edge seen again is current unless a newer completed run of the
// job has already left it out.
// Parameters: $rows (list of {jobNamespace, jobName, namespace, name, runId, eventTime})
// Returns: namespace, name, jobNamespace, jobName of the edges that appeared or changed currency: the
//   job's reading of that dataset started or stopped (for PII updates)
UNWIND $rows AS row
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
MATCH (d:Dataset {namespace: row.namespace, name: row.name})
MERGE (d)-[e:INPUT_TO]->(j)
ON CREATE SET e.firstSeen = row.eventTime
WITH j, d, e, row, e.current AS wasCurrent
SET e.current = CASE WHEN j.lastCompletedAt IS NULL OR row.eventTime >= j.lastCompletedAt
                          OR row.runId = j.lastCompletedRun THEN true ELSE coalesce(e.current, false) END,
    e.staleSince = CASE WHEN j.lastCompletedAt IS NULL OR row.eventTime >= j.lastCompletedAt
                          OR row.runId = j.lastCompletedRun THEN null
                       WHEN coalesce(e.current, false) THEN e.staleSince
                       ELSE coalesce(e.staleSince, j.lastCompletedAt) END,
    e.lastRun = CASE WHEN e.lastSeen IS NULL OR row.eventTime >= e.lastSeen THEN row.runId ELSE e.lastRun END,
    e.lastSeen = CASE WHEN e.lastSeen IS NULL OR row.eventTime > e.lastSeen THEN row.eventTime ELSE e.lastSeen END,
    e.firstSeen = CASE WHEN row.eventTime < e.firstSeen THEN row.eventTime ELSE e.firstSeen END
WITH j, d, e, wasCurrent
WHERE wasCurrent IS NULL OR wasCurrent <> e.current
RETURN DISTINCT d.namespace AS namespace, d.name AS name, j.namespace AS jobNamespace, j.name AS jobName
