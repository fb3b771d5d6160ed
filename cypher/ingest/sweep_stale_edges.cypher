// When a run completes and it is the job's newest completion, the job's lineage edges that nothing has
// reported since this run started stop being current (unless this run reported them last). Edges
// that another run saw while this one ran stay current. They all stay in the graph as history, with
// staleSince (the completion that dropped them) so that lineage can be asked as of a past time.
// Parameters: $rows (list of {jobNamespace, jobName, runId, eventTime})
// Returns: jobNamespace, jobName of the jobs that lost a current edge (for PII updates)
UNWIND $rows AS row
MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
MATCH (r:Run {runId: row.runId})
// One row at a time: with two completions of a job in one group commit, the older one must see the
// newer one's lastCompletedAt, as it would have in two transactions.
CALL {
  WITH j, r, row
  WITH j, row, coalesce(r.startEventTime, r.firstEventTime) AS runStart
  WHERE j.lastCompletedAt IS NULL OR row.eventTime >= j.lastCompletedAt
  SET j.lastCompletedAt = row.eventTime, j.lastCompletedRun = row.runId
  WITH j, row, runStart
  // Each sweep counts the edges it turns from current to stale; stale ones only keep their staleSince.
  CALL {
    WITH j, row, runStart
    MATCH (:Dataset)-[e:INPUT_TO]->(j)
    WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < runStart
    WITH e, row, e.current AS wasCurrent
    SET e.current = false, e.staleSince = coalesce(e.staleSince, row.eventTime)
    RETURN count(CASE WHEN wasCurrent THEN 1 END) AS inputs
  }
  CALL {
    WITH j, row, runStart
    MATCH (j)-[e:OUTPUTS]->(:Dataset)
    WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < runStart
    WITH e, row, e.current AS wasCurrent
    SET e.current = false, e.staleSince = coalesce(e.staleSince, row.eventTime)
    RETURN count(CASE WHEN wasCurrent THEN 1 END) AS outputs
  }
  CALL {
    WITH j, row, runStart
    MATCH ()-[e:FEEDS {jobNamespace: j.namespace, jobName: j.name}]->()
    WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < runStart
    WITH e, row, e.current AS wasCurrent
    SET e.current = false, e.staleSince = coalesce(e.staleSince, row.eventTime)
    RETURN count(CASE WHEN wasCurrent THEN 1 END) AS columns
  }
  RETURN inputs + outputs + columns AS swept
}
WITH j, swept
WHERE swept > 0
RETURN DISTINCT j.namespace AS jobNamespace, j.name AS jobName
