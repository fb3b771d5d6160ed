// When a run completes and it is the job's newest completion, the job's lineage edges that nothing has
// reported since this run started stop being current (unless this run reported them last). Edges
// that another run saw while this one ran stay current. They all stay in the graph as history, with
// staleSince (the completion that dropped them) so that lineage can be asked as of a past time.
// Parameters: $rows (list of {jobNamespace, jobName, runId, eventTime})
// Returns: what stopped being current, for PII updates: namespace, name, jobNamespace, jobName of
//   each input the job stopped reading, and namespace, name (jobNamespace null) of each dataset that
//   lost a current edge into it (an output, or a target field's dataset)
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
  // Each sweep reports what it turns from current to stale; stale ones only keep their staleSince.
  CALL {
    WITH j, row, runStart
    MATCH (i:Dataset)-[e:INPUT_TO]->(j)
    WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < runStart
    WITH j, e, i, row, e.current AS wasCurrent
    SET e.current = false, e.staleSince = coalesce(e.staleSince, row.eventTime)
    RETURN collect(DISTINCT CASE WHEN wasCurrent THEN {namespace: i.namespace, name: i.name,
                                                      jobNamespace: j.namespace, jobName: j.name} END) AS reads
  }
  CALL {
    WITH j, row, runStart
    MATCH (j)-[e:OUTPUTS]->(o:Dataset)
    WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < runStart
    WITH e, o, row, e.current AS wasCurrent
    SET e.current = false, e.staleSince = coalesce(e.staleSince, row.eventTime)
    RETURN collect(DISTINCT CASE WHEN wasCurrent THEN {namespace: o.namespace, name: o.name} END) AS outputs
  }
  CALL {
    WITH j, row, runStart
    MATCH ()-[e:FEEDS {jobNamespace: j.namespace, jobName: j.name}]->(g:Field)
    WHERE coalesce(e.lastRun, '') <> row.runId AND e.lastSeen < runStart
    WITH e, g, row, e.current AS wasCurrent
    SET e.current = false, e.staleSince = coalesce(e.staleSince, row.eventTime)
    RETURN collect(DISTINCT CASE WHEN wasCurrent THEN {namespace: g.namespace, name: g.dataset} END) AS columns
  }
  RETURN reads + outputs + columns AS swept
}
UNWIND swept AS change
RETURN DISTINCT change.namespace AS namespace, change.name AS name, change.jobNamespace AS jobNamespace,
       change.jobName AS jobName
