// When a run completes and it is the job's newest completion, the job's lineage edges that this run
// did not report stop being current. They stay in the graph as history.
// Parameters: $rows (list of {jobNamespace, jobName, runId, eventTime})
UNWIND $rows AS row
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
WITH j, row
WHERE j.lastCompletedAt IS NULL OR row.eventTime >= j.lastCompletedAt
SET j.lastCompletedAt = row.eventTime, j.lastCompletedRun = row.runId
WITH j, row
CALL {
  WITH j, row
  MATCH (:Dataset)-[e:INPUT_TO]->(j)
  WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < row.eventTime
  SET e.current = false
}
CALL {
  WITH j, row
  MATCH (j)-[e:OUTPUTS]->(:Dataset)
  WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < row.eventTime
  SET e.current = false
}
CALL {
  WITH j, row
  MATCH ()-[e:FEEDS {jobNamespace: j.namespace, jobName: j.name}]->()
  WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < row.eventTime
  SET e.current = false
}
